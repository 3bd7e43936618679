#!/usr/bin/env python3
"""The Python package's speed against the command's on the corpus's text PDFs, measured
in one run (issue 13): `brief2md -q -j N -o DIR FILES...` against `brief2md.convert` on a
pool of N Python threads writing the same outputs. The machine may be shared, so the two
are run alternately (which goes first alternates too), ROUNDS times; the ratio of the best
times and the median of the rounds' ratios are reported (the issue's target: within 10 %).

Usage: python python/benches/speed.py [--bin PATH] [--corpus DIR] [--jobs 2] [--rounds 2]
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor

import brief2md

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def text_pdfs(corpus):
    manifest = os.path.join(corpus, "MANIFEST.tsv")
    if not os.path.exists(manifest):
        sys.exit(f"speed: no corpus manifest at {manifest}")
    with open(manifest, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    files = [
        os.path.join(corpus, r["local_path"])
        for r in rows
        if r["local_path"].lower().endswith(".pdf") and r.get("has_text") == "yes"
    ]
    return [f for f in files if os.path.exists(f)]


def by_command(binary, jobs, files, out):
    t = time.perf_counter()
    subprocess.run([binary, "-q", "-j", str(jobs), "-o", out, *files],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def by_python(jobs, files, out):
    os.makedirs(out, exist_ok=True)

    def one(item):
        i, path = item
        try:
            doc = brief2md.convert(path, to="markdown")
        except brief2md.ConversionError:
            return False
        with open(os.path.join(out, f"{i}.md"), "w", encoding="utf-8") as f:
            f.write(doc.markdown)
        return True

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        converted = sum(pool.map(one, enumerate(files)))
    return time.perf_counter() - t, converted


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target/release/brief2md"))
    ap.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    files = text_pdfs(a.corpus)
    cli_times, py_times = [], []
    for r in range(a.rounds):
        out = tempfile.mkdtemp(prefix="pyspeed.")
        if r % 2 == 0:
            cli_times.append(by_command(a.bin, a.jobs, files, os.path.join(out, "cli")))
            elapsed, converted = by_python(a.jobs, files, os.path.join(out, "py"))
        else:
            elapsed, converted = by_python(a.jobs, files, os.path.join(out, "py"))
            cli_times.append(by_command(a.bin, a.jobs, files, os.path.join(out, "cli")))
        py_times.append(elapsed)
        shutil.rmtree(out)
        print(f"round {r + 1}: command -j {a.jobs} {cli_times[-1]:.2f} s, "
              f"Python {a.jobs} threads {py_times[-1]:.2f} s ({converted} converted), "
              f"ratio {py_times[-1] / cli_times[-1]:.3f}")
    cli, py = min(cli_times), min(py_times)
    median = statistics.median(p / c for p, c in zip(py_times, cli_times))
    print(f"{len(files)} text PDFs: best command -j {a.jobs} {cli:.2f} s, best Python "
          f"{a.jobs} threads {py:.2f} s, ratio of the best {py / cli:.3f}, median of the "
          f"rounds' ratios {median:.3f} (target <= 1.10)")


if __name__ == "__main__":
    main()
