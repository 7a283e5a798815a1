"""Consistency of one announcement row with the assessment year's rules.

A row states the same result several ways (weighted points, their sum, the total, the level), so a misread
number shows as a row that contradicts itself. These checks are shared by the scan layer's digit chooser
(which keeps only readings that pass) and by validation (which refuses rows that still fail).
"""
from __future__ import annotations

from normalizers import catalog
from parsers.records import Assessment

SUM_TOLERANCE = 0.011  # points are printed with two decimals; their sum may be a rounding off the total
EXACT = 0.005  # what a scanned row must meet to choose between digit readings: the exact sum
WEIGHTED_TOLERANCE = 0.02  # raw tool scores are each rounded before weighting
_LETTER_FLOORS = {"AA": 95, "A": 85, "B": 75, "C": 65, "D": 55, "E": 50, "F": 0}
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


def problems(a: Assessment, year: int | None, tolerance: float = SUM_TOLERANCE) -> list[str]:
    """Why the row cannot be right as read (empty when it is consistent)."""
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


def _sum_problems(a: Assessment, year: int | None, tolerance: float) -> list[str]:
    total = a.overall_score
    if total is None:
        return []
    eit_parts = [a.eit_part1_points, a.eit_part2_points]
    points = [a.iit_points, a.eit_points if a.eit_points is not None else None, a.oit_points]
    if a.eit_points is None and any(p is not None for p in eit_parts):
        points += eit_parts
    if any(p is not None for p in points):
        # `-` is no score: a tool without one adds nothing (a unit that did not take part in it)
        expected = sum(p for p in points if p is not None)
        if abs(expected - total) > tolerance:
            return [f"points sum {expected:.2f} differs from the total {total}"]
        return []
    raw = {"iit": a.iit, "eit": a.eit, "oit": a.oit, "eit_part1": a.eit_part1, "eit_part2": a.eit_part2}
    w = catalog.weights(year)
    if "EIT_PART1" in w and a.eit_part1 is not None and a.eit_part2 is not None:
        parts = {"iit": w["IIT"], "eit_part1": w["EIT_PART1"], "eit_part2": w["EIT_PART2"], "oit": w["OIT"]}
    else:
        parts = {"iit": w["IIT"], "eit": w.get("EIT", w.get("EIT_PART1", 0) + w.get("EIT_PART2", 0)), "oit": w["OIT"]}
    if not all(raw[k] is not None for k in parts):
        return []
    expected = sum(raw[k] * weight for k, weight in parts.items()) / 100
    if abs(expected - total) > max(tolerance, WEIGHTED_TOLERANCE):
        return [f"weighted tools {expected:.2f} differ from the total {total}"]
    return []


def level_range(level: str | None) -> tuple[float, float] | None:
    """The totals a printed level allows, or None when the level says nothing checkable."""
    if level is None:
        return None
    if level in _LETTER_FLOORS:
        floor = _LETTER_FLOORS[level]
        ceiling = min((f for f in _LETTER_FLOORS.values() if f > floor), default=100.005) - 0.005
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
