"""Is this an ITA document, and of which family? A cheap, broad check on the text of the first pages.

It decides whether the rest of a document is worth reading (and OCR'ing): most PDFs a crawl of ITA pages
finds are other public-sector papers (forms, budgets, procurement, project reports). The check is broad on
purpose: any title of the five families, any wording of a results announcement (ผลการประเมินคุณธรรมและ
ความโปร่งใส, ITA, ผลคะแนน) and the vocabulary every family's title uses (คุณธรรมและความโปร่งใส, การประเมินคุณธรรม,
ITA, IIT/EIT/OIT) keeps the document; so does too little readable text to judge. Only a document whose first pages read well
and say none of it is dropped. Matching is on skeleton text (no spaces, no marks), and the long phrases
also fuzzily, so a scan's damaged letters still match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from parsers.ita import header
from parsers.ita.doctype import classify
from parsers.ita.text import compact, skeleton
from parsers.records import PageLayout

# What a results announcement (one table of many units' scores) says in its title or table.
_ANNOUNCEMENT = ("ผลการประเมินคุณธรรมและความโปร่งใส", "ผลคะแนน", "ผลการประเมินITA", "คะแนนITA")
# Words of the assessment itself: any of them keeps the document. Every family's title carries one (or ITA).
# Anti-corruption wording alone (ทุจริต, ประพฤติมิชอบ, ผลประโยชน์ทับซ้อน) does not: plans and reports on
# corruption prevention are evidence of their own, not one of the families this project reads.
# Transparency alone (ความโปร่งใส) does not either: strategy plans and procurement papers promise it.
_ITA_WORDS = ("คุณธรรมและความโปร่งใส", "มาตรการส่งเสริมคุณธรรม", "การประเมินคุณธรรม")
_ITA_LATIN = re.compile(r"(?<![A-Za-z])(?:ITA|IIT|EIT|OIT|MOIT)(?![a-z])")
# Long phrases a scan garbles a letter or two of (`คุณธรรมและความโปรงใส`, `ผลการประเมนคุณธรรม`).
_FUZZY = ("คุณธรรมและความโปร่งใส", "ผลการประเมินคุณธรรม", "มาตรการส่งเสริมคุณธรรม")
_FUZZY_SCORE = 85
# Below this many Thai letters, or this mean page quality, the first pages cannot say "not ITA".
MIN_LETTERS = 120
MIN_QUALITY = 0.3  # what the layout calls a garbage text layer (parsers.layout.GARBAGE_QUALITY); damaged
# but readable layers (lost SARA AM, PUA glyphs: 0.4-0.5) still show ITA wording to the skeleton match

_THAI_LETTER = re.compile(r"[ก-ฮ]")


@dataclass(frozen=True)
class Relevance:
    ita: bool  # read the document in full
    family: str | None  # a DocType family or "results_announcement" when the first pages say which
    reason: str  # why, in a few words (shown as the doc_type_reason of a document not read in full)


def judge(pages: list[PageLayout]) -> Relevance:
    """Verdict on the first pages of a document (normalized text)."""
    text = "\n".join(page.text for page in pages)
    start = header.document_start(pages)
    title = header.title_text(pages, start)
    body = compact("\n".join(page.text for page in pages[start:]))
    family, _ = classify(title, body[:3000])
    if family != "unknown":
        return Relevance(True, family, f"title of a {family} document")
    key = skeleton(text)
    for phrase in _ANNOUNCEMENT:
        if skeleton(phrase) in key:
            return Relevance(True, "results_announcement", f"results wording {phrase!r}")
    for word in _ITA_WORDS:
        if skeleton(word) in key:
            return Relevance(True, None, f"ITA wording {word!r}")
    if found := _ITA_LATIN.search(compact(text)):
        return Relevance(True, None, f"ITA wording {found.group()!r}")
    for phrase in _FUZZY:
        if fuzz.partial_ratio(skeleton(phrase), key) >= _FUZZY_SCORE:
            return Relevance(True, None, f"ITA wording close to {phrase!r}")
    letters = len(_THAI_LETTER.findall(text))
    quality = sum(p.quality for p in pages) / len(pages) if pages else 0.0
    if letters < MIN_LETTERS or quality < MIN_QUALITY:
        return Relevance(True, None, f"too little readable text to judge ({letters} Thai letters, quality {quality:.2f})")
    first = next((line.text for page in pages for line in page.lines if line.text.strip()), "")
    return Relevance(False, None, f"no ITA title or wording; first line {first[:60]!r}")
