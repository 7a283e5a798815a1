"""Build data/reference/{units,provinces,districts}.csv from the shared reference files.

The pipeline never reads ../shared at run time: this script copies what the resolve stage needs into the
project, keeping for every row where it came from. Run it again when the shared reference changes:

    python scripts/build_registry.py [--source ../shared/reference] [--output data/reference]
"""
from __future__ import annotations

import argparse
import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GEOTHAI_SOURCE = "geothai 3.2.1 (DOPA) {}"
DLA_SOURCE = "DLA opendata dlads_05_01"  # the full source line is in UNITS_PROVENANCE.md
PROVINCE_TYPE = "จังหวัด"
UNIT_COLUMNS = ["unit_id", "registry_code", "unit_type", "type_abbr", "name_core", "unit_name", "district",
                "province", "province_code", "source"]


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: row.get(k, "") for k in columns} for row in rows)


def local_units(registry: list[dict[str, str]]) -> list[dict]:
    """Local governments: the DLA code is the unit_id; the one unit without a code (Bangkok) gets a stable one."""
    units = []
    for row in registry:
        code = row["lao_code"].strip()
        units.append({
            "unit_id": code or f"SPECIAL-{row['province_code']}",
            "registry_code": code,
            "unit_type": row["type_th"],
            "type_abbr": row["type_abbr"],
            "name_core": row["name_core"],
            "unit_name": row["name_full"],
            "district": row["district_th"],
            "province": row["province_th"],
            "province_code": row["province_code"],
            "source": DLA_SOURCE if row["source"].startswith(DLA_SOURCE) else row["source"],
        })
    return units


def provincial_units(provinces: list[dict[str, str]]) -> list[dict]:
    """The 76 provinces as units (province-level ITA documents); Bangkok is already a local government."""
    return [{
        "unit_id": f"PROV-{p['province_code']}",
        "registry_code": p["province_code"],
        "unit_type": PROVINCE_TYPE,
        "type_abbr": "จ.",
        "name_core": p["name_th"],
        "unit_name": PROVINCE_TYPE + p["name_th"],
        "district": "",
        "province": p["name_th"],
        "province_code": p["province_code"],
        "source": GEOTHAI_SOURCE.format("th_provinces_geothai.csv"),
    } for p in provinces if p["name_th"] != "กรุงเทพมหานคร"]


def build(source: Path, output: Path) -> dict[str, int]:
    registry = read_csv(source / "thai_lao_registry.csv")
    provinces = read_csv(source / "th_provinces_geothai.csv")
    districts = read_csv(source / "th_districts_geothai.csv")
    units = sorted(local_units(registry) + provincial_units(provinces), key=lambda u: u["unit_id"])
    ids = [u["unit_id"] for u in units]
    if len(set(ids)) != len(ids):
        raise SystemExit("duplicate unit_id in the registry: refusing to write an ambiguous units.csv")
    output.mkdir(parents=True, exist_ok=True)
    write_csv(output / "units.csv", UNIT_COLUMNS, units)
    for p in provinces:
        p["source"] = GEOTHAI_SOURCE.format("th_provinces_geothai.csv")
    write_csv(output / "provinces.csv", ["province_code", "name_th", "name_en", "source"], provinces)
    for d in districts:
        d["source"] = GEOTHAI_SOURCE.format("th_districts_geothai.csv")
    write_csv(output / "districts.csv", ["district_code", "province_code", "name_th", "name_en", "source"], districts)
    return {"units": len(units), "provinces": len(provinces), "districts": len(districts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "reference")
    parser.add_argument("--output", type=Path, default=ROOT / "data" / "reference")
    args = parser.parse_args()
    counts = build(args.source, args.output)
    print(", ".join(f"{name} {n}" for name, n in counts.items()))


if __name__ == "__main__":
    main()
