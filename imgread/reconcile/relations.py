"""Statements that relate values: the best or worst model (superlatives), a score that grows
with size (trends), and one model ahead of another (comparisons)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import claims as claims_module
from ..claims import Claim
from ..record import Description, Flag, Series
from ..units import normalise_model_name
from .evidence import ROW_FIELD, Evidence, benchmark_key
from .verdicts import flag_claim, measure_of, owner, owner_among


def _series(evidence: Evidence, quantity: str | None) -> list[tuple[float, float, str]]:
    """(driver, score, model) triples from rows, for trends and superlatives."""
    from_rows = [(r.params_b or 0.0, r.mmlu, normalise_model_name(r.model))
                 for r in evidence.rows if r.mmlu is not None]
    if quantity in (None, "score") or (quantity == "mmlu" and from_rows):
        return from_rows
    wanted = benchmark_key(quantity)
    return [(0.0, s.value, s.model_normalised or normalise_model_name(s.model))
            for s in evidence.scores
            if s.value is not None and benchmark_key(s.benchmark) == wanted]


# "on NQ", "On GPQA (%),": the benchmark a sentence is about, named after "on".
_ON_NAME_RE = re.compile(r"\b[Oo]n (?:the )?(?P<name>[A-Z][\w.()%+-]*(?: [A-Z0-9][\w.()%+-]*)*)")


def unread_measure(claim: Claim, evidence: Evidence, measure: str | None) -> bool:
    """The sentence is about a benchmark ("on NQ") that no read column of the table is
    named: the values of the other columns say nothing about it."""
    if measure not in (None, "score"):
        return False
    models = [m for m in claims_module.mentions(claim.sentence, evidence.models)
              if m.kind == "model"]
    for found in _ON_NAME_RE.finditer(claim.sentence):
        start, end = found.span("name")
        if not any(m.start < end and start < m.end for m in models):
            return True
    return False


def check_superlative(claim: Claim, description: Description, evidence: Evidence,
                       others: Sequence[Description]) -> Flag | None:
    measure = measure_of(claim, evidence)
    if unread_measure(claim, evidence, measure):
        return None
    data = _series(evidence, measure)
    if len(data) < 2 or claim.subject is None:
        return None
    pick = max if claim.direction == "max" else min
    top = pick(score for _, score, _ in data)
    winners = [(params, model) for params, score, model in data if score == top]
    subject = claim.subject
    if subject.startswith("params="):
        wanted = subject.split("=")[1]
        largest = max(params for params, _, _ in data)
        target = largest if wanted == "max" else float(wanted)
        holds = any(abs(params - target) <= evidence.tolerance for params, _ in winners)
        if not any(abs(params - target) <= evidence.tolerance for params, _, _ in data):
            return None
    else:
        owns = owner_among([model for _, _, model in data], subject)
        if not any(owns(model) for _, _, model in data):
            return None
        holds = any(owns(model) for _, model in winners)
    if holds:
        return None
    return flag_claim("claim_contradicts_data", claim, description,
                      f"{description.model} says {claim.text!r} of {subject}; the "
                      f"{'highest' if claim.direction == 'max' else 'lowest'} {measure} "
                      f"({top:g}) belongs to {', '.join(m or f'{p:g}B' for p, m in winners)}",
                      winners=[m or p for p, m in winners], value=top)


def _rank(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    for rank, i in enumerate(order):
        ranks[i] = float(rank)
    return ranks


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    rx, ry = _rank(xs), _rank(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx) ** 0.5
    vy = sum((b - my) ** 2 for b in ry) ** 0.5
    return cov / (vx * vy) if vx and vy else 0.0


def _trend_pairs(claim: Claim, evidence: Evidence) -> list[list[tuple[float, float]]]:
    """Point sets the trend can be tested on: table rows, or each chart series."""
    driver, target = claim.quantity, claim.other or "score"
    sets: list[list[tuple[float, float]]] = []
    if driver in ROW_FIELD:
        field_x = ROW_FIELD[driver]
        field_y = ROW_FIELD.get(target, "mmlu")
        pairs = [(getattr(r, field_x), getattr(r, field_y)) for r in evidence.rows]
        sets.append([(x, y) for x, y in pairs if x is not None and y is not None])
    if driver in ("params", "x_axis") and not any(len(s) >= 3 for s in sets):
        for chart in evidence.charts:
            for series in chart.series:
                sets.append([(float(p.x), p.y) for p in series.points
                             if isinstance(p.x, int | float) and p.y is not None])
    return [pairs for pairs in sets if len(pairs) >= 3]


def check_trend(claim: Claim, description: Description, evidence: Evidence,
                 others: Sequence[Description]) -> Flag | None:
    sets = _trend_pairs(claim, evidence)
    if not sets:
        return None
    sign = 1 if claim.direction == "positive" else -1
    rhos = [spearman([x for x, _ in pairs], [y for _, y in pairs]) for pairs in sets]
    if sum(1 for rho in rhos if sign * rho > 0) * 2 > len(rhos):
        return None
    return flag_claim("claim_contradicts_data", claim, description,
                      f"{description.model} claims a {claim.direction} trend ({claim.text!r}); the "
                      f"data's rank correlation is {', '.join(f'{rho:+.2f}' for rho in rhos)}",
                      correlation=[round(rho, 3) for rho in rhos])


def _pairs_for(
    a: str, b: str, evidence: Evidence, benchmark: str | None = None
) -> list[tuple[float, float]]:
    """(a, b) values measured on the same thing: a shared benchmark or a shared x."""
    by_bench: dict[str, dict[str, list[float]]] = {}
    printed = [score.model for score in evidence.scores if score.source != "chart"]
    owns = {"a": owner_among(printed, a), "b": owner_among(printed, b)}
    for score in evidence.scores:
        # Chart points are paired by x below; a benchmark alone would mix their sizes.
        if score.value is None or score.source == "chart" or (
            benchmark and benchmark_key(score.benchmark) != benchmark_key(benchmark)
        ):
            continue
        for side in ("a", "b"):
            if owns[side](score.model):
                sides = by_bench.setdefault(benchmark_key(score.benchmark), {})
                sides.setdefault(side, []).append(score.value)
    # A family name covers each of its sizes: every pairing counts.
    pairs = [(x, y) for v in by_bench.values() if len(v) == 2 for x in v["a"] for y in v["b"]]
    for chart in evidence.charts:
        series_a = [s for s in chart.series if owner(s.name, a)]
        series_b = [s for s in chart.series if owner(s.name, b)]
        for sa in series_a:
            for sb in series_b:
                pairs += _same_x(sa, sb)
    return pairs


def _same_x(a: Series, b: Series, share: float = 0.05) -> list[tuple[float, float]]:
    """(y of a, y of b) where both series have a point at (about) the same x."""
    pairs = []
    others = [(float(p.x), p.y) for p in b.points
              if isinstance(p.x, int | float) and p.y is not None]
    for point in a.points:
        if not isinstance(point.x, int | float) or point.y is None or not others:
            continue
        x = float(point.x)
        nearest_x, nearest_y = min(others, key=lambda other: abs(other[0] - x))
        if abs(nearest_x - x) <= share * max(abs(x), abs(nearest_x)):
            pairs.append((point.y, nearest_y))
    return pairs


def check_comparison(claim: Claim, description: Description, evidence: Evidence,
                      others: Sequence[Description]) -> Flag | None:
    if claim.subject is None or claim.other is None:
        return None
    measure = measure_of(claim, evidence)
    if unread_measure(claim, evidence, measure):
        return None
    benchmark = measure if measure not in (None, "score") else None
    pairs = _pairs_for(claim.subject, claim.other, evidence, benchmark)
    if not pairs:
        return None
    wins = sum(1 for a, b in pairs if a > b)
    holds = wins == len(pairs) if claim.always else wins * 2 > len(pairs)
    if holds:
        return None
    return flag_claim("claim_contradicts_data", claim, description,
                      f"{description.model} says {claim.text!r}; {claim.subject} is ahead in "
                      f"{wins} of {len(pairs)} shared measurements",
                      wins=wins, shared=len(pairs), pairs=pairs[:10])
