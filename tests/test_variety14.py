"""What held-out set 11 (docs/variety.md "Variety14") showed, as rules of meaning and structure: a count (of
respondents, questions, items) beside a tool's name or in a column of its own is no tool score."""
from __future__ import annotations

import pytest

from parsers.ita import parse_document
from parsers.ita.statements import count_columns, tools
from parsers.records import DocumentLayout, PageLayout, Table, TableRow, TextLine


def _page(number: int, *lines: str) -> PageLayout:
    return PageLayout(number, 595, 842, [TextLine(t, 40, 40 + 20 * i, 500, 55 + 20 * i) for i, t in enumerate(lines)])


def _table(header: list[str], *rows: list[str]) -> Table:
    body = [TableRow(header, 1, "header")] + [TableRow(cells, 1) for cells in rows]
    return Table(body, [1], len(header), header)


def _tool_document(table: Table) -> DocumentLayout:
    lines = ["มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568",
             "องค์การบริหารส่วนตำบลบ้านกร่าง", "อำเภอเมือง จังหวัดพิษณุโลก",
             "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้คะแนนรวม 86.86 คะแนน อยู่ในระดับ A"]
    lines += ["  ".join(r.cells) for r in table.rows]
    return DocumentLayout("x", 1, [_page(1, *lines)], [table])


# a tools table with columns of counts beside the score column, in the words units print
COUNT_TABLES = [
    (["เครื่องมือ", "จำนวนผู้ประเมิน (คน)", "จำนวนคำถาม", "คะแนน"],
     ["IIT", "63", "20", "86.34"], ["EIT", "98", "16", "89.36"], ["OIT", "-", "33", "85.38"]),
    (["แบบประเมิน", "ผู้ประเมิน (ราย)", "คำถาม (ข้อ)", "ผลการประเมิน"],
     ["IIT", "๖๓", "๒๐", "๘๖.๓๔"], ["EIT", "๙๘", "๑๖", "๘๙.๓๖"], ["OIT", "", "๓๓", "๘๕.๓๘"]),
]


@pytest.mark.parametrize("table", COUNT_TABLES)
def test_a_column_of_counts_beside_the_tools_scores_is_no_score(table):
    parsed = parse_document(_tool_document(_table(*table)))
    a = parsed.assessment
    assert (a.overall_score, a.level) == (86.86, "A")
    assert (a.iit, a.eit, a.oit) == (86.34, 89.36, 85.38)


def test_count_columns_need_a_count_header_and_whole_numbers():
    rows = [["IIT", "63", "86.34"], ["EIT", "98", "89.36"]]
    assert count_columns(["เครื่องมือ", "จำนวนผู้ประเมิน (คน)", "คะแนน"], rows) == {1}
    # a header naming no count, or a column of decimals under `จำนวน…`, is not a count column
    assert count_columns(["เครื่องมือ", "ครั้งที่", "คะแนน"], rows) == set()
    assert count_columns(["เครื่องมือ", "จำนวน", "จำนวนคะแนน"], [["IIT", "86.34", "86.34"]]) == set()


@pytest.mark.parametrize("line, score", [
    ("IIT 63 คน 86.34", 86.34), ("IIT : 63 ราย 20 ข้อ 86.34", 86.34), ("OIT ๓๓ ข้อ ได้คะแนน ๘๕.๓๘", 85.38),
    ("IIT 86.34 คะแนน ผู้ประเมิน 63 คน", 86.34),
])
def test_a_count_beside_its_noun_is_no_tool_score(line, score):
    assert [(r.score) for r in tools([line], 2568)] == [score]


def test_a_tool_with_only_a_count_gets_no_score():
    assert [r.score for r in tools(["IIT 63 คน"], 2568) if r.score is not None] == []
