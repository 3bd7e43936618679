"""Failures raise ConversionError subclasses carrying the command's one-line message."""

import pytest

import brief2md
import pdfs
from conftest import ROOT, run_cli

CASES = [
    ("zip.pdf", b"PK\x03\x04" + bytes(40), brief2md.NotAPdf),
    ("encrypted.pdf", pdfs.encrypted(), brief2md.Encrypted),
    ("scanned.pdf", pdfs.scanned(), brief2md.NoTextLayer),
    ("damaged.pdf", pdfs.damaged(), brief2md.Damaged),
    ("empty.txt", b"  \n", brief2md.ConversionError),
]


@pytest.mark.parametrize("name,data,kind", CASES, ids=[c[0] for c in CASES])
def test_failures_raise_the_commands_message(tmp_path, name, data, kind):
    path = tmp_path / name
    path.write_bytes(data)
    status, _, stderr = run_cli(path, check=False)
    assert status == 1
    prefix = f"brief2md: {path}: "
    assert stderr.startswith(prefix) and stderr.count("\n") == 1, stderr
    with pytest.raises(kind) as caught:
        brief2md.convert(path)
    assert type(caught.value) is kind
    assert isinstance(caught.value, brief2md.ConversionError)
    assert str(caught.value) == stderr[len(prefix) :].rstrip("\n")


def test_subclasses_share_one_base():
    for kind in (brief2md.NotAPdf, brief2md.Encrypted, brief2md.NoTextLayer, brief2md.Damaged):
        assert issubclass(kind, brief2md.ConversionError)
        assert issubclass(kind, Exception)


def test_bad_options_and_unreadable_paths_are_python_errors(tmp_path):
    with pytest.raises(ValueError, match="to must be"):
        brief2md.convert(b"text", to="html")
    with pytest.raises(ValueError, match="from_ must be"):
        brief2md.convert(b"text", from_="docx")
    with pytest.raises(FileNotFoundError):
        brief2md.convert(tmp_path / "missing.pdf")


def test_a_document_over_its_memory_budget_fails_alone():
    """The counting allocator works inside Python: a tiny budget stops one conversion with
    the command's message, and the next conversion (default budget) succeeds."""
    pdf = next((ROOT / "tests" / "bench" / "docs").glob("*/input/*__rl.pdf"))
    with pytest.raises(brief2md.ConversionError, match="over the memory budget"):
        brief2md.convert(pdf, max_memory="64K")
    assert brief2md.convert(pdf).markdown
