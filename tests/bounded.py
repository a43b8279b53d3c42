"""Running a piece of hostile work in a child process with a memory ceiling and a time limit.

The child gets ``RLIMIT_AS`` (address space) and is killed after the timeout, so a regression that expands a
number or a grid shows up as a failed test, not as a machine out of memory.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

SRC = str(Path(__file__).resolve().parent.parent / "src")


def run_bounded(code: str, *, seconds: float = 20, megabytes: int = 1024, path: str = __file__) -> tuple[str, float]:
    """Run ``code`` in a fresh Python limited to ``megabytes`` of address space; its stdout and its wall time.

    The child imports from ``src`` and from the folder of ``path`` (the tests folder by default).

    Fails the calling test (AssertionError) when the child exceeds the time, runs out of memory or exits non-zero.
    """

    def limit() -> None:
        ceiling = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))

    search = [SRC, str(Path(path).resolve().parent), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in search if p)}
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            timeout=seconds,
            preexec_fn=limit,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"not done within {seconds} s") from None
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, f"exit {done.returncode} after {elapsed:.1f} s: {done.stderr[-2000:]}"
    return done.stdout, elapsed
