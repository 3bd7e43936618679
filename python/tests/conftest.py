"""Shared helpers: where the repository, its documents and the `brief2md` command are.

The tests compare the package with the command built from the same sources
(`target/release/brief2md`, or $BRIEF2MD_BIN), so both must be built first
(`cargo build --release` at the repository's root).
"""

import glob
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def cli_path() -> str:
    path = os.environ.get("BRIEF2MD_BIN") or str(ROOT / "target" / "release" / "brief2md")
    if not os.access(path, os.X_OK):
        pytest.fail(f"the brief2md command is not built at {path} (cargo build --release)")
    return path


def run_cli(*args, check=True):
    """Runs the command; returns (exit status, stdout bytes, stderr text)."""
    done = subprocess.run([cli_path(), *map(str, args)], capture_output=True)
    if check and done.returncode != 0:
        raise AssertionError(f"brief2md {args} failed: {done.stderr.decode()}")
    return done.returncode, done.stdout, done.stderr.decode()


def bench_inputs():
    """Every input of the public bench (PDFs from four toolchains and their extracted
    texts), sorted."""
    found = sorted(glob.glob(str(ROOT / "tests" / "bench" / "docs" / "*" / "input" / "*")))
    assert found, f"no bench documents under {ROOT / 'tests' / 'bench'}"
    return found


def seed_inputs():
    """The seed briefs in ../shared/seeds: required in CI, else reported as skipped."""
    found = sorted(glob.glob(str(SHARED / "seeds" / "*.txt")))
    if not found:
        message = f"no seed briefs in {SHARED / 'seeds'}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found
