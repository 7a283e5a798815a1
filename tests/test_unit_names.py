"""Unit-name normalization: abbreviations, noise, damaged marks, splitting a mention into its parts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizers.unit_names import (CITY_MUNI, MUNICIPALITY, PROVINCE, PROVINCIAL_ADMIN, SUBDISTRICT_ADMIN,
                                    SUBDISTRICT_MUNI, TOWN_MUNI, UnitName, expand_abbreviations,
                                    find_unit_names, name_key, name_skeleton, split_unit_name, strip_noise,
                                    type_agrees)
from pipeline.registry import load_registry


@pytest.mark.parametrize("written, expected", [
    ("อบต.ดงบัง", "องค์การบริหารส่วนตำบลดงบัง"),
    ("อ.บ.ต. ดงบัง", "องค์การบริหารส่วนตำบลดงบัง"),
    ("อบต บ้านดง", "องค์การบริหารส่วนตำบลบ้านดง"),
    ("ทต.บ้านจั่น", "เทศบาลตำบลบ้านจั่น"),
    ("ทม.เบตง", "เทศบาลเมืองเบตง"),
    ("ทน.ยะลา", "เทศบาลนครยะลา"),
    ("อบจ.ปัตตานี", "องค์การบริหารส่วนจังหวัดปัตตานี"),
    ("อ.สายบุรี จ.ปัตตานี", "อำเภอสายบุรี จังหวัดปัตตานี"),
    ("ต.บือเระ อ. สายบุรี", "ตำบลบือเระ อำเภอสายบุรี"),
    ("ของอบต.ดงบัง", "ขององค์การบริหารส่วนตำบลดงบัง"),
    ("ต้องอดทน.", "ต้องอดทน."),  # ทน. inside a word is not เทศบาลนคร
    ("ผอ.กอง", "ผอ.กอง"),  # อ. inside a word is not อำเภอ
    ("อำเภอ๑", "อำเภอ1"),
])
def test_expand_abbreviations(written, expected):
    assert expand_abbreviations(written) == expected


@pytest.mark.parametrize("written, expected", [
    # seed 000: one unit, four spellings, district and province on the title page
    ("องค์การบริหารส่วนตำบลปือระ", UnitName(SUBDISTRICT_ADMIN, "ปือระ")),
    ("องค์การบริหารส่วนตำบลบ่อระ อำเภอสายบุรี จังหวัดปัตตานี",
     UnitName(SUBDISTRICT_ADMIN, "บ่อระ", "สายบุรี", "ปัตตานี")),
    ("ขององค์การบริหารส่วนตำบลบ่อระ ปีงบประมาณ พ.ศ. ๒๕๖๕", UnitName(SUBDISTRICT_ADMIN, "บ่อระ")),
    # seed 001: office word before the unit, trailing full stop
    ("สำนักงานเทศบาลตำบลคลองปราบ.", UnitName(SUBDISTRICT_MUNI, "คลองปราบ")),
    ("อ.บ.ต. ดงบัง อ.ลืออำนาจ จ.อำนาจเจริญ", UnitName(SUBDISTRICT_ADMIN, "ดงบัง", "ลืออำนาจ", "อำนาจเจริญ")),
    ("ศาลากลางจังหวัดนราธิวาส", UnitName(PROVINCE, "นราธิวาส", None, "นราธิวาส")),
    ("องค์การบริหารส่วนจังหวัดลำพูน", UnitName(PROVINCIAL_ADMIN, "ลำพูน")),
    ("เทศบาลเมืองเบตง", UnitName(TOWN_MUNI, "เบตง")),
    ("เทศบาลนครยะลา", UnitName(CITY_MUNI, "ยะลา")),
    ("เทศบาลบ้านจั่น", UnitName(MUNICIPALITY, "บ้านจั่น")),
    # SARA AM lost as a space, split into NIKHAHIT + SARA AA
    ("องค์การบริหารส่วนต าบลห้วยสัตว์ใหญ่", UnitName(SUBDISTRICT_ADMIN, "ห้วยสัตว์ใหญ่")),
    ("เทศบาลต\u0e4d\u0e32บลนาวง", UnitName(SUBDISTRICT_MUNI, "นาวง")),
    # names that begin like a marker or a noise word stay whole
    ("เทศบาลตำบลเขตรอุดมศักดิ์", UnitName(SUBDISTRICT_MUNI, "เขตรอุดมศักดิ์")),
    ("องค์การบริหารส่วนตำบลในเมือง อำเภอพิมาย", UnitName(SUBDISTRICT_ADMIN, "ในเมือง", "พิมาย")),
    ("องค์การบริหารส่วนตำบลณรงค์", UnitName(SUBDISTRICT_ADMIN, "ณรงค์")),
    ("กรุงเทพมหานคร", UnitName(None, "กรุงเทพมหานคร")),
])
def test_split_unit_name(written, expected):
    assert split_unit_name(written) == expected


@pytest.mark.parametrize("line, expected", [
    # an OCR'd title line of a scanned sample: thanthakhat lost, a space inside องค์การ, noise before it
    ("a : ° ม มฆ้องค การบริหารส่วนตำบลบ้องตี", ["องค์การบริหารส่วนตำบลบ้องตี"]),
    ("จากผลการประเมิน ITA ของอบต.บ่อระ พบว่า", ["องค์การบริหารส่วนตำบลบ่อระ"]),
    ("องค์การบริหารส่วนตำบลบ่อระอำเภอสายบุรีจังหวัดปัตตานี", ["องค์การบริหารส่วนตำบลบ่อระ"]),
    ("ทต.นาวง และ ทม.เบตง", ["เทศบาลตำบลนาวง", "เทศบาลเมืองเบตง"]),
    ("ผู้ว่าราชการจังหวัดนครราชสีมา", []),  # a province is not a local government
])
def test_find_unit_names_in_running_text(line, expected):
    assert find_unit_names(line) == expected


def test_strip_noise_drops_every_leading_office_word():
    assert strip_noise("นายกองค์การบริหารส่วนตำบลดงบัง") == "องค์การบริหารส่วนตำบลดงบัง"
    assert strip_noise("ที่ทำการสำนักงานเทศบาลตำบลนาวง") == "เทศบาลตำบลนาวง"
    assert strip_noise("ณรงค์") == "ณรงค์"


def test_skeleton_survives_seed_misspellings_and_damage():
    assert name_key("ป้อระะ") == "ป้อระ"
    assert name_skeleton("ป้อระะ") == name_skeleton("บ่อระ") == name_skeleton("ปอระ")
    assert name_skeleton("ส านักงาน".replace(" ", "ำ")) == name_skeleton("สานักงาน")
    assert name_skeleton("เจ้ำหน้ำที่") == name_skeleton("เจ้าหน้าที่")


def test_type_agreement():
    assert type_agrees(None, SUBDISTRICT_ADMIN)
    assert type_agrees(MUNICIPALITY, TOWN_MUNI)
    assert not type_agrees(MUNICIPALITY, SUBDISTRICT_ADMIN)
    assert not type_agrees(PROVINCE, PROVINCIAL_ADMIN)


_ABBREVIATED = {SUBDISTRICT_ADMIN: "อบต", PROVINCIAL_ADMIN: "อบจ", SUBDISTRICT_MUNI: "ทต", TOWN_MUNI: "ทม",
                CITY_MUNI: "ทน"}
_UNITS = [u for u in load_registry().units if u.unit_type in _ABBREVIATED or u.unit_type == PROVINCE]


@settings(max_examples=300, deadline=None)
@given(unit=st.sampled_from(_UNITS), abbreviate=st.booleans(), dotted=st.booleans(), spaced=st.booleans())
def test_registry_names_split_back_into_their_parts(unit, abbreviate, dotted, spaced):
    """Any registry unit, written in full or abbreviated, with its district and province, splits back."""
    written_type = unit.unit_type
    if abbreviate and unit.unit_type in _ABBREVIATED:
        letters = _ABBREVIATED[unit.unit_type]
        written_type = (".".join(letters) + "." if dotted else letters + ".") + (" " if spaced else "")
    text = written_type + unit.name_core
    if unit.district:
        text += (" อ." if abbreviate else " อำเภอ") + unit.district
    if unit.unit_type != PROVINCE:
        text += (" จ." if abbreviate else " จังหวัด") + unit.province
    parts = split_unit_name(text)
    assert parts.unit_type == unit.unit_type
    assert name_key(parts.core) == name_key(unit.name_core)
    assert parts.district == unit.district
    assert parts.province == unit.province


@given(st.text(alphabet=st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B) | st.sampled_from(" .")))
def test_keys_are_idempotent_and_never_contain_spaces(text):
    assert name_key(name_key(text)) == name_key(text)
    assert name_skeleton(name_skeleton(text)) == name_skeleton(text)
    assert " " not in name_key(text)


def test_a_type_cell_a_scan_damaged_snaps_to_the_nearest_type_only_when_one_is_near():
    from normalizers.unit_names import snap_unit_type

    assert snap_unit_type("องค์การ. บริหารส่วนตำบล") == snap_unit_type("อง์การคบริหารส่วนตำบล") == SUBDISTRICT_ADMIN
    assert snap_unit_type("เทศบาล ตำบล") == "เทศบาลตำบล" and snap_unit_type("องค์การบริหารส่วนจังหวัด") == PROVINCIAL_ADMIN
    # its place word lost: ตำบล or จังหวัด; a bare family or another word: no type is guessed
    assert snap_unit_type("องค์การบริหารส่วน") is None and snap_unit_type("เทศบาล") is None
    assert snap_unit_type("วิทยาลัย") is None and snap_unit_type("") is None


def test_a_dotted_acronym_name_is_not_read_as_a_province():
    """เทศบาลตำบลจ.ป.ร. (Ranong): its จ. opens the name, it is no จังหวัด (found by the property above)."""
    parts = split_unit_name("ทต.จ.ป.ร. อ.กระบุรี จ.ระนอง")
    assert (parts.unit_type, name_key(parts.core), parts.district, parts.province) == \
        ("เทศบาลตำบล", name_key("จ.ป.ร."), "กระบุรี", "ระนอง")
