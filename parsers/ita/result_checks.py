"""Consistency of one announcement row with the assessment year's rules.

A row states the same result several ways (weighted points, their sum, the total, the level), so a misread
number shows as a row that contradicts itself. These checks are shared by the scan layer's digit chooser
(which keeps only readings that pass) and by validation (which refuses rows that still fail).
"""
from __future__ import annotations

import re

from normalizers import catalog
from normalizers.digits import to_arabic_digits
from parsers.records import Assessment

SUM_TOLERANCE = 0.011  # points are printed with two decimals; their sum may be a rounding off the total
EXACT = 0.005  # what a scanned row must meet to choose between digit readings: the exact sum
WEIGHTED_TOLERANCE = 0.02  # raw tool scores are each rounded before weighting
MEAN_TOLERANCE = 0.1  # a tool taken as the mean of its rounded indicators, each side rounded on its own
# Thai scale (2567+): the total range each level allows. The tool floor (ita_rules.md) only ever lowers a
# level, and OVEC tables print ผ่านดี with a tool under 85, so it is not a reason to refuse a row.
_THAI_RANGES = {"ผ่านดีเยี่ยม": (95.0, 100.0), "ผ่านดี": (85.0, 100.0), "ผ่าน": (85.0, 100.0),
                "ต้องปรับปรุง": (70.0, 84.995), "ต้องปรับปรุงโดยด่วน": (0.0, 69.995)}
_BELOW_PASS = (0.0, 84.995)  # a level printed outside the scale that says improvement (`ปรับปรุง`)


def point_weights(year: int | None, split_eit: bool) -> dict[str, float]:
    """Maximum weighted points of each points field; a table printing one EIT column gives it both parts'."""
    w = catalog.weights(year)
    out = {"iit_points": w["IIT"], "oit_points": w["OIT"]}
    if "EIT_PART1" in w:
        out.update(eit_part1_points=w["EIT_PART1"], eit_part2_points=w["EIT_PART2"])
        out["eit_points"] = w["EIT_PART1"] + w["EIT_PART2"]
    else:
        out["eit_points"] = w["EIT"]
    if not split_eit:
        out.pop("eit_part1_points", None)
        out.pop("eit_part2_points", None)
    return out


def problems(a: Assessment, year: int | None, tolerance: float | None = None) -> list[str]:
    """Why the row cannot be right as read (empty when it is consistent); `tolerance` replaces
    expected_total's for the sum (the scan chooser's EXACT)."""
    found = []
    split = a.eit_part1_points is not None or a.eit_part2_points is not None
    weights = point_weights(year, split)
    for name in Assessment.SCORES:
        value = getattr(a, name)
        if value is not None and not 0 <= value <= 100:
            found.append(f"{name} {value} outside 0-100")
    for name in Assessment.POINTS:
        value = getattr(a, name)
        if value is not None and not 0 <= value <= weights.get(name, 100.0) + 1e-9:
            found.append(f"{name} {value} over its weight {weights.get(name)}")
    found += _sum_problems(a, year, tolerance)
    found += _level_problems(a, year)
    return found


def expected_total(a: Assessment, year: int | None,
                   tools: dict[str, float] | None = None) -> tuple[float, float] | None:
    """(the total a row's tools add up to, how far a printed total may be from it), or None when its tools
    say nothing about the total. The one weighted-sum rule of announcements, score tables and validation.

    * Weighted points (any `*_points` stated): their sum, EIT as one column or as its two parts. A tool
      without points adds nothing: in a row it is `-`, a unit the tool did not assess (OVEC rows with OIT
      alone); a number the scan could not read is refused before it gets here. Tolerance SUM_TOLERANCE: the
      printed total is the sum of the printed points.
    * Raw 0-100 scores (the row's own iit/eit/eit_part1/eit_part2/oit, or `tools` when the caller has
      completed them from indicator means): weighted by the year's weights (catalog.weights), EIT as its two
      parts where both are stated, else as one tool carrying both parts' weight. Every tool is needed (a
      missing raw score is unknown, not zero). Tolerance WEIGHTED_TOLERANCE (each score is rounded before it
      is weighted), MEAN_TOLERANCE where a tool is the mean of its indicators rather than printed.
    """
    printed = {k: v for k, v in (("iit", a.iit), ("eit", a.eit), ("eit_part1", a.eit_part1),
                                 ("eit_part2", a.eit_part2), ("oit", a.oit)) if v is not None}
    if tools is None:
        eit_parts = [a.eit_part1_points, a.eit_part2_points]
        points = [a.iit_points, a.eit_points, a.oit_points]
        if a.eit_points is None:
            points += eit_parts
        if any(p is not None for p in points):
            return sum(p for p in points if p is not None), SUM_TOLERANCE
        tools = printed
    parts = _tool_weights(year, "eit_part1" in tools and "eit_part2" in tools)
    if not all(k in tools for k in parts):
        return None
    computed = any(printed.get(k) != tools[k] for k in parts)
    # a total printed with one decimal is the weighted sum rounded to it: half its last place off, at most
    rounded = _printed_step(a) / 2 + 0.005
    return sum(tools[k] * weight for k, weight in parts.items()) / 100, \
        MEAN_TOLERANCE if computed else max(WEIGHTED_TOLERANCE, rounded)


_PRINTED = re.compile(r"\d{1,3}\.(\d{1,2})")


def _printed_step(a: Assessment) -> float:
    """The last decimal place the row's total is printed to (0.01, or 0.1 in tables of one decimal), from the
    total's own text; 0.01 when the text is not the total (a name's provenance) or says nothing."""
    texts = (a.source.text, *a.source.rivals) if a.source is not None and a.source.text else ()
    for part in (to_arabic_digits(t).strip() for t in texts):  # a template's guess offers its rivals too
        match = _PRINTED.fullmatch(part)
        if match is not None and a.overall_score is not None and abs(float(part) - a.overall_score) <= 1e-9:
            return 10.0 ** -len(match.group(1))
    return 0.01


def _tool_weights(year: int | None, eit_in_parts: bool) -> dict[str, float]:
    """The year's weight of each raw tool score: EIT as its two parts where the year has them and the row
    states both, else as one tool carrying both parts' weight."""
    w = catalog.weights(year)
    if "EIT_PART1" in w and eit_in_parts:
        return {"iit": w["IIT"], "eit_part1": w["EIT_PART1"], "eit_part2": w["EIT_PART2"], "oit": w["OIT"]}
    return {"iit": w["IIT"], "eit": w.get("EIT", w.get("EIT_PART1", 0) + w.get("EIT_PART2", 0)), "oit": w["OIT"]}


def _bound_problems(a: Assessment, year: int | None) -> list[str]:
    """A raw-score row missing some tools still bounds its total: the tools read give at least their weighted
    share, and the unread ones at most their full weight (a tool scores 0-100). `32.17` for an EIT of `72.17`
    beside a total of 87.45 and an OIT of 95.39 would need an IIT of 132: the row cannot be right as read."""
    if any(getattr(a, name) is not None for name in Assessment.POINTS):
        return []
    parts = _tool_weights(year, a.eit is None and a.eit_part1 is not None and a.eit_part2 is not None)
    read = {k: getattr(a, k) for k in parts if getattr(a, k) is not None}
    if not read or len(read) == len(parts):
        return []
    least = sum(read[k] * parts[k] for k in read) / 100
    most = least + sum(weight for k, weight in parts.items() if k not in read)
    if not least - WEIGHTED_TOLERANCE <= a.overall_score <= most + WEIGHTED_TOLERANCE:
        return [f"the tools read allow a total of {least:.2f}-{most:.2f}, not {a.overall_score}"]
    return []


def _sum_problems(a: Assessment, year: int | None, tolerance: float | None) -> list[str]:
    if a.overall_score is None:
        return []
    if (found := expected_total(a, year)) is None:
        return _bound_problems(a, year)
    expected, allowed = found
    if tolerance is not None:  # exact points; raw scores weighted are never exact
        allowed = tolerance if allowed == SUM_TOLERANCE else max(tolerance, allowed)
    if abs(expected - a.overall_score) > allowed:
        kind = "points sum" if allowed == SUM_TOLERANCE else "weighted tools"
        return [f"{kind} {expected:.2f} differs from the total {a.overall_score}"]
    return []


def level_range(level: str | None) -> tuple[float, float] | None:
    """The totals a printed level allows, or None when the level says nothing checkable."""
    if level is None:
        return None
    if level in catalog.LETTER_FLOORS:
        floor = catalog.LETTER_FLOORS[level]
        ceiling = min((f for f in catalog.LETTER_FLOORS.values() if f > floor), default=100.005) - 0.005
        return floor, ceiling
    if level in _THAI_RANGES:
        return _THAI_RANGES[level]
    if "ปรับปรุง" in level:
        return _BELOW_PASS
    return None


def _level_problems(a: Assessment, year: int | None) -> list[str]:
    bounds = level_range(a.level)
    if bounds is None or a.overall_score is None:
        return []
    low, high = bounds
    if not low - 1e-9 <= a.overall_score <= high + 1e-9:
        return [f"level {a.level} does not fit the total {a.overall_score}"]
    return []


def tool_cap(a: Assessment) -> str | None:
    """2567+: ผ่านดี/ผ่านดีเยี่ยม need every tool at 85 % of its weight (ita_rules.md); a note, not a refusal."""
    if a.level not in ("ผ่านดีเยี่ยม", "ผ่านดี"):
        return None
    shares = []
    weights = point_weights(2568, False)
    for name in ("iit_points", "eit_points", "oit_points"):
        value = getattr(a, name)
        if value is not None:
            shares.append(100 * value / weights[name])
    shares += [v for v in (a.iit, a.eit, a.oit) if v is not None]
    if shares and min(shares) < 85:
        return f"level {a.level} with a tool at {min(shares):.1f} % (the 2567 rule caps it at ผ่าน)"
    return None
