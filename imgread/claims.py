"""Statements a VLM makes about an image, pulled out of its prose so they can be checked.

Only statements that the image can confirm or refute are extracted: quoted strings, model,
benchmark and task names, numbers, ranges ("ranging from 7 to 70"), counts ("six rows"),
superlatives ("performs best"), trends ("positive correlation"), and comparisons
("X outperforms Y"). Generic words are left alone: a theory lens that talks about
"knowledge" is not naming a benchmark.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .units import normalise_model_name

ClaimKind = Literal[
    "quote", "entity", "number", "range", "count", "superlative", "trend", "comparison"
]

# Model families as they are printed; the ambiguous ones (common words) only when capitalised.
_FAMILIES = (
    "llama|mistral|mixtral|gemma|qwen|gpt|claude|baichuan|deepseek|internlm|chatglm|glm|"
    "pythia|vicuna|tinyllama|minicpm|kimi|minimax|skywork|aquila|mpt|starcoder|codellama|"
    "olmo|granite|nemotron|zephyr|wizardlm|stablelm|redpajama|bloomz?|palm|chinchilla|gopher"
)
_CAPITAL_FAMILIES = "Yi|OPT|Phi|Falcon|Gemini|Grok|Jamba|Orca|Alpaca|Solar|T5|Ernie"
_VERSION = r"(?:[-\s]?(?i:v)?\d(?:\.\d+)*[a-z]?(?![\d.]*\s*%)(?!\d))?"
# Variant tags chained with hyphens: "-R1", "-V3-0324", "-4o-1120", "-Max", "-200K".
_TAG_WORDS = "chat|instruct|inst|it|base|max|plus|turbo|pro|mini|flash|air|lite|coder|moe|text|llm"
_TAG = rf"(?:-(?:[A-Za-z]*\d[\w.]*|(?i:{_TAG_WORDS})))*"
_SIZE = r"(?:[-\s]\d+(?:\.\d+)?[BbMm](?![a-zA-Z]))?"
_NAMED = r"(?:\s(?:Sonnet|Opus|Haiku|Turbo|Pro|Flash|Ultra|Nano))?"
FAMILY_RE = re.compile(rf"\b(?:(?i:{_FAMILIES})|{_CAPITAL_FAMILIES})")
MODEL_RE = re.compile(
    rf"\b(?:(?i:{_FAMILIES})|{_CAPITAL_FAMILIES}){_VERSION}{_TAG}{_SIZE}{_NAMED}(?![\w-])"
)
_BENCHMARKS = (
    "mmlu|cmmlu|c-eval|ceval|gaokao|bbh|gsm8k|gsm-8k|humaneval|mbpp|hellaswag|winogrande|"
    "truthfulqa|triviaqa|piqa|siqa|boolq|openbookqa|agieval|mt-bench|alpacaeval|ifeval|"
    "livecodebench|longbench|gpqa|aime|swe-bench|big-bench|bigbench|lambada|squad|superglue|"
    "commonsenseqa|naturalquestions|natural questions|arena-hard|codeforces"
)
# A name of any family made the way model names are made: a capitalised word and a size,
# with versions and tags ("Atlas-70B-Chat", "Orion 34B", "Juniper 7B Base"). Words that
# start a sentence or caption ("The 7B", "Table 2B") are not names.
_NOT_A_NAME = (r"(?:The|A|An|Our|Its|This|That|These|Those|Their|Table|Figure|Fig|Panel|Only|"
               r"Both|Each|Every|All|Some|Most|With|At|On|In|Of|For|From|And|Or|Top|Best)")
SIZED_NAME_RE = re.compile(
    rf"\b(?!{_NOT_A_NAME}\b)[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*(?:[-\s.](?:[vV]?\d+(?:\.\d+)*"
    r"|[A-Z][A-Za-z]*))*?[-\s]\d+(?:\.\d+)?[BbMm](?:-[A-Za-z0-9.]+)*"
    r"(?:\s(?:Base|Chat|Instruct))?(?![\w-])"
)
# The subject of a score ("Command R+ scores 68.9", "On MMLU, DBRX Instruct reaches 61"):
# a capitalised name directly before a verb of scoring names a model, whatever its family.
_SCORE_VERB = r"(?:scores|reaches|achieves|gets|posts|obtains|attains|records)"
SCORING_SUBJECT_RE = re.compile(
    rf"(?:^|(?<=, ))(?!{_NOT_A_NAME}\b)(?P<name>[A-Z][\w.+-]*(?: [A-Z0-9][\w.+-]*){{0,3}})"
    rf"(?= {_SCORE_VERB}\b)"
)
BENCHMARK_RE = re.compile(rf"\b(?:(?i:{_BENCHMARKS})|MATH|ARC(?:-[ce])?|DROP|RACE|GLUE)\b")
# Task names: phrases always count; the single generic words only where the sentence is
# about tasks or metrics, or where they are capitalised as a printed label would be.
_TASK_PHRASES = (
    "question answering|sentiment analysis|text classification|named entity recognition|"
    "machine translation|text summari[sz]ation|summari[sz]ation|code generation|"
    "reading comprehension|common[- ]?sense reasoning|mathematical reasoning|math reasoning|"
    "natural language inference|instruction following|image captioning|world knowledge|"
    "dialogue generation|paraphrase detection|spam detection|translation"
)
_TASK_WORDS = "reasoning|knowledge|comprehension|coding|math|mathematics"
TASK_PHRASE_RE = re.compile(rf"\b(?i:{_TASK_PHRASES})\b")
TASK_WORD_RE = re.compile(rf"(?<![/\w])(?i:{_TASK_WORDS})(?![/\w])")
_TASK_CUE_RE = re.compile(
    r"\b(?:tasks?|metrics?|benchmarks?|categories|domains|such as|including|like)\b", re.I
)

_QUOTE_RE = re.compile(r"[\"“”]([^\"“”]{2,200})[\"“”]|(?<![\w’])['‘]([^'‘’\n]{2,80})['’](?!\w)")
# A number joined to a word by a hyphen or slash ("instruct-2332") is part of a name.
NUMBER_RE = re.compile(
    r"(?<![\w.])(?<![A-Za-z][-/])(?P<num>\d+(?:[.,]\d+)?)(?:\s?(?P<unit>%|x\b|×|[BMT]\b))?(?![\w.]*\w)"
)
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "twenty": 20,
}
_COUNT_RE = re.compile(
    rf"\b(?P<n>\d+|{'|'.join(_WORDS)})(?!\s+of\b)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?P<what>rows?|columns?|models?|"
    r"graphs?|panels?|charts?|bars?|series|plots?)\b",
    re.I,
)
_RANGE_RE = re.compile(
    r"(?:rang(?:e|es|ing)\s+(?:from\s+)?|from\s+|between\s+)(?P<approx>(?:about|approximately|"
    r"roughly|around|~)\s*)?(?P<low>\d+(?:\.\d+)?)\s*%?\s*[A-Za-z]?\s*(?:to|and|-|–)\s*"
    r"(?:about\s+|approximately\s+)?(?P<high>\d+(?:\.\d+)?)",
    re.I,
)
_IMAGE_TEXT_CUE_RE = re.compile(
    r"\b(?:titled|title|reads?|labell?ed|labels?|caption\w*|columns?|headers?|headings?|"
    r"legend|axis|says|text|overlay|named|entitled)\b",
    re.I,
)
_APPROX_RE = re.compile(r"\b(?:about|approximately|roughly|around|nearly|almost|~)\s*$", re.I)

# Quantities a sentence can be about, in the order they are tried.
QUANTITY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("x_axis", re.compile(r"\bx[- ]axis\b", re.I)),
    ("y_axis", re.compile(r"\by[- ]axis\b", re.I)),
    ("params", re.compile(r"\bparam(?:eter)?s?\b|\bmodel sizes?\b|\blarger models\b", re.I)),
    ("tokens", re.compile(r"\b(?:training )?tokens\b|\btraining data\b", re.I)),
    ("mmlu", re.compile(r"\bmmlu\b", re.I)),
    ("score", re.compile(r"\bscores?\b|\bperformance\b|\baccuracy\b", re.I)),
)
# A header's unit mark is part of its name in prose ("the highest GPQA (%) score").
_MEASURE = r"(?:[\w.()%-]+\s+){0,2}?(?:score|result|mmlu|performance|accuracy)"
_BEST_RE = re.compile(
    rf"\b(?:perform(?:s|ing)?\s+(?:the\s+)?best|(?:the\s+)?best\s+(?:model|performer)\b|"
    rf"(?:the\s+)?best[- ]performing|highest\s+{_MEASURE}|scores?\s+(?:the\s+)?highest|"
    r"top[- ]performing)\b",
    re.I,
)
_WORST_RE = re.compile(
    rf"\b(?:perform(?:s|ing)?\s+(?:the\s+)?worst|(?:the\s+)?worst\s+(?:model|performer)\b|lowest\s+{_MEASURE}|"
    r"scores?\s+(?:the\s+)?lowest|worst[- ]performing)\b",
    re.I,
)
# "the 70B model performs", "models with 70 parameters performing": a size needs its unit.
_WITH_PARAMS_RE = re.compile(
    r"(?<![\w.-])(?P<n>\d+(?:\.\d+)?)(?:\s*B\b|\s*billion\b(?:\s*param\w*)?|"
    r"\s*(?:parameters?|params)\b)\s*(?:models?)?\s*(?:perform|scor|achiev|is|are|has)",
    re.I,
)
_POSITIVE_RE = re.compile(
    r"\bpositive(?:ly)?\s+correlat|\b(?:larger|bigger|more)\b[^.]{0,60}\b(?:higher|better|"
    r"improv)|\bincreas\w*\s+with\b|\bscal(?:e|es|ing)\s+with\b",
    re.I,
)
_NEGATIVE_RE = re.compile(
    r"\bnegative(?:ly)?\s+correlat|\b(?:larger|bigger|more)\b[^.]{0,60}\b(?:lower|worse)|"
    r"\bdecreas\w*\s+with\b",
    re.I,
)
_OUTPERFORM_RE = re.compile(
    r"\b(?:outperform\w*|beats?|surpass\w*|(?:is|are)\s+better\s+than|scores?\s+higher\s+than|"
    r"(?:is|are)\s+ahead\s+of)\b",
    re.I,
)
_ALWAYS_RE = re.compile(r"\b(?:consistently|always|across all|in all|on all|every)\b", re.I)
_COMPARE_CUE_RE = re.compile(
    r"\bcompar\w*|\bvs\.?|\bversus\b|\bagainst\b|\bbetween\b|\boutperform\w*|\bthan\b", re.I
)


@dataclass(frozen=True)
class _Span:
    """A named group of a match, standing in for the whole match."""

    text: str
    where: tuple[int, int]

    def span(self) -> tuple[int, int]:
        return self.where

    def group(self, _: int = 0) -> str:
        return self.text


@dataclass(frozen=True)
class Mention:
    """A model, benchmark or task named in the text, with where it sits in its sentence."""

    surface: str
    key: str  # normalised for comparison
    kind: Literal["model", "benchmark", "task"]
    start: int
    end: int


@dataclass
class Claim:
    kind: ClaimKind
    text: str  # the quoted string, name, number or phrase as written
    sentence: str
    value: float | None = None
    high: float | None = None  # the upper end of a range
    quantity: str | None = None  # params, tokens, mmlu, score, x_axis, y_axis, rows, columns
    approximate: bool = False
    entity_kind: str | None = None
    subject: str | None = None  # a model key, or "params=70" for "the 70B model"
    other: str | None = None  # the second model of a comparison
    direction: Literal["max", "min", "positive", "negative", "greater"] | None = None
    always: bool = False
    siblings: list[str] = field(default_factory=list)  # other names listed with this one


def sentences(text: str) -> list[str]:
    """Sentences and list items, markdown emphasis removed."""
    text = re.sub(r"\*\*|__|^\s*[-*•]\s+|^-{3,}\s*$", " ", text, flags=re.M)
    text = text.replace("*", " ")
    # A sentence may open with a name in Chinese or Japanese script ("天衡-14B scores ...").
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(\u3040-\u30ff\u3400-\u9fff])|\n+", text)
    cleaned = (re.sub(r"\s+", " ", part).strip() for part in parts)
    return [part for part in cleaned if part and not re.fullmatch(r"\d+\.?", part)]


def _model_key(surface: str) -> str:
    key = normalise_model_name(surface)
    return re.sub(r"-(\d+)\.0(?=$|-)", r"-\1", key)  # "LLaMA 2.0" is LLaMA 2


_CONFUSABLE = {ch: "[lI1|]" for ch in "lI1"} | {ch: "[O0]" for ch in "O0"}


def printed_name_re(name: str) -> re.Pattern[str] | None:
    """A model name as the image prints it, found in prose whatever its spacing, hyphens
    and case ("Pika 13B Base" in "pika-13b-base"); None for names too short to be sure."""
    # CJK characters are part of the name: "书澜-34B" is not every "34B" of the prose.
    parts = re.findall(r"[A-Za-z0-9\u3040-\u30ff\u3400-\u9fff]+", name)
    if len("".join(parts)) < 3 or BENCHMARK_RE.fullmatch(name.strip()):
        return None
    # The image's name as OCR read it: l, I and 1 (and O and 0) are one another's misreads.
    joined = r"[\W_]*".join("".join(_CONFUSABLE.get(ch, re.escape(ch)) for ch in part)
                            for part in parts)
    return re.compile(rf"(?<![A-Za-z0-9]){joined}(?![A-Za-z0-9])", re.IGNORECASE)


def mentions(sentence: str, known_models: Sequence[str] = ()) -> list[Mention]:
    """Model, benchmark and task names in one sentence, left to right, not overlapping.

    ``known_models`` are the names the image prints: wherever prose repeats one, it is
    that model, of whatever family; longer names are matched first so that a model's full
    name wins over its family's. Names of no known family count where they are built like
    model names (a size) or are the subject of a score."""
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def add(match: re.Match[str] | _Span, kind: Literal["model", "benchmark", "task"],
            key: str) -> None:
        span = match.span()
        if any(span[0] < end and start < span[1] for start, end in taken):
            return
        taken.append(span)
        found.append(Mention(match.group(0), key, kind, *span))

    for name in sorted(set(known_models), key=len, reverse=True):
        pattern = printed_name_re(name)
        for match in pattern.finditer(sentence) if pattern else ():
            add(match, "model", _model_key(name))
    for match in BENCHMARK_RE.finditer(sentence):
        add(match, "benchmark", re.sub(r"[^a-z0-9]", "", match.group(0).lower()))
    # Of the names a family and a sized pattern find at one place, the longer is the name.
    named = [m for pattern in (MODEL_RE, SIZED_NAME_RE) for m in pattern.finditer(sentence)]
    for match in sorted(named, key=lambda m: len(m.group(0)), reverse=True):
        # A version's dot may swallow the full stop of a name ending its sentence.
        name = match.group(0).rstrip(".")
        add(_Span(name, (match.start(), match.start() + len(name))), "model", _model_key(name))
    for match in SCORING_SUBJECT_RE.finditer(sentence):
        if not BENCHMARK_RE.fullmatch(match.group("name")):
            add(_Span(match.group("name"), match.span("name")), "model",
                _model_key(match.group("name")))
    for match in TASK_PHRASE_RE.finditer(sentence):
        add(match, "task", match.group(0).lower().replace("-", " "))
    cued = bool(_TASK_CUE_RE.search(sentence))
    for match in TASK_WORD_RE.finditer(sentence):
        if cued or (match.group(0)[0].isupper() and match.start() > 0):
            add(match, "task", match.group(0).lower())
    return sorted(found, key=lambda m: m.start)


def _quantity(sentence: str) -> str | None:
    for name, pattern in QUANTITY_WORDS:
        if pattern.search(sentence):
            return name
    return None


def _quantity_at(sentence: str, position: int) -> str | None:
    """What a range at ``position`` is about: the nearest axis named before it, else the
    first specific quantity (parameters, tokens, MMLU), else scores in general."""
    before = sentence[:position]
    axes = [(m.start(), name) for name, pattern in QUANTITY_WORDS[:2]
            for m in pattern.finditer(before)]
    if axes:
        return max(axes)[1]
    named = [name for name, pattern in QUANTITY_WORDS[2:4] if pattern.search(before)]
    if named:
        return named[0]
    benchmark = BENCHMARK_RE.search(sentence)
    return _score_quantity(sentence) if benchmark else _quantity(sentence)


def _number(text: str) -> float:
    return float(text.replace(",", "")) if text.count(",") != 1 or len(text.split(",")[1]) == 3 \
        else float(text.replace(",", "."))


def extract(
    text: str, scare_quotes: bool = False, known_models: Sequence[str] = ()
) -> list[Claim]:
    """Every checkable statement in a description, in reading order.

    ``scare_quotes``: the text is commentary (a theory lens) where quotation marks mostly
    mark words, not printed text; only quotes said to be printed there are kept.
    """
    claims: list[Claim] = []
    for sentence in sentences(text):
        claims.extend(_sentence_claims(sentence, scare_quotes, known_models))
    return claims


def _sentence_claims(
    sentence: str, scare_quotes: bool = False, known_models: Sequence[str] = ()
) -> list[Claim]:
    claims: list[Claim] = []
    quoted: list[tuple[int, int]] = []
    for match in _QUOTE_RE.finditer(sentence):
        quote = (match.group(1) or match.group(2) or "").strip(" ,.;:")
        quoted.append(match.span())
        if len(re.sub(r"\W", "", quote)) >= 2 and _names_image_text(quote, sentence,
                                                                      scare_quotes):
            claims.append(Claim("quote", quote, sentence))
    found = mentions(sentence, known_models)
    for mention in found:
        if any(a <= mention.start < b for a, b in quoted):
            continue  # a name inside a quote is checked with its quote
        # Benchmarks and tasks are both things measured: a list may mix them.
        measured = {"benchmark", "task"}
        siblings = [m.key for m in found if m is not mention and (
            m.kind == mention.kind or {m.kind, mention.kind} <= measured)]
        claims.append(Claim("entity", mention.surface, sentence, entity_kind=mention.kind,
                            subject=mention.key, siblings=siblings))
    claims.extend(_comparisons(sentence, found))
    blocked = quoted + [(m.start, m.end) for m in found]
    claims.extend(_numbers(sentence, blocked))
    claims.extend(_shapes(sentence, found))
    return claims


def _names_image_text(quote: str, sentence: str, scare_quotes: bool) -> bool:
    """A quote that claims to be printed in the image, not a scare quote ("truth")."""
    cued = bool(_IMAGE_TEXT_CUE_RE.search(sentence))
    return cued or (not scare_quotes and bool(re.search(r"[A-Z0-9]", quote)))


def _numbers(sentence: str, blocked: list[tuple[int, int]]) -> list[Claim]:
    claims: list[Claim] = []
    ranged: list[tuple[int, int]] = []
    for match in _RANGE_RE.finditer(sentence):
        low, high = float(match.group("low")), float(match.group("high"))
        if low >= high:
            continue
        ranged.append(match.span())
        claims.append(Claim("range", match.group(0), sentence, value=low, high=high,
                            quantity=_quantity_at(sentence, match.start()),
                            approximate=bool(match.group("approx"))))
    counted: list[tuple[int, int]] = []
    for match in _COUNT_RE.finditer(sentence):
        if any(a <= match.start() < b for a, b in blocked):
            continue
        raw = match.group("n").lower()
        what = match.group("what").lower().rstrip("s")
        what = {"graph": "panel", "chart": "panel", "plot": "panel", "serie": "series"}.get(
            what, what)
        counted.append(match.span("n"))
        claims.append(Claim("count", match.group(0), sentence,
                            value=float(_WORDS.get(raw) or raw), quantity=what))
    skip = blocked + ranged + counted
    for match in NUMBER_RE.finditer(sentence):
        start = match.start()
        if any(a <= start < b for a, b in skip):
            continue
        if re.match(r"^\d+\.\s", sentence[start:]) and start == 0:
            continue  # a numbered heading
        claims.append(Claim("number", match.group(0), sentence,
                            value=_number(match.group("num")),
                            quantity=(match.group("unit") or "").strip() or None,
                            approximate=bool(_APPROX_RE.search(sentence[:start]))))
    return claims


def _comparisons(sentence: str, found: list[Mention]) -> list[Claim]:
    models = [m for m in found if m.kind == "model"]
    match = _OUTPERFORM_RE.search(sentence)
    claims: list[Claim] = []
    if match:
        before = [m for m in models if m.end <= match.start()]
        after = [m for m in models if m.start >= match.end()]
        if before and after and before[-1].key != after[0].key:
            claims.append(Claim("comparison", sentence[before[-1].start : after[0].end],
                                sentence, subject=before[-1].key, other=after[0].key,
                                direction="greater", always=bool(_ALWAYS_RE.search(sentence)),
                                quantity=_score_quantity(sentence)))
    return claims


def _shapes(sentence: str, found: list[Mention]) -> list[Claim]:
    """Superlatives and trends: claims about the shape of the data rather than one value."""
    claims: list[Claim] = []
    for pattern, direction in ((_BEST_RE, "max"), (_WORST_RE, "min")):
        match = pattern.search(sentence)
        if not match:
            continue
        subject = _superlative_subject(sentence, match, found)
        if subject:
            claims.append(Claim("superlative", match.group(0), sentence, subject=subject,
                                direction=direction,  # type: ignore[arg-type]
                                quantity=_score_quantity(sentence)))
    for pattern, direction in ((_POSITIVE_RE, "positive"), (_NEGATIVE_RE, "negative")):
        match = pattern.search(sentence)
        if match:
            claims.append(Claim("trend", match.group(0), sentence, direction=direction,  # type: ignore[arg-type]
                                quantity=_driver(sentence), other=_score_quantity(sentence)))
    return claims


def _superlative_subject(sentence: str, match: re.Match[str], found: list[Mention]) -> str | None:
    models = [m for m in found if m.kind == "model" and m.end <= match.start()]
    sized = list(_WITH_PARAMS_RE.finditer(sentence[: match.end()]))
    if sized and (not models or sized[-1].start() > models[-1].end):
        return f"params={float(sized[-1].group('n')):g}"
    if re.search(r"\b(?:largest|biggest)\s+model", sentence[: match.start()], re.I):
        return "params=max"
    if not models:  # "the best model on MMLU is X": the subject follows
        models = [m for m in found if m.kind == "model" and m.start >= match.end()][:1]
    return models[-1].key if models else None


def _score_quantity(sentence: str) -> str:
    found = BENCHMARK_RE.search(sentence)
    return found.group(0).lower().replace("-", "") if found else "score"


def _driver(sentence: str) -> str | None:
    """What a trend runs along: parameters, tokens, or a chart's x axis."""
    for name in ("params", "tokens", "x_axis"):
        pattern = dict(QUANTITY_WORDS)[name]
        if pattern.search(sentence):
            return name
    return None


def comparison_group(text: str) -> list[list[str]]:
    """Models named together where the text compares them, one group per sentence."""
    groups = []
    for sentence in sentences(text):
        if not _COMPARE_CUE_RE.search(sentence):
            continue
        keys: list[str] = []
        for mention in mentions(sentence):
            if mention.kind == "model" and mention.key not in keys:
                keys.append(mention.key)
        if len(keys) >= 2:
            groups.append(keys)
    return groups
