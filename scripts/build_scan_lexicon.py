"""Build data/reference/scan_restorations.csv: misreadings Tesseract makes of ITA words, and the word each stands for;
and data/reference/ita_words.csv: the ITA vocabulary's words and runs of two and three words, with their counts
(parsers/scan_words.py corrects OCR'd free text towards the common ones).

Tesseract drops Thai tone marks (`เจ้าหน้าที` for เจ้าหน้าที่, `ซือ` for ซื้อ, `เชือมัน` for เชื่อมั่น) and takes ช for
ซ or ข (`มิซอบ`, `ขัดเจน`). The words are those of ITA documents: the catalogs' question wordings
(data/reference/ita_catalog_*.csv), the office names (offices.csv) and the seed documents' text (optional
folder), tokenised by PyThaiNLP and kept when they are in its word list. Each is damaged the ways OCR damages it
(one or two tone marks lost, one ช read as ซ or ข); a damaged form is kept only when it can stand for nothing
else: it is no word of PyThaiNLP's list or of the domain, and it occurs in none of them as a whole run of letters
(not followed by a mark, not after a leading vowel). So replacing it never changes correct Thai.

    python scripts/build_scan_lexicon.py [/work/shared/seeds]
"""
from __future__ import annotations

import csv
import itertools
import re
import sys
from pathlib import Path

from pythainlp.corpus import thai_words
from pythainlp.tokenize import word_tokenize

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "data" / "reference"
OUT = REFERENCE / "scan_restorations.csv"
RUNS = REFERENCE / "ita_words.csv"
MAX_RUN = 3  # words in a run of ita_words.csv
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"
CONFUSED = {"ช": "ซข"}  # a letter and what Tesseract reads it as on these scans
COMBINING = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
LEADING = "เแโใไ"
MIN_LETTERS = 4


def domain_texts(seeds: Path | None) -> list[tuple[str, str]]:
    """(text, where it comes from) of the ITA vocabulary."""
    out = []
    for path in sorted(REFERENCE.glob("ita_catalog_*.csv")):
        with path.open(encoding="utf-8") as handle:
            out += [(row["text"], path.name) for row in csv.DictReader(handle)]
    with (REFERENCE / "offices.csv").open(encoding="utf-8") as handle:
        out += [(row["name"], "offices.csv") for row in csv.DictReader(handle)]
    if seeds:
        out += [(path.read_text(encoding="utf-8"), f"seeds/{path.name}") for path in sorted(seeds.glob("*.txt"))]
    return out


def damaged(word: str) -> set[str]:
    """The forms OCR makes of `word`: one or two tone marks lost; one ช read as ซ or ข."""
    forms = set()
    marks = [i for i, char in enumerate(word) if char in TONE_MARKS]
    for n in (1, 2):
        for lost in itertools.combinations(marks, n):
            forms.add("".join(c for i, c in enumerate(word) if i not in lost))
    for i, char in enumerate(word):
        for other in CONFUSED.get(char, ""):
            forms.add(word[:i] + other + word[i + 1:])
    return forms


def write_runs(texts: list[tuple[str, str]], dictionary: set[str]) -> int:
    """ita_words.csv: each run of one to MAX_RUN words of the texts' Thai (every word in PyThaiNLP's list), how
    often it is printed, and the first text printing it. Runs with a damaged word (`ส านักงาน` in a seed) are not
    the vocabulary."""
    counts: dict[str, list] = {}
    for text, source in texts:
        for run in re.findall(r"[\u0e01-\u0e4e]+", text):
            tokens = word_tokenize(run, engine="newmm")
            for size in range(1, MAX_RUN + 1):
                for i in range(len(tokens) - size + 1):
                    window = tokens[i:i + size]
                    if all(t in dictionary for t in window):
                        entry = counts.setdefault("".join(window), [0, source])
                        entry[0] += 1
    with RUNS.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["run", "count", "source"])
        writer.writerows([run, count, source] for run, (count, source) in sorted(counts.items()))
    return len(counts)


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else None
    dictionary = set(thai_words())
    domain = domain_texts(seeds)  # read once: the runs, the words, the pairs and the letters all come from it
    print(f"{write_runs(domain, dictionary)} runs in {RUNS.relative_to(ROOT)}")
    found: dict[str, tuple[str, str]] = {}  # domain word -> first source
    for text, source in domain:
        for token in word_tokenize(text, engine="newmm", keep_whitespace=False):
            if token in dictionary and re.fullmatch(r"[\u0e01-\u0e4e]+", token):
                found.setdefault(token, (token, source))
    words = {w for w in found if len(re.sub(f"[{COMBINING}]", "", w)) >= MIN_LETTERS}
    known = "\n".join(dictionary | set(found))
    candidates: dict[str, set[str]] = {}
    for word in sorted(words):
        for form in damaged(word):
            candidates.setdefault(form, set()).add(word)
    # A short word whose damaged form is itself a word (`ที่` read `ที`, `เรื่อง` read `เรือง`) is restored only
    # together with the word after it, as the domain prints the two (`ที่ประชาชน`, `เรื่องร้องเรียน`): the damaged
    # pair is no run of letters of any text or word, so it stands for that pair alone.
    pairs: dict[str, str] = {}
    for text, source in domain:
        tokens = word_tokenize(text, engine="newmm", keep_whitespace=True)
        for first, second in zip(tokens, tokens[1:]):
            if all(re.fullmatch(r"[\u0e01-\u0e4e]+", t) and t in dictionary for t in (first, second)):
                pairs.setdefault(first + second, source)
    texts = "\n".join(text for text, _ in domain)
    for pair, source in pairs.items():
        for form in damaged(pair):
            if form not in pairs:
                candidates.setdefault(form, set()).add(pair)
                found.setdefault(pair, (pair, source))
    known += "\n" + texts
    rows = []
    for form, meant in sorted(candidates.items()):
        if len(meant) != 1 or form in dictionary or form in found:
            continue
        if re.search(f"(?<![{LEADING}]){re.escape(form)}(?![{COMBINING}])", known):
            continue  # a whole run of letters of some real word: not only a misreading
        word = meant.pop()
        rows.append({"read": form, "word": word, "source": found[word][1]})
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["read", "word", "source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} restorations of {len(words)} domain words in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
