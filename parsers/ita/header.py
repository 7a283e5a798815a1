"""Header facts: where the document proper starts, its unit as written, fiscal and assessment years."""
from __future__ import annotations

import re

from normalizers.thai_text import repair_thai
from normalizers.unit_names import expand_abbreviations, find_unit_names, name_key
from parsers.records import PageLayout, UnitMention
from parsers.ita.text import compact, skeleton

# A Thai name. A space before a vowel or mark (`หนองฝ้ าย`), or between a mark and a lone final consonant
# (`นาโป่ ง`), is extraction damage, not a word end.
_NAME = (r"[ก-ฮเ-ไ](?:[ก-๙]|\s(?=[\u0e30-\u0e3a\u0e47-\u0e4e])"
         r"|(?<=[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e])\s(?=[ก-ฮ](?![ก-๙])))*")

TITLE_LINES = 12
PLAUSIBLE_YEARS = (2550, 2580)
RUNNING_HEADER_LINES = 2  # the top lines of later pages: where a running header names the unit
_COVER_MARKS = ("บันทึกข้อความ",)
_SUBJECT = re.compile(r"^\s*เรื่อง\s")
_ADDRESSEE = re.compile(r"^\s*เรียน\s")
_UNIT_PREFIXES = (r"องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด|เทศบาลตำบล|เทศบาลเมือง|เทศบาลนคร"
                  r"|อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.")
_UNIT = re.compile(rf"({_UNIT_PREFIXES})\s*({_NAME})")
_SPECIAL_UNITS = re.compile(r"(เมืองพัทยา|กรุงเทพมหานคร)")
_PROVINCE_UNIT = re.compile(rf"ของ\s*จังหวัด\s*({_NAME})")
_DISTRICT = re.compile(rf"(?:อำเภอ|อ\.)\s*({_NAME})")
_PROVINCE = re.compile(rf"(?:จังหวัด|จ\.)\s*({_NAME}\.?)")
# Year patterns run on skeleton text (text.skeleton): `ปงบประมาณ` is ปีงบประมาณ without its mark.
# A few stray characters may sit between the words and the year (glyphs of the next line pulled in).
# `พ.ศ.`; on scans its dots come back as `1` or `,` (`พ1ศ1 2566`).
_BE = r"พ[.,1]?ศ[.,1]?"
# `ปีงบประมาณ` with its ง misread (`ปีจบประมาณ`, a scan) still names the fiscal year.
_FISCAL_WORD = r"(?:ประจำป(?:[^\d\s]?บประมาณ)?|ป[^\d\s]?บประมาณ)"
_FISCAL = re.compile(rf"{_FISCAL_WORD}[^\d]{{0,6}}?(?:{_BE})?(25\d\d)")
# The title's year statement with a year a scan left unreadable: `พ.ศ256า6`, `พ.ศ. #`, `พ.ศ. 2 5`.
_FISCAL_UNREAD = re.compile(rf"^{_FISCAL_WORD}[^\d#]{{0,6}}?(?>{_BE})(?!25\d\d(?!\d))[\d#]")
_YEAR_LEAD = rf"(?:ป(?:งบประมาณ)?[^\d]{{0,6}}?(?:{_BE})?|{_BE}|ITA[^\d]{{0,3}})"
# Not `นำผลการประเมิน…ไปใช้ ประจำปี 2569`: a plan to use the results is dated by its own year, not the results'.
_ASSESSED = re.compile(rf"(?<!นำ)(?:ผลการประเมน|ผลคะแนน)[^\d]{{0,120}}?{_YEAR_LEAD}(25\d\d)")
# The assessment named in full without the word for its results (`ตามที่สำนักงาน ป.ป.ช. ได้ประเมินคุณธรรมและความ
# โปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2568 ปรากฏว่า…`): the year it names, when no
# result statement names one.
_ASSESSMENT_NAMED = re.compile(rf"ประเมนคณธรรมและความโปรงใส[^\d]{{0,120}}?{_YEAR_LEAD}(25\d\d)")
# Words that end a unit name when a line was extracted without spaces.
_NAME_TAIL = re.compile(r"(อำเภอ|จังหวัด|พบว่า|ได้|ประจำ|ปีงบประมาณ|มีผล|ดังนี้|ในปี|คะแนน).*$")


def _is_cover(page: PageLayout) -> bool:
    """A memo (บันทึกข้อความ) or a covering letter: lines opening with `เรื่อง …` and `เรียน …`."""
    head = compact("\n".join(line.text for line in page.lines[:TITLE_LINES]))
    if any(mark in head for mark in _COVER_MARKS):
        return True
    texts = [line.text for line in page.lines]
    return any(_SUBJECT.match(t) for t in texts) and any(_ADDRESSEE.match(t) for t in texts)


def document_start(pages: list[PageLayout]) -> int:
    """Index of the first page of the document proper: memo and letter pages in front (seed 004) are
    skipped, as are empty pages."""
    for index, page in enumerate(pages):
        if page.lines and not _is_cover(page):
            return index
    return 0


def title_lines(pages: list[PageLayout], start: int) -> list[str]:
    """The first lines of the document proper."""
    return [line.text for page in pages[start:start + 2] for line in page.lines][:TITLE_LINES]


def title_text(pages: list[PageLayout], start: int) -> str:
    """Compact text of the first lines of the document proper."""
    return compact("\n".join(title_lines(pages, start)))


def _plausible(year: int) -> int | None:
    """ITA documents date from 2550-2580 BE; anything else is an OCR misreading (`2 595`), not a year."""
    return year if PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1] else None


def _first_year(pattern: re.Pattern, text: str) -> int | None:
    """The first plausible year that `pattern` (its group 1) finds in the text's skeleton."""
    for match in pattern.finditer(skeleton(text)):
        if year := _plausible(int(match.group(1))):
            return year
    return None


def fiscal_year(text: str) -> int | None:
    """The first plausible `ปีงบประมาณ พ.ศ. 2566` of the text (the title's, when given the title)."""
    return _first_year(_FISCAL, text)


def fiscal_year_unread(lines: list[str]) -> bool:
    """Whether the first year statement of the title's `lines` prints a year that could not be read (a scan).

    The body's first year is then no stand-in: it is usually the assessment year the document analyses,
    the year before its own. The statement is read on its own line (and the next when the year wrapped),
    since the next line's list number (`๑. ผลการประเมิน`) would otherwise run into the year (`25671.`)."""
    for index, line in enumerate(lines):
        text = skeleton(line)
        if not (first := re.search(_FISCAL_WORD, text)):
            continue
        statement = text[first.start():]
        if not re.search(r"[\d#]", statement) and index + 1 < len(lines):
            statement += skeleton(lines[index + 1])
        return bool(_FISCAL_UNREAD.match(statement))
    return False


def assessment_year(text: str) -> int | None:
    """The ITA year of the results a document reports (`ผลการประเมิน ITA ในปีงบประมาณ พ.ศ. 2565`)."""
    return _first_year(_ASSESSED, text) or _first_year(_ASSESSMENT_NAMED, text)


def _clean_name(name: str) -> str:
    return _NAME_TAIL.sub("", re.sub(r"\s", "", name)).rstrip(".")


def unit_mentions(pages: list[PageLayout], start: int) -> list[UnitMention]:
    """Every mention of a local-government unit, with the district/province written on the same or next
    line, tagged title (first lines of the document proper), header (top lines of later pages) or body."""
    mentions: list[UnitMention] = []
    seen: dict[tuple[str, str], UnitMention] = {}
    for index, page in enumerate(pages[start:], start):
        lines = [repair_thai(line.text) for line in page.lines]  # a name's letters as read, not as printed
        for number, line in enumerate(lines):
            where = ("title" if index == start and number < TITLE_LINES
                     else "header" if index > start and number < RUNNING_HEADER_LINES else "body")
            # only a line that is the unit's name (it opens the line) may carry the name's cut pieces
            found = [(m.group(1), m.group(2) + _title_rest(line[m.end():])
                      if where == "title" and not line[:m.start()].strip() else m.group(2))
                     for m in _UNIT.finditer(line)]
            if where == "title":  # elsewhere กรุงเทพมหานคร is an address (the province), not the unit
                found += [(m.group(1), "") for m in _SPECIAL_UNITS.finditer(line)]
            if not found:
                continue
            district, province = _place_near(lines, number)
            for prefix, name in found:
                text = prefix + _clean_name(name)
                if len(text) <= len(prefix) and name:
                    continue
                mention = UnitMention(text, where, district, province)
                if (text, where) in seen:
                    known = seen[(text, where)]
                    known.district = known.district or mention.district
                    known.province = known.province or mention.province
                    continue
                seen[(text, where)] = mention
                mentions.append(mention)
    if pages[start:] and not any(m.where == "title" for m in mentions):
        mentions = _damaged_title_mentions(pages[start]) + mentions
    if pages[start:] and (address := _title_address([repair_thai(line.text) for line in pages[start].lines])):
        for mention in mentions:
            if mention.where == "title" and not mention.district and not mention.province:
                mention.district, mention.province = address
    return _drop_cut_names(mentions)


_ADDRESS_LINE = re.compile(r"^\s*(?:อำเภอ|อ\.|จังหวัด|จ\.)")


def _title_address(lines: list[str]) -> tuple[str | None, str | None] | None:
    """The (district, province) of the title block's address line (`อำเภอไทรโยค จังหวัดกาญจนบุรี` under the
    unit's name), when the block holds one such place: a line of the first TITLE_LINES that opens with the
    district or province word and names no unit. It is the address of the unit the title names, wherever the
    name is read (a title line OCR damaged, the unit named again in the statement below)."""
    found = {_place_near([line], 0) for line in lines[:TITLE_LINES]
             if _ADDRESS_LINE.match(line) and not _UNIT.search(line) and not _SPECIAL_UNITS.search(line)}
    found.discard((None, None))
    return found.pop() if len(found) == 1 else None


_TITLE_REST = re.compile(r"^(?:\s+[ก-๏]{1,6})+\s*$")  # short Thai pieces, each after a space, to the end


def _title_rest(rest: str) -> str:
    """A title line that names the unit holds nothing after the name: short Thai pieces left after it are the
    name itself, cut by spaces a printer's lost marks left (`องค์การบริหารส่วนตำบลนำ เกล ยี ง`)."""
    return rest if _TITLE_REST.match(rest) and not _NAME_TAIL.search(re.sub(r"\s", "", rest)) else ""


def _damaged_title_mentions(page: PageLayout) -> list[UnitMention]:
    """Title mentions whose type word OCR or a font damaged (`องค การบริหารส่วนตำบลบ้องตี`, `องคการบริหารสวน…`):
    the exact-prefix pattern misses them, the unit-name normalizer still recognises the type."""
    lines = [line.text for line in page.lines[:TITLE_LINES]]
    mentions = []
    for number, line in enumerate(lines):
        district, province = _place_near(lines, number)
        mentions.extend(UnitMention(name, "title", district, province) for name in find_unit_names(line))
    return mentions


# A line of one or two signs: what a scan makes of a mark or speck between two lines (`ส` between a unit's name
# and its address); no line of a title is that short.
_SPECK = re.compile(r"^\s*\S{1,2}\s*$")


def _place_near(lines: list[str], number: int) -> tuple[str | None, str | None]:
    """(district, province) written on line `number` or the next one (past speck lines), as written, cleaned."""
    following = next((line for line in lines[number + 1:] if not _SPECK.match(line)), "")
    nearby = lines[number] + " " + following
    district, province = _DISTRICT.search(nearby), _PROVINCE.search(nearby)
    cut = ""
    if district:  # the pieces up to the province are the district's name, cut by spaces (`อำเภอนำ เกล ยี ง จังหวัด…`)
        cut = _title_rest(nearby[district.end():province.start() if province and province.start() > district.end() else None])
    return (_clean_name(district.group(1) + cut) if district else None,
            _clean_name(province.group(1)) if province else None)


CUT_LETTERS = 3  # a cut name misses a syllable or more; one letter more is damage (`อบต.หนองโสนะ 83.38`), not the rest


def _drop_cut_names(mentions: list[UnitMention]) -> list[UnitMention]:
    """A name cut at a line end (`…ขององค์การบริหารส่วนตำบลหนอง` / `ฝ้าย …`) is a strict prefix of the full
    name written elsewhere; kept, it would vote for another unit."""
    names = {m.text for m in mentions}
    # compared as type + name (`อบต.นำ` is cut from `องค์การบริหารส่วนตำบลนำเกลยีง`)
    full = {name_key(expand_abbreviations(n)) for n in names}

    def cut(text: str) -> bool:
        key = name_key(expand_abbreviations(text))
        return any(n != text and n.startswith(text) for n in names) \
            or bool(key) and any(len(f) >= len(key) + CUT_LETTERS and f.startswith(key) for f in full)

    return [m for m in mentions if not cut(m.text)]


# A line of one or two specks (`5 a` between `…ภายในหน่วยงานของ` and `จังหวัดสิงห์บุรี`, 01022 grey 150 dpi).
_SPECKS = re.compile(r"^\s*(?:\S{1,2}\s+)?\S{1,2}\s*$")


def province_unit(pages: list[PageLayout], start: int) -> str | None:
    """`มาตรการ…ภายในหน่วยงานของจังหวัดนครราชสีมา`: a provincial document, whose unit is the province.
    Returns the province name as written. Speck lines (a scan's mark between `…ของ` and `จังหวัด…`) are skipped,
    as `_place_near` does, so that the title's name is found before the score statement's."""
    lines = [line.text for page in pages[start:start + 2] for line in page.lines][:TITLE_LINES]
    lines = [line for line in lines if not _SPECKS.match(line)]
    match = _PROVINCE_UNIT.search("\n".join(lines))
    return _clean_name(match.group(1)) if match else None
