"""Resolve stage: the unit a document names → a unit of the registry, or a row for a person to review.

Every mention of the unit (title, header lines, body) votes; the title counts most. The district and province
the document gives narrow the candidates first, a type the document writes must agree, and a match below the
confidence threshold is not forced: unit_id stays null and review_units.csv lists the candidates. Decisions a
person writes into data/reference/unit_overrides.csv win on the next run (see docs/units.md).
"""
from __future__ import annotations

import csv
import logging
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process

from normalizers.unit_names import (UnitName, expand_abbreviations, mark_free, name_key, name_skeleton, snap_unit_type,
                                    split_unit_name, type_agrees)
from parsers.records import Assessment, ParsedDocument, UnitMention
from pipeline.records import UnitCandidate, UnitResolution
from pipeline.registry import REFERENCE_DIR, Registry, Unit, load_registry

log = logging.getLogger(__name__)

MENTION_WEIGHTS = {"title": 3.0, "header": 2.0, "body": 1.0}
ACCEPT = 0.80  # confidence (0..1) needed to assign a unit without review
MARGIN = 0.05  # the best must lead the runner-up by this share of its score (names repeat within a province)
ACCEPT_CLEAR_LEAD = (0.75, 0.15)  # or: this confidence with this lead, among the units of a known province
DISTRICT_BONUS = 0.10  # added when the candidate lies in the district the document names, taken when it does not
EXACT_BONUS = 6  # ratio points the exact-letter key gets over the damage-proof skeleton, so exact spelling wins
RUN_ON = 0.9  # a name that runs on into the sentence counts a little less than one that stops
APPROVAL = 0.08  # a mention approves every unit this close to its best (less than twice the district bonus)
NOISE = 0.5  # a mention this far from every candidate names no unit and does not vote
N_CANDIDATES = 5
OVERRIDES_FILE = REFERENCE_DIR / "unit_overrides.csv"
OVERRIDE_COLUMNS = ["doc_id", "unit_raw", "province", "unit_id", "note"]
REVIEW_COLUMNS = ["doc_id", "source_path", "doc_type", "unit_raw", "district_raw", "province_raw",
                  "province_found", "district_found", *[f"candidate_{i}" for i in range(1, N_CANDIDATES + 1)],
                  "unit_id", "note"]


@dataclass(frozen=True)
class _Mention:
    name: UnitName
    weight: float


def resolve_unit(parsed: ParsedDocument, doc_id: str | None = None, registry: Registry | None = None,
                 overrides: dict | None = None) -> UnitResolution:
    """The registry unit this document belongs to; method "override", "match" or "none" (left for review)."""
    registry = registry or load_registry()
    overrides = load_overrides(OVERRIDES_FILE) if overrides is None else overrides
    mentions = _mentions(parsed)
    province = _vote_province(registry, parsed, mentions)
    district, province = _vote_district(registry, parsed, mentions, province)
    if unit := _override(registry, overrides, parsed, doc_id, province):
        return _resolution(unit, 1.0, "override", [])
    named = [m for m in mentions if name_key(m.name.core)]
    if not named:
        return UnitResolution(district=district, province=province, method="none")
    indices = _block(registry, province).indices
    if not indices:
        return UnitResolution(district=district, province=province, method="none")
    sims = np.array([_similarity(registry, province, m.name) for m in named])  # mentions × candidates
    weights = np.array([m.weight for m in named])
    informative = sims.max(axis=1) >= NOISE  # "เทศบาลตำบลมีอำนาจหน้าที่…" names no unit: it does not vote
    if informative.any():
        sims, weights = sims[informative], weights[informative]
    bonus = _block(registry, province).district_bonus(district)
    adjusted = sims + bonus
    # Each mention approves the units closest to it (a cut-off "หนอง" fits several). The unit approved by the
    # most weight wins (a provincial report may name many units in its body), ties going to the best mean.
    approve = adjusted >= adjusted.max(axis=1, keepdims=True) - APPROVAL
    votes = weights @ approve
    best = int(np.lexsort((-(weights @ adjusted), -votes))[0])
    voters = approve[:, best]
    # A rival with as many votes is fine only if the same mentions approve both (then the lead decides):
    # support from elsewhere means the document names two units.
    rivals = np.flatnonzero(votes >= votes[best])
    contested = any((approve[:, r] & ~voters).any() for r in rivals if r != best)
    group = weights[voters] @ adjusted[voters] / weights[voters].sum()  # every unit, seen by the winner's voters
    confidence = float(weights[voters] @ sims[voters, best] / weights[voters].sum())
    score = float(np.clip(confidence + bonus[best], 0.0, 1.0))
    lead = group[best] - np.delete(group, best).max(initial=-1.0)
    order = np.argsort(-group, kind="stable")
    candidates = [_candidate(registry.units[indices[j]], float(np.clip(group[j], 0, 1)))
                  for j in order[:N_CANDIDATES] if group[j] > 0]
    # At least a header's worth of votes: one passing body mention is no evidence.
    plurality = votes[best] >= MENTION_WEIGHTS["header"] and not contested
    clear = province is not None and score >= ACCEPT_CLEAR_LEAD[0] and lead >= ACCEPT_CLEAR_LEAD[1]
    if plurality and lead >= MARGIN * group[best] and (score >= ACCEPT or clear):
        return _resolution(registry.units[indices[best]], score, "match", candidates)
    return UnitResolution(district=district, province=province, score=round(score, 4), method="none",
                          candidates=candidates)


# Units the registry of local governments does not hold, by the word their name starts with.
OTHER_UNIT_TYPES = (("มหาวิทยาลัย", "มหาวิทยาลัย"), ("วิทยาลัย", "วิทยาลัย"), ("โรงพยาบาล", "โรงพยาบาล"),
                    ("โรงเรียน", "โรงเรียน"), ("สำนักงาน", "สำนักงาน"), ("ศูนย์", "ศูนย์"), ("กรม", "กรม"),
                    ("สถาบัน", "สถาบัน"), ("การไฟฟ้า", "รัฐวิสาหกิจ"), ("การประปา", "รัฐวิสาหกิจ"))


def resolve_result_units(parsed: ParsedDocument, registry: Registry | None = None) -> list[UnitResolution]:
    """One resolution per announcement row: its printed name against the registry, narrowed by the district
    (column or section row) and the province the document's title gives; a type column supplies a type the
    name omits. Units outside the registry (colleges, hospitals, schools, agencies) keep a cleaned name, no
    unit_id, and the type their name starts with."""
    if not parsed.results:
        return []
    registry = registry or load_registry()
    province = _province_of(registry, parsed.province_raw)
    found = [_resolve_row(row, province, registry) for row in parsed.results]
    if province is None and (voted := _rows_province(found)):
        # a title the scan lost names no province: the one its rows' units resolved in does (an announcement
        # lists one province's units), and narrows the names that fit units of several provinces (`วังใหญ่`)
        found = [f if f.unit_id else _resolve_row(row, voted, registry) for row, f in zip(parsed.results, found)]
    return found


ROWS_PROVINCE_MIN, ROWS_PROVINCE_SHARE = 3, 0.8  # resolved rows, and the share of them in one province


def _rows_province(found: list[UnitResolution]) -> str | None:
    """The province of at least 3 rows' resolved units and of 80 % of them, or None."""
    provinces = [f.province for f in found if f.unit_id and f.province]
    if len(provinces) < ROWS_PROVINCE_MIN:
        return None
    top = max(set(provinces), key=provinces.count)
    return top if provinces.count(top) >= ROWS_PROVINCE_SHARE * len(provinces) else None


def _province_of(registry: Registry, text: str | None) -> str | None:
    """The province a title names, also when its text runs on (`นราธิวาสเรื่องผลการประเมิน…`)."""
    if not text:
        return None
    if found := registry.match_province(text):
        return found
    key = name_key(text)
    return next((p for p in sorted(registry.province_names, key=len, reverse=True) if key.startswith(name_key(p))), None)


def _resolve_row(row: Assessment, province: str | None, registry: Registry) -> UnitResolution:
    name = " ".join((row.unit_raw or "").split())
    if not name:  # a scanned row whose name was not read (the parser warned): its unit is unknown, not its type
        return UnitResolution(unit_type=split_unit_name(row.unit_type_raw or "").unit_type, province=province,
                              method="none")
    for word, unit_type in OTHER_UNIT_TYPES:
        if name_key(name).startswith(name_key(word)):
            return UnitResolution(unit_name=_place_spelled(name, len(word), registry), unit_type=unit_type,
                                  province=province, method="none")
    written = name
    if row.unit_type_raw and split_unit_name(name).unit_type is None:
        # a type cell a scan damaged (`องค์การ. บริหารส่วนตำบล`) as the type it is nearest to, where one is
        written = f"{snap_unit_type(row.unit_type_raw) or row.unit_type_raw}{name}"
    single = ParsedDocument(unit_raw=written, district_raw=row.district_raw, province_raw=province,
                            unit_mentions=[UnitMention(written, "title", row.district_raw, province)])
    found = resolve_unit(single, None, registry, overrides={})
    if found.unit_id is None:
        parts = split_unit_name(written)
        found.unit_name = f"{parts.unit_type or ''}{parts.core}" or name
        found.unit_type = parts.unit_type
    return found


_MIN_PLACE_LETTERS = 3  # letters a place must have to be re-spelled (two-letter places are everywhere)
_WORD_START = re.compile(r"[ก-ฮเ-ไ]")


def _place_spelled(name: str, after: int, registry: Registry) -> str:
    """A college, school or hospital is named after a place (วิทยาลัยการอาชีพ + น้ำน้อย): where an ending of the
    name past its type word is a registry place once marks are set aside, the place is spelled as the registry
    spells it, so a print that lost or moved its marks still gives the name the unit has elsewhere. Unchanged
    when an ending is already a place's own spelling (printed right), when an ending's letters fit several
    places (`นำน้อย`: น้ำน้อย or นาน้อย), or when endings of different lengths would spell the name differently
    (`…เทคนิคเมอง`: เมือง, or คูเมือง after `เทคนิ`)."""
    spelled_names = set()
    for start in range(after, len(name) - 1):
        tail = name[start:]
        if not _WORD_START.match(tail):
            continue
        spellings = registry.place_spellings(tail)
        if tail in spellings or len(spellings) > 1:
            return name
        if spellings and len(mark_free(tail)) >= _MIN_PLACE_LETTERS:
            spelled_names.add(name[:start] + next(iter(spellings)))
    return spelled_names.pop() if len(spelled_names) == 1 else name


def _mentions(parsed: ParsedDocument) -> list[_Mention]:
    """Every mention split into parts; identical ones merged with their weights summed."""
    raw = [(m.text, MENTION_WEIGHTS.get(m.where, 1.0), m.district, m.province) for m in parsed.unit_mentions]
    if parsed.unit_raw and not any(m.text == parsed.unit_raw for m in parsed.unit_mentions):
        raw.append((parsed.unit_raw, MENTION_WEIGHTS["title"], parsed.district_raw, parsed.province_raw))
    weights: dict[UnitName, float] = defaultdict(float)
    for text, weight, district, province in raw:
        name = split_unit_name(text)
        name = UnitName(name.unit_type, name.core, name.district or district, name.province or province)
        weights[name] += weight
    return [_Mention(name, weight) for name, weight in weights.items()]


def _vote_province(registry: Registry, parsed: ParsedDocument, mentions: list[_Mention]) -> str | None:
    votes: Counter[str] = Counter()
    for text, weight in [(parsed.province_raw, MENTION_WEIGHTS["title"])] + [
            (m.name.province, m.weight) for m in mentions]:
        if province := registry.match_province(text):
            votes[province] += weight
    return votes.most_common(1)[0][0] if votes else None


def _vote_district(registry: Registry, parsed: ParsedDocument, mentions: list[_Mention],
                   province: str | None) -> tuple[str | None, str | None]:
    """The district most weight names, within the province when it is known (a unique district name gives it)."""
    votes: Counter[tuple[str, str]] = Counter()
    for text, weight in [(parsed.district_raw, MENTION_WEIGHTS["title"])] + [
            (m.name.district, m.weight) for m in mentions]:
        if found := registry.match_district(text, province):
            votes[found] += weight
    if not votes:
        return None, province
    district, found_province = votes.most_common(1)[0][0]
    return district, province or found_province


def _similarity(registry: Registry, province: str | None, name: UnitName) -> np.ndarray:
    """0..1 similarity of one written name to each candidate; 0 where the written type disagrees."""
    block = _block(registry, province)
    exact = loose = np.zeros(len(block.keys))
    # A space may split the name (หนอง บัวโคก) or end it (บ่อระ พบว่า…): try the whole and the first word.
    for text in {name.core, name.core.split(" ")[0]}:
        exact = np.maximum(exact, _ratios(name_key(text), block.keys, block.key_lengths))
        loose = np.maximum(loose, _ratios(name_skeleton(text), block.skeletons, block.skeleton_lengths))
    loose = loose - EXACT_BONUS
    agree = block.agrees_with(name.unit_type)
    return np.maximum(exact, loose).clip(0, 100) / 100 * agree


def _ratios(query: str, choices: list[str], lengths: np.ndarray) -> np.ndarray:
    """fuzz.ratio of the query to each choice; where the query runs on past a shorter choice
    (`หางดงจึงเห็นความสำคัญ`), the discounted ratio of its prefix of that choice's length counts too."""
    scores = process.cdist([query], choices, scorer=fuzz.ratio)[0]
    for length in np.unique(lengths[lengths < len(query) - 1]):
        at = np.flatnonzero(lengths == length)
        prefix = process.cdist([query[:length]], [choices[i] for i in at], scorer=fuzz.ratio)[0] * RUN_ON
        scores[at] = np.maximum(scores[at], prefix)
    return scores


@dataclass(frozen=True, eq=False)  # hashed by identity: one per province, cached
class _Block:
    """The candidates of one province (or of the whole registry), ready for vectorized comparison."""

    indices: list[int]
    keys: list[str]
    skeletons: list[str]
    key_lengths: np.ndarray
    skeleton_lengths: np.ndarray
    types: list[str]

    districts: np.ndarray

    def district_bonus(self, district: str | None) -> np.ndarray:
        """+DISTRICT_BONUS in the district the document names, minus it elsewhere; 0 for units without one."""
        if not district:
            return np.zeros(len(self.indices))
        sign = np.where(self.districts == district, 1.0, -1.0)
        return np.where(self.districts == "", 0.0, sign * DISTRICT_BONUS)

    def agrees_with(self, written_type: str | None) -> np.ndarray:
        """1 where a candidate's type agrees with the written one (see type_agrees), else 0."""
        return _agreement(self, written_type)


@lru_cache(maxsize=1024)
def _agreement(block: _Block, written_type: str | None) -> np.ndarray:
    return np.array([type_agrees(written_type, t) for t in block.types], dtype=float)


@lru_cache(maxsize=128)
def _block(registry: Registry, province: str | None) -> _Block:
    indices = registry.indices(province)
    keys = [registry.core_keys[i] for i in indices]
    skeletons = [registry.core_skeletons[i] for i in indices]
    return _Block(indices, keys, skeletons, np.array([len(k) for k in keys]),
                  np.array([len(k) for k in skeletons]), [registry.units[i].unit_type for i in indices],
                  np.array([registry.units[i].district or "" for i in indices], dtype=object))


def _candidate(unit: Unit, score: float) -> UnitCandidate:
    return UnitCandidate(unit.unit_id, unit.unit_name, unit.district, unit.province, round(score, 4))


def _resolution(unit: Unit, score: float, method: str, candidates: list[UnitCandidate]) -> UnitResolution:
    return UnitResolution(unit_id=unit.unit_id, unit_name=unit.unit_name, unit_type=unit.unit_type,
                          district=unit.district, province=unit.province, registry_code=unit.registry_code,
                          score=round(score, 4), method=method, candidates=candidates)


# ---------------------------------------------------------------- overrides and review
def load_overrides(path: Path) -> dict[tuple[str, str], str]:
    """Decisions from unit_overrides.csv: ("doc", doc_id) or ("name", key of unit_raw + province) → unit_id."""
    if not Path(path).exists():
        return {}
    return _read_overrides(str(path), os.path.getmtime(path))


@lru_cache(maxsize=4)
def _read_overrides(path: str, _mtime: float) -> dict[tuple[str, str], str]:
    registry = load_registry()
    decisions: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if missing := set(OVERRIDE_COLUMNS) - set(reader.fieldnames or []):
            log.warning("%s lacks the columns %s; no overrides used", path, ", ".join(sorted(missing)))
            return decisions
        for line, row in enumerate(reader, start=2):
            unit_id = (row.get("unit_id") or "").strip()
            if not unit_id:
                continue
            if unit_id not in registry.by_id:
                log.warning("%s line %d: unit_id %r is not in units.csv; row ignored", path, line, unit_id)
                continue
            if doc_id := (row.get("doc_id") or "").strip():
                decisions[("doc", doc_id)] = unit_id
            elif row.get("unit_raw"):
                province = registry.match_province(row.get("province")) or ""
                decisions[("name", _raw_key(row["unit_raw"]) + "|" + province)] = unit_id
    return decisions


def _override(registry: Registry, overrides: dict, parsed: ParsedDocument, doc_id: str | None,
              province: str | None) -> Unit | None:
    unit_id = overrides.get(("doc", doc_id or ""))
    if unit_id is None and parsed.unit_raw:
        key = _raw_key(parsed.unit_raw)
        unit_id = overrides.get(("name", f"{key}|{province or ''}")) or overrides.get(("name", f"{key}|"))
    return registry.by_id.get(unit_id) if unit_id else None


def _raw_key(unit_raw: str) -> str:
    """อบต.ดงบัง and องค์การบริหารส่วนตำบล ดงบัง are one override key."""
    return name_key(expand_abbreviations(unit_raw))


def write_review_file(results: list, output_dir) -> None:
    """Write review_units.csv: one row per distinct parsed document whose unit was not resolved.

    A person fills the unit_id column and copies the row (doc_id, unit_raw, province_raw as province, unit_id)
    into data/reference/unit_overrides.csv; the next run uses it. The file is always written, so a stale one
    from an earlier run never lingers.
    """
    rows, seen = [], set()
    for result in sorted(results, key=lambda r: r.source.source_path):
        parsed, unit = result.parsed, result.unit
        if parsed is None or result.source.duplicate_of or (unit and unit.unit_id):
            continue
        key = result.source.doc_id or result.source.source_path
        if key in seen:
            continue
        seen.add(key)
        candidates = unit.candidates if unit else []
        row = {"doc_id": result.source.doc_id, "source_path": result.source.source_path,
               "doc_type": parsed.doc_type, "unit_raw": parsed.unit_raw, "district_raw": parsed.district_raw,
               "province_raw": parsed.province_raw, "province_found": unit.province if unit else None,
               "district_found": unit.district if unit else None, "unit_id": "", "note": ""}
        for i, c in enumerate(candidates[:N_CANDIDATES], start=1):
            row[f"candidate_{i}"] = f"{c.unit_id} {c.unit_name} ({c.district or '-'}, {c.province}) {c.score:.2f}"
        rows.append(row)
    output = Path(output_dir)
    output.mkdir(parents=True, exist_ok=True)
    tmp = output / ".review_units.csv.tmp"
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: ("" if row.get(k) is None else row.get(k)) for k in REVIEW_COLUMNS} for row in rows)
    os.replace(tmp, output / "review_units.csv")
