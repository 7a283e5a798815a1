"""Discover: every PDF-named path is found once, identified by its bytes, in a stable order."""
from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.discover import discover

# File-name characters seen in downloaded Thai documents: Thai letters and marks, digits, spaces, punctuation.
NAME_CHARS = st.sampled_from(list("กขคมตรการส่งเสริมคุณธรรมำ้่๊๋ัิีึืุู๑๒๓abcXYZ019 _-()#&',.[]%+=@!~"))
names = st.text(NAME_CHARS, min_size=1, max_size=24).map(str.strip).filter(lambda n: n not in {"", ".", ".."})


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(names, st.sampled_from([b"%PDF-1.4 a", b"%PDF-1.4 b", b"", b"<html>"]), min_size=1, max_size=8))
def test_every_file_once_sorted_with_duplicates_marked(files):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for index, (name, data) in enumerate(files.items()):
            folder = root / ("sub folder" if index % 2 else "")
            folder.mkdir(exist_ok=True)
            (folder / f"{name}.pdf").write_bytes(data)
        found = discover(root)
        paths = [f.source_path for f in found]
        assert paths == sorted(paths) and len(set(paths)) == len(files)
        first_with: dict[str, str] = {}
        for source in found:
            data = (root / source.source_path).read_bytes()
            assert source.doc_id == hashlib.sha256(data).hexdigest() and source.size == len(data)
            first = first_with.setdefault(source.doc_id, source.source_path)
            assert source.duplicate_of == (None if first == source.source_path else first)


def test_odd_entries_are_reported_not_skipped(tmp_path):
    (tmp_path / "a.PDF").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes.txt").write_text("not an input")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "skip.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "folder.pdf").mkdir()
    (tmp_path / "folder.pdf" / "inside.pdf").write_bytes(b"%PDF-1.4 inside")
    (tmp_path / "broken.pdf").symlink_to(tmp_path / "missing.pdf")
    found = {f.source_path: f for f in discover(tmp_path)}
    assert sorted(found) == ["a.PDF", "broken.pdf", "folder.pdf", "folder.pdf/inside.pdf"]
    assert found["broken.pdf"].read_error == "cannot read file: broken link" and found["broken.pdf"].doc_id == ""
    assert found["folder.pdf"].read_error == "cannot read file: a folder, not a file"
    assert found["folder.pdf/inside.pdf"].read_error is None


def test_missing_input_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="input folder not found"):
        discover(tmp_path / "nope")
