"""The Dask example converts a folder tree on a local cluster into the tree and manifest
the command's `brief2md DIR -o OUT` makes."""

import json
import os
import shutil
import sys

import pytest

import pdfs
from conftest import ROOT, bench_inputs, run_cli

sys.path.insert(0, str(ROOT / "python" / "examples"))
import dask_convert  # noqa: E402


from dask.distributed import Client, LocalCluster  # noqa: E402

COMPARED = ["path", "sha256", "size", "status", "error", "outputs", "output_sha256", "pages",
            "footnotes", "warnings", "tool", "options"]


def manifest(folder):
    with open(folder / "brief2md-manifest.jsonl", encoding="utf-8") as f:
        lines = [json.loads(line) for line in f]
    return sorted(lines, key=lambda l: l["path"])


def files(folder):
    return sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()
    )


def test_dask_converts_a_tree_like_the_command(tmp_path):
    tree = tmp_path / "archive"
    pdf_inputs = [p for p in bench_inputs() if p.endswith(".pdf")]
    for i, path in enumerate(pdf_inputs):
        target = tree / f"shelf{i % 3}" / ("box" if i % 2 else "") / os.path.basename(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    (tree / "shelf0" / "scan.PDF").write_bytes(pdfs.scanned())
    (tree / "shelf1" / "notes.txt").write_text("not an input")
    (tree / ".hidden").mkdir()
    shutil.copy(pdf_inputs[0], tree / ".hidden" / "skipped.pdf")

    by_cli = tmp_path / "cli"
    status, _, _ = run_cli(tree, "-q", "-o", by_cli, "-j", "2", check=False)
    assert status == 1  # the scan fails, in both

    by_dask = tmp_path / "dask"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        lines = dask_convert.convert_tree(str(tree), str(by_dask), client)

    assert files(by_dask) == files(by_cli)
    for rel in files(by_cli):
        if rel.endswith(".md"):
            assert (by_dask / rel).read_bytes() == (by_cli / rel).read_bytes(), rel
    ours, theirs = manifest(by_dask), manifest(by_cli)
    # (output_sha256 is left out of a failed input's line.)
    assert [{k: l.get(k) for k in COMPARED} for l in ours] == [
        {k: l.get(k) for k in COMPARED} for l in theirs
    ]
    assert len(lines) == len(pdf_inputs) + 1
    assert [l["status"] for l in lines].count("error") == 1
