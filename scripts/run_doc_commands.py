"""Run, exactly as written, the shell commands a docs page marks for CI.

A page marks a fenced ``sh`` block by putting ``<!-- ci: run these commands -->`` on the line before it. Each line
of such a block runs with bash from the repository root; the first failing command stops the run (exit 1).

    python3 scripts/run_doc_commands.py docs/schema.md
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

MARKER = "<!-- ci: run these commands -->"
ROOT = Path(__file__).resolve().parent.parent


def marked_commands(page: str) -> list[str]:
    """The command lines of every fenced block marked for CI, in page order."""
    commands: list[str] = []
    lines = page.splitlines()
    for i, line in enumerate(lines):
        if line.strip() != MARKER:
            continue
        if i + 1 >= len(lines) or not lines[i + 1].startswith("```"):
            raise ValueError(f"line {i + 1}: the CI marker must stand right before a fenced block")
        for body in lines[i + 2 :]:
            if body.startswith("```"):
                break
            if body.strip() and not body.lstrip().startswith("#"):
                commands.append(body)
    return commands


def main(argv: list[str]) -> int:
    for name in argv:
        commands = marked_commands(Path(name).read_text(encoding="utf-8"))
        if not commands:
            print(f"{name}: no commands marked with {MARKER}", file=sys.stderr)
            return 1
        for command in commands:
            print(f"$ {command}", flush=True)
            if subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=ROOT, check=False).returncode:
                print(f"{name}: this documented command failed: {command}", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
