"""Flags on descriptions of a table, one mechanism per test.

The table is given as a reader's cells (text, confidence, the other engines' readings); the
tables stage's own helpers turn it into rows and scores, and ``reconcile_texts`` checks each
statement against them, as it does after OCR. Model names are of no known family on
purpose: what the image prints is what counts.
"""

from __future__ import annotations

import pytest

from imgread.reconcile import evidence, reconcile_texts
from imgread.record import Box, Cell, Description, PromptRef, Table
from imgread.units import parse_number

HEADER = ["Model", "Params (B)", "Tokens", "MMLU", "TruthfulQA mc2"]
BODY = [
    ["Orbit-7B", "7", "1,500B", "61.2", "44.0"],
    ["Lumen 13B Base", "13", "2T", "66.5", "48.3"],
    ["Tessera-34B", "34", "3T", "71.9", "52.6"],
]
TITLE = "Table 4: open base models"


def _table(body: list[list[str]], readings: dict[tuple[int, int], str] | None = None,
           confidence: float = 95.0) -> Table:
    readings = readings or {}
    header = [Cell(row=0, col=c, text=text, confidence=95.0) for c, text in enumerate(HEADER)]
    rows = [[Cell(row=r + 1, col=c, text=text, confidence=confidence,
                  value=parse_number(text) if c >= 3 else None,
                  readings={"rapidocr": readings[(r, c)]} if (r, c) in readings else {})
             for c, text in enumerate(line)] for r, line in enumerate(body)]
    return Table(box=Box(x1=0, y1=0, x2=600, y2=200), n_rows=len(rows) + 1,
                 n_cols=len(HEADER), header_rows=[header], body=rows, columns=list(HEADER))


def _text(body: list[list[str]]) -> str:
    return "\n".join([TITLE, " ".join(HEADER), *(" ".join(line) for line in body)])


def flags(statement: str, body: list[list[str]] = BODY, text: str | None = None,
          confidence: float | None = None, **table: object) -> list[str]:
    """The flag kinds raised on one statement about the table."""
    description = Description(model="vlm", kind="simple",
                              prompt=PromptRef(name="simple", sha256=""), text=statement)
    result = reconcile_texts(_text(body) if text is None else text, [description],
                             [_table(body, **table)], ocr_confidence=confidence)  # type: ignore[arg-type]
    return sorted(f.kind for f in result.flags if f.source == "vlm")


@pytest.mark.parametrize("statement", [
    "Orbit-7B scores 61.2 on MMLU.",
    "On MMLU, Lumen 13B Base achieves 66.5.",
    "Tessera-34B gets a TruthfulQA score of 52.6.",
    "The best model on MMLU is Tessera-34B.",
    "Tessera-34B outperforms Orbit-7B on MMLU.",
    "Orbit-7B is a 7B model.",
    "Orbit-7B was trained on 1.5T tokens.",
    "Tessera-34B was trained on 3,000B tokens.",
    'One of the column headers reads "MMLU".',
])
def test_true_statements_about_printed_names_raise_nothing(statement: str) -> None:
    assert flags(statement) == []


@pytest.mark.parametrize("statement", [
    "Lumen 13B Base scores 61.2 on MMLU.",  # Orbit-7B's score, given to another model
    "Orbit-7B gets a TruthfulQA score of 48.3.",  # the header adds "mc2"; prose does not
    "On MMLU, Orbit-7B achieves 71.9.",
])
def test_a_score_moved_to_another_model_contradicts_the_data(statement: str) -> None:
    """Every number is printed somewhere; only its own model's cell can refute it."""
    assert flags(statement) == ["claim_contradicts_data"]


@pytest.mark.parametrize("statement", [
    "Orbit-7B is a 13B model.",  # Lumen's size
    "Lumen 13B Base was trained on 1,500B tokens.",  # Orbit's count, in billions
])
def test_a_size_or_token_count_of_another_model_contradicts_the_data(statement: str) -> None:
    assert flags(statement) == ["claim_contradicts_data"]


def test_a_size_printed_in_the_models_own_row_is_its_own() -> None:
    """A reader that took the tokens column for parameters does not make a true size false:
    the value is printed in the model's row."""
    misread = [[line[0], line[2], line[1], *line[3:]] for line in BODY]
    assert flags("Orbit-7B was trained on 1,500B tokens.", body=misread) == []


@pytest.mark.parametrize("statement", [
    "The best model on MMLU is Orbit-7B.",
    "Lumen 13B Base achieves the highest MMLU score.",
    "Orbit-7B outperforms Tessera-34B on MMLU.",
])
def test_a_wrong_winner_of_no_known_family_contradicts_the_data(statement: str) -> None:
    assert flags(statement) == ["claim_contradicts_data"]


@pytest.mark.parametrize("statement", ["Atlas-70B-Chat scores 66.5 on MMLU.",
                                       "Command R+ scores 66.5 on MMLU."])
def test_a_model_the_table_does_not_have_is_named_as_such(statement: str) -> None:
    """A name built like a model's (a size), or the subject of a score, is a model."""
    assert flags(statement) == ["entity_not_in_image"]


def test_the_reading_that_lost_the_vote_is_evidence() -> None:
    """The second engine read 61.2 where Tesseract's 61.8 won: stating 61.2 is no invention."""
    body = [["Orbit-7B", "7", "1,500B", "61.8", "44.0"], *BODY[1:]]
    assert flags("Orbit-7B scores 61.2 on MMLU.", body=body) == ["number_not_in_image"]
    assert flags("Orbit-7B scores 61.2 on MMLU.", body=body,
                 readings={(0, 3): "61.2"}) == []


def test_thousands_separators_are_read_as_one_number() -> None:
    assert 1500.0 in evidence.Evidence(text="Orbit-7B 1,500B tokens").numbers
    assert flags("Orbit-7B was trained on 1,500B tokens.") == []


def test_a_count_of_models_the_text_shows_holds_when_the_reader_lost_a_row() -> None:
    lost = BODY[:2]
    text = _text(BODY)  # the page text still shows the three names
    assert flags("The table compares 3 models.", body=lost, text=text) == []
    assert flags("The table compares 5 models.", body=lost, text=text) == ["count_mismatch"]


def test_a_score_moved_on_a_poorly_read_image_is_judged_by_its_cell() -> None:
    """On an image read at 40, Lumen's cell read "61.8" may be a misread 61.2; read "66.5" it
    cannot be, and the cell refutes the statement whatever the image's confidence."""
    body = [BODY[0], ["Lumen 13B Base", "13", "2T", "61.8", "48.3"], BODY[2]]
    assert flags("Lumen 13B Base scores 61.2 on MMLU.", body=body, confidence=40.0) == [
        "unverified"]
    assert flags("Lumen 13B Base scores 61.2 on MMLU.", confidence=40.0) == [
        "claim_contradicts_data"]


def test_a_name_printed_exactly_is_not_also_its_longer_variants() -> None:
    """"Orbit-7B" is one row; "Orbit-7B-Chat" beside it is another model, not a second
    reading of it."""
    body = [*BODY, ["Orbit-7B-Chat", "7", "1,500B", "73.0", "49.0"]]
    assert flags("Orbit-7B achieves the highest MMLU score.", body=body) == [
        "claim_contradicts_data"]
    assert flags("Lumen 13B Base outperforms Orbit-7B on MMLU.", body=body) == []


def test_a_family_misread_in_the_image_still_names_the_model() -> None:
    """The image's "Liama 3 8B" is Llama 3 8B once normalised: naming it is no invention."""
    body = [["Liama 3 8B", "8", "15T", "66.6", "43.9"], *BODY[1:]]
    assert flags("Llama 3 8B performs best on TruthfulQA.", body=body) == [
        "claim_contradicts_data"]  # a wrong winner, but a model the image shows
    assert flags("Llama 3 8B scores 66.6 on MMLU.", body=body) == []


def test_a_row_whose_name_was_not_read_still_counts_as_a_model() -> None:
    body = [["", "7", "1,500B", "61.2", "44.0"], *BODY[1:]]
    text = _text(body)
    assert flags("The table compares 3 models.", body=body, text=text) == []
    assert flags("The table compares 4 models.", body=body, text=text) == ["count_mismatch"]


def test_a_name_ending_its_sentence_keeps_no_full_stop() -> None:
    from imgread.claims import extract

    [claim] = [c for c in extract("The best model on MMLU is Yi-34B.") if c.kind == "superlative"]
    assert claim.subject == "yi-34b"


def test_the_same_words_in_two_sentences_are_two_claims() -> None:
    """Two wrong winners in one description: both flagged, though both say "the best model"."""
    statement = ("The best model on MMLU is Orbit-7B. "
                 "The best model on TruthfulQA is Lumen 13B Base.")
    description = Description(model="vlm", kind="detailed",
                              prompt=PromptRef(name="detailed", sha256=""), text=statement)
    result = reconcile_texts(_text(BODY), [description], [_table(BODY)])
    spans = sorted(f.span or "" for f in result.flags if f.kind == "claim_contradicts_data")
    assert spans == ["The best model on MMLU is Orbit-7B.",
                     "The best model on TruthfulQA is Lumen 13B Base."]


def test_a_score_moved_is_caught_on_the_text_line_when_the_reader_lost_the_column() -> None:
    """The header cell was not read (the table has no "MMLU" column), but the OCR text still
    prints each model's line: a value not on the model's own line is not its score."""
    table = _table(BODY)
    for cell in table.header_rows[0][3:]:
        cell.text = ""
    table.columns = [*HEADER[:3], "", ""]
    description = Description(model="vlm", kind="simple",
                              prompt=PromptRef(name="simple", sha256=""), text="")

    def kinds(statement: str) -> list[str]:
        description.text = statement
        result = reconcile_texts(_text(BODY), [description], [table])
        return sorted(f.kind for f in result.flags if f.source == "vlm")

    assert kinds("Orbit-7B scores 66.5 on MMLU.") == ["claim_contradicts_data"]
    assert kinds("Orbit-7B scores 61.2 on MMLU.") == []
    # A decimal point the OCR lost on the line ("612") is one a reader would restore.
    description.text = "Orbit-7B scores 61.2 on MMLU."
    lost = _text(BODY).replace("61.2", "612")
    result = reconcile_texts(lost, [description], [table])
    assert [f.kind for f in result.flags if f.source == "vlm"] == []


def test_a_footnote_dagger_read_as_a_letter_leaves_the_name_its_model() -> None:
    """"Orbit-7B†" read as "Orbit-7Bt": its cells are still Orbit-7B's."""
    body = [["Orbit-7Bt", *BODY[0][1:]], *BODY[1:]]
    assert flags("Orbit-7B scores 66.5 on MMLU.", body=body) == ["claim_contradicts_data"]
    assert flags("Orbit-7B scores 61.2 on MMLU.", body=body) == []


def test_a_value_said_of_a_model_without_a_benchmark_is_checked_against_its_whole_row() -> None:
    assert flags("Tessera-34B is listed as well, at 34.") == []  # its size
    assert flags("Tessera-34B is listed as well, at 52.6.") == []
    assert flags("Tessera-34B is listed as well, at 66.5.") == ["claim_contradicts_data"]


def test_a_printed_name_with_l_read_as_i_is_found_in_prose() -> None:
    """The image's "OLMo-Ilm-7B" is the "OLMo-llm-7B" a description names (l read as I)."""
    body = [["OLMo-Ilm-7B", *BODY[0][1:]], *BODY[1:]]
    assert flags("On MMLU, OLMo-llm-7B beats Tessera-34B.", body=body) == [
        "claim_contradicts_data"]
    assert flags("On MMLU, Tessera-34B beats OLMo-llm-7B.", body=body) == []


def test_the_longer_of_two_name_patterns_is_the_name() -> None:
    from imgread.claims import mentions

    [model] = [m for m in mentions("Pythia-1.4B leads.") if m.kind == "model"]
    assert (model.surface, model.key) == ("Pythia-1.4B", "pythia-1.4b")


def test_a_header_cut_after_its_metric_still_names_the_benchmark() -> None:
    """"TruthfulQA pass@" (the digit lost): prose says "TruthfulQA"."""
    table = _table(BODY)
    table.columns = [*HEADER[:4], "TruthfulQA pass@"]
    table.header_rows[0][4].text = "TruthfulQA pass@"
    description = Description(model="vlm", kind="simple",
                              prompt=PromptRef(name="simple", sha256=""),
                              text="Orbit-7B gets a TruthfulQA score of 48.3.")
    result = reconcile_texts(_text(BODY), [description], [table])
    assert [f.kind for f in result.flags if f.source == "vlm"] == ["claim_contradicts_data"]


def test_a_name_with_a_parenthesised_tag_is_owned_by_its_name() -> None:
    body = [["Orbit-7B(GPTQ)", *BODY[0][1:]], *BODY[1:]]
    text = _text(body).replace("Orbit-7B(GPTQ)", "Orbit 7B - GPTQ build")  # not found in text
    assert flags("Orbit-7B scores 66.5 on MMLU.", body=body, text=text) == [
        "claim_contradicts_data"]
