"""The ``disclosure-report`` command: one verb per module of :mod:`disclosure_report.commands`.

Exit codes: 0 ok, 1 findings of severity error, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, cast

from disclosure_report import __version__, commands
from disclosure_report.errors import DisclosureReportError
from disclosure_report.messages import LANGS, error_text, say

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


class Command(Protocol):
    NAME: str
    HELP: str

    def configure(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def count(minimum: int) -> Callable[[str], int]:
    """An option's type: a whole number of at least ``minimum`` (``--top -1`` would cut the last change off a list,
    ``--jobs 0`` quietly mean one process: refused, with the usage, exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number ≥ {minimum}, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"expected a whole number ≥ {minimum}, got {value}")
        return value

    return parse


def output_file(path: Path) -> Path:
    """A file a command writes (``-o``, ``--jsonl``), its folder made first when it does not exist yet — as
    ``report -o DIR`` makes ``DIR`` — so ``read x.html -o data/2025/x.json`` works in a fresh tree."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:  # a file where the folder should be: say that, not "File exists"
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path.parent)) from None
    return path


def _commands() -> list[Command]:
    found = []
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            found.append(cast(Command, importlib.import_module(f"{commands.__name__}.{info.name}")))
    return found


def _common_options() -> argparse.ArgumentParser:
    """The options every command takes (a parent parser of each command's own)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--lang", choices=LANGS, default="zh", help="language of everything printed: zh (default) or en"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="disclosure-report",
        description="政府信息公开工作年度报告: check, render, read and sum annual reports.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    common = _common_options()
    for cmd in _commands():
        p = sub.add_parser(cmd.NAME, help=cmd.HELP, description=cmd.HELP, parents=[common])
        cmd.configure(p)
        p.set_defaults(run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except DisclosureReportError as e:
        print(f"disclosure-report {args.command}: {error_text(e, args.lang)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # an output that cannot be written, an @FILE that cannot be read: named, no traceback
        where = e.filename if e.filename is not None else args.command
        reason = e.strerror or str(e)
        print(
            f"disclosure-report {args.command}: {say('file.os_error', args.lang, path=where, strerror=reason)}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(f"disclosure-report {args.command}: {say('interrupted', args.lang)}", file=sys.stderr)
        return 130
