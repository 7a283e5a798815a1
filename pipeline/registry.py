"""The registry of units (data/reference/units.csv), loaded once per process and indexed by province and type.

Also answers the forgiving look-ups other parts need: which province a text names (ปัตตานี, จ.ปัตตานี,
จังหวัดปัตตานี, Pattani) and which district, however extraction damaged the Thai.
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz, process

from normalizers.unit_names import (DISTRICT, PROVINCE, mark_free, name_key, name_skeleton, skeleton_of_key,
                                    split_unit_name)

REFERENCE_DIR = Path(__file__).resolve().parent.parent / "data" / "reference"
PROVINCE_MIN_SIMILARITY = 85  # rapidfuzz ratio (0-100) for a damaged province name
DISTRICT_MIN_SIMILARITY = 80  # within one province there are only 3-50 districts to tell apart
_LATIN = re.compile(r"[^a-z]")
_BANGKOK_ALIASES = ("กทม", "กรุงเทพ", "กรุงเทพฯ")


@dataclass(frozen=True)
class Unit:
    unit_id: str
    registry_code: str | None
    unit_type: str
    name_core: str
    unit_name: str
    district: str | None
    province: str
    province_code: str


class Registry:
    """All units, with the name keys the matcher compares, grouped by province (and type within it)."""

    def __init__(self, units: list[Unit], provinces: list[dict[str, str]], districts: list[dict[str, str]]):
        self.units = units
        self.by_id = {u.unit_id: u for u in units}
        self.core_keys = [name_key(u.name_core) for u in units]
        self.core_skeletons = [skeleton_of_key(k) for k in self.core_keys]
        self._by_province: dict[str, list[int]] = defaultdict(list)
        self._by_province_type: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, unit in enumerate(units):
            self._by_province[unit.province].append(i)
            self._by_province_type[(unit.province, unit.unit_type)].append(i)
        self.province_names = [p["name_th"] for p in provinces]
        self._province_by_key = {name_key(p["name_th"]): p["name_th"] for p in provinces}
        self._province_by_key.update({name_skeleton(p["name_th"]): p["name_th"] for p in provinces})
        self._province_by_key.update({_LATIN.sub("", p["name_en"].lower()): p["name_th"] for p in provinces})
        self._province_by_key.update({name_key(a): "กรุงเทพมหานคร" for a in _BANGKOK_ALIASES})
        code_to_province = {p["province_code"]: p["name_th"] for p in provinces}
        self.districts: dict[str, list[str]] = defaultdict(list)
        for d in districts:
            self.districts[code_to_province[d["province_code"]]].append(d["name_th"])
        self._district_provinces: dict[str, list[str]] = defaultdict(list)
        for province, names in self.districts.items():
            for name in names:
                self._district_provinces[_district_key(name)].append(province)

    @cached_property
    def _places(self) -> dict[str, frozenset[str]]:
        """Place names (units' cores, districts, provinces) by their letters without marks; built when first
        asked (announcements of units outside the registry), not at every registry load."""
        places: dict[str, set[str]] = defaultdict(set)
        names = [u.name_core for u in self.units] + [n for names in self.districts.values() for n in names]
        for name in names + self.province_names:
            places[mark_free(name)].add(name)
        return {key: frozenset(found) for key, found in places.items()}

    def place_spellings(self, text: str) -> frozenset[str]:
        """The place names spelled with the letters of `text` once marks are set aside (`นำน้อย`: น้ำน้อย,
        นาน้อย): what a place printed with its marks lost or moved may be."""
        return self._places.get(mark_free(text), frozenset())

    def indices(self, province: str | None = None, unit_type: str | None = None) -> list[int]:
        """Positions in `units` of the units in a province (of a type); every unit when province is None."""
        if province is None:
            return [i for i, u in enumerate(self.units) if unit_type is None or u.unit_type == unit_type]
        if unit_type is None:
            return self._by_province.get(province, [])
        return self._by_province_type.get((province, unit_type), [])

    def match_province(self, text: str | None) -> str | None:
        """The province a text names, or None. Forgiving of prefixes, abbreviations, damage and English."""
        if not text or not text.strip():
            return None
        latin = _LATIN.sub("", re.sub(r"(?i)\b(province|changwat)\b", "", text).lower())
        if latin and latin in self._province_by_key:
            return self._province_by_key[latin]
        parts = split_unit_name(text)
        candidate = parts.province or (parts.core if parts.unit_type in (None, PROVINCE) else None)
        if not candidate:
            return None
        for key in (name_key(candidate), name_skeleton(candidate)):
            if key in self._province_by_key:
                return self._province_by_key[key]
        return _best_unique(candidate, self.province_names, PROVINCE_MIN_SIMILARITY)

    def match_district(self, text: str | None, province: str | None = None) -> tuple[str, str] | None:
        """(district, province) a text names: within `province` when given, else only if the name is unique."""
        if not text or not text.strip():
            return None
        parts = split_unit_name(text if text.lstrip().startswith((DISTRICT, "อ.", "เขต")) else DISTRICT + text)
        written = parts.district
        if not province and parts.province:
            province = self.match_province(parts.province)
        if not written:
            return None
        key = _district_key(written)
        if province:
            names = self.districts.get(province, [])
            if key == "เมือง" and province != "กรุงเทพมหานคร":
                key = _district_key("เมือง" + province)
            exact = [n for n in names if _district_key(n) == key]
            if exact:
                return exact[0], province
            best = _best_unique(written, names, DISTRICT_MIN_SIMILARITY, key=_district_key)
            return (best, province) if best else None
        provinces = self._district_provinces.get(key, [])
        if len(provinces) == 1:
            return next(n for n in self.districts[provinces[0]] if _district_key(n) == key), provinces[0]
        return None


def _district_key(name: str) -> str:
    return name_skeleton(re.sub(r"^(?:อำเภอ|เขต)", "", name.strip()))


def _best_unique(text: str, choices: list[str], minimum: float, key=name_skeleton) -> str | None:
    """The one choice similar enough to `text`, or None when none is, or two are equally close."""
    if not choices:
        return None
    scores = process.extract(key(text), [key(c) for c in choices], scorer=fuzz.ratio, limit=2)
    if not scores or scores[0][1] < minimum or (len(scores) > 1 and scores[1][1] >= scores[0][1]):
        return None
    return choices[scores[0][2]]


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=4)
def load_registry(directory: Path = REFERENCE_DIR) -> Registry:
    """Read units, provinces and districts once per process (and per directory, for tests)."""
    units = [Unit(unit_id=r["unit_id"], registry_code=r["registry_code"] or None, unit_type=r["unit_type"],
                  name_core=r["name_core"], unit_name=r["unit_name"], district=r["district"] or None,
                  province=r["province"], province_code=r["province_code"])
             for r in _read(directory / "units.csv")]
    return Registry(units, _read(directory / "provinces.csv"), _read(directory / "districts.csv"))


def units_in_province(province: str) -> list[Unit]:
    """Every unit of a province (written any way match_province accepts); [] when the province is unknown."""
    registry = load_registry()
    name = registry.match_province(province)
    return [registry.units[i] for i in registry.indices(name)] if name else []


def match_province(text: str | None) -> str | None:
    """Canonical Thai province name (without จังหวัด) for ปัตตานี, จ.ปัตตานี, จังหวัดปัตตานี, Pattani…"""
    return load_registry().match_province(text)
