#!/usr/bin/env python3
"""Convert a folder tree of PDFs on a Dask cluster, the way ``brief2md DIR -o OUT`` does
on one machine: OUT mirrors the tree (``a/b/x.pdf`` -> ``a/b/x.md``) and holds the
manifest ``brief2md-manifest.jsonl``, one JSON line per input with the command's fields
(path, sha256, size, status, error, outputs, output_sha256, pages, footnotes, warnings,
ms, tool, options).

Each task reads one file, converts it with :func:`brief2md.convert` and writes its
output atomically (a temporary file renamed into place); only the small manifest lines
travel back to the client, which writes the manifest sorted by path.

Usage (a local cluster; pass --scheduler ADDRESS to use a running one):

    python examples/dask_convert.py /data/archive /data/converted --workers 4
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import tempfile
import time
from typing import Any, Dict, List, Optional

import brief2md

MANIFEST = "brief2md-manifest.jsonl"
EXTENSIONS = {"markdown": "md", "jats": "xml"}


def find_inputs(root: str) -> List[str]:
    """The ``*.pdf`` files under ``root`` (any case), hidden files and folders left out, as
    paths relative to ``root`` with ``/`` separators, sorted."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not name.lower().endswith(".pdf"):
                continue
            rel = os.path.relpath(os.path.join(folder, name), root)
            found.append(rel.replace(os.sep, "/"))
    return sorted(found)


def _write_atomic(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".", prefix=".brief2md.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def convert_one(rel: str, root: str, out: str, to: str = "markdown") -> Dict[str, Any]:
    """Converts ``root/rel`` into ``out`` and returns its manifest line."""
    started = time.perf_counter()
    path = os.path.join(root, rel)
    line: Dict[str, Any] = {
        "path": rel,
        "sha256": None,
        "size": None,
        "status": "error",
        "error": None,
        "outputs": [],
        "pages": None,
        "footnotes": None,
        "warnings": 0,
    }
    try:
        with open(path, "rb") as f:
            data = f.read()
        line["sha256"] = hashlib.sha256(data).hexdigest()
        line["size"] = len(data)
        doc = brief2md.convert(data, name=path, to=to)
        output = os.path.splitext(rel)[0] + "." + EXTENSIONS[to]
        text = doc.markdown if to == "markdown" else doc.jats
        _write_atomic(os.path.join(out, output), text)
        notes = doc.footnotes
        line.update(
            status="ok",
            outputs=[output],
            output_sha256=[hashlib.sha256(text.encode("utf-8")).hexdigest()],
            pages=doc.report["pages"],
            footnotes={
                "linked": sum(n["linked"] for n in notes),
                "recovered": sum(n["recovered"] for n in notes),
                "unlinked": sum(not n["linked"] for n in notes),
            },
            warnings=len(doc.warnings),
        )
    except brief2md.ConversionError as e:
        line["error"] = str(e)
    except OSError as e:
        line["error"] = f"cannot read: {e.strerror or e}"
    line["ms"] = round((time.perf_counter() - started) * 1000)
    line["tool"] = f"brief2md {brief2md.__version__}"
    line["options"] = {"from": None, "report": False, "to": to, "wrap": None}
    return line


def convert_tree(root: str, out: str, client: Any, to: str = "markdown") -> List[Dict[str, Any]]:
    """Converts every PDF under ``root`` on the Dask ``client``'s cluster into the mirrored
    tree ``out`` and writes its manifest; returns the manifest lines."""
    import dask.bag as db

    inputs = find_inputs(root)
    os.makedirs(out, exist_ok=True)
    if not inputs:
        lines: List[Dict[str, Any]] = []
    else:
        # Small partitions: documents differ a lot in size, so many tasks balance better.
        bag = db.from_sequence(inputs, npartitions=min(len(inputs), 256))
        with client.as_current():
            lines = bag.map(convert_one, root, out, to).compute()
    lines.sort(key=lambda l: l["path"])
    _write_atomic(
        os.path.join(out, MANIFEST),
        "".join(json.dumps(l, ensure_ascii=False, separators=(",", ":")) + "\n" for l in lines),
    )
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", help="the folder tree of PDFs")
    ap.add_argument("out", help="the output folder (mirrors the tree, holds the manifest)")
    ap.add_argument("--to", choices=sorted(EXTENSIONS), default="markdown")
    ap.add_argument("--workers", type=int, default=2, help="local cluster: worker processes")
    ap.add_argument("--threads", type=int, default=1, help="local cluster: threads per worker")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    a = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    if a.scheduler:
        client = Client(a.scheduler)
    else:
        client = Client(LocalCluster(n_workers=a.workers, threads_per_worker=a.threads))
    with client:
        lines = convert_tree(a.root, a.out, client, a.to)
    failed = sum(l["status"] != "ok" for l in lines)
    print(f"{len(lines) - failed} converted, {failed} failed; manifest in {a.out}/{MANIFEST}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
