"""The package converts exactly as the command does, and exposes the document as data."""

import io
import json
import os
import pathlib
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

import brief2md
from conftest import ROOT, bench_inputs, run_cli, seed_inputs

EXAMPLE = str(ROOT / "fixtures" / "sample-brief.txt")


def assert_same_as_cli(path, tmp_path):
    """Markdown, JATS and the report equal the command's, byte for byte."""
    report = tmp_path / "report.json"
    _, md, _ = run_cli(path, "-q", "--report", report)
    doc = brief2md.convert(path, to="markdown")
    assert doc.markdown.encode() == md, path
    assert doc.jats is None
    assert doc.report_json.encode() == report.read_bytes(), path
    _, xml, _ = run_cli(path, "-q", "-t", "jats", "--report", report)
    both = brief2md.convert(path)
    assert both.jats.encode() == xml, path
    assert both.markdown.encode() == md, path
    # With both formats the report is the one `-t jats` writes.
    assert both.report_json.encode() == report.read_bytes(), path


def test_bundled_example_gives_the_commands_bytes(tmp_path):
    assert_same_as_cli(EXAMPLE, tmp_path)


@pytest.mark.parametrize("path", bench_inputs(), ids=os.path.basename)
def test_bench_documents_give_the_commands_bytes(path, tmp_path):
    assert_same_as_cli(path, tmp_path)


def test_seed_briefs_give_the_commands_bytes(tmp_path):
    for path in seed_inputs():
        assert_same_as_cli(path, tmp_path)


def test_wrap_is_the_commands():
    _, md, _ = run_cli(EXAMPLE, "-q", "--wrap", "40")
    assert brief2md.convert(EXAMPLE, to="markdown", wrap=40).markdown.encode() == md
    with pytest.raises(ValueError, match="at least 20"):
        brief2md.convert(EXAMPLE, wrap=10)


def test_metadata_and_footnotes_are_the_documents():
    doc = brief2md.convert(EXAMPLE)
    front = doc.markdown.split("---\n")[1]
    assert f'title: "{doc.metadata["title"]}"' in front
    for author in doc.metadata["authors"]:
        assert author["name"] in front
    assert doc.metadata["source"] == "sample-brief.txt"
    definitions = re.findall(r"^\[\^(\d+)\]: ", doc.markdown, flags=re.M)
    assert [str(n["number"]) for n in doc.footnotes] == definitions
    assert definitions, "the example has footnotes"
    for note in doc.footnotes:
        assert set(note) == {"number", "label", "text", "linked", "recovered"}
        assert note["text"].split()[0] in doc.markdown
        if note["linked"]:
            assert f"[^{note['number']}]" in doc.markdown.split("\n[^")[0]
    assert doc.report["reader"] == "text"
    assert isinstance(doc.warnings, list)


def test_recovered_notes_match_the_reports_recoveries():
    """Each note flagged recovered is one `marker-recovered` action of the report, and the
    bench's damaged texts do have some (so the flag is exercised)."""
    total = 0
    for path in bench_inputs():
        doc = brief2md.convert(path, to="markdown")
        actions = sum(a["kind"] == "marker-recovered" for a in doc.report["actions"])
        flagged = sum(n["recovered"] for n in doc.footnotes)
        assert flagged == actions, path
        assert all(n["linked"] for n in doc.footnotes if n["recovered"]), path
        total += flagged
    assert total > 0


def test_paths_bytes_and_file_objects_convert_alike():
    data = pathlib.Path(EXAMPLE).read_bytes()
    by_path = brief2md.convert(pathlib.Path(EXAMPLE), to="markdown").markdown
    assert brief2md.convert(data, name=EXAMPLE, to="markdown").markdown == by_path
    with open(EXAMPLE, "rb") as f:
        assert brief2md.convert(f, to="markdown").markdown == by_path
    anonymous = brief2md.convert(io.BytesIO(data), to="markdown")
    assert anonymous.metadata["source"] is None
    with pytest.raises(TypeError):
        brief2md.convert(12)
    with open(EXAMPLE, encoding="utf-8") as f, pytest.raises(TypeError, match="binary"):
        brief2md.convert(f)


def test_eight_threads_give_what_one_gives():
    paths = [p for p in bench_inputs() if p.endswith(".pdf")] + [EXAMPLE]

    def run(path):
        doc = brief2md.convert(path)
        return doc.markdown, doc.jats, doc.report_json, json.dumps(doc.footnotes)

    one = [run(p) for p in paths]
    with ThreadPoolExecutor(max_workers=8) as pool:
        eight = list(pool.map(run, paths * 2))
    assert eight == one * 2
