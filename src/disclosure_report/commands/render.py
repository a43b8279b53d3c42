"""``disclosure-report render``: a report document as html, markdown, text, docx, pdf, xlsx or json."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from disclosure_report.commands._output import write_output
from disclosure_report.jsonio.convert import load
from disclosure_report.render import available_renderers, get_renderer
from disclosure_report.render.base import RenderError
from disclosure_report.render.registry import renderer_for_suffix

NAME = "render"
HELP = "render a report document (JSON) as html, markdown, text, docx, pdf, xlsx or json"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE", help="a report document (JSON)")
    parser.add_argument(
        "--to",
        default=None,
        metavar="NAME",
        help=f"renderer: {', '.join(available_renderers())} (default: the one -o's suffix names, else html)",
    )
    parser.add_argument("-o", "--output", type=Path, help="write here (required for docx, pdf and xlsx)")
    parser.add_argument("--fragment", action="store_true", help="html: an embeddable fragment, not a whole page")
    parser.add_argument("--date-style", choices=("arabic", "chinese"), default=None, help="how dates are written")


def _binary(media_type: str) -> bool:
    """A renderer whose documents are not text (docx, pdf, xlsx): they can only go to a file."""
    return not (media_type.startswith("text/") or media_type.endswith(("json", "xml")))


def _suffix_renderer(output: Path | None) -> str | None:
    """The renderer that writes files with ``output``'s suffix (``x.pdf`` → ``pdf``), if one does."""
    if output is None:
        return None
    try:
        return renderer_for_suffix(output.suffix)
    except RenderError:
        return None


def run(args: argparse.Namespace) -> int:
    named = _suffix_renderer(args.output)
    if args.to is None:
        args.to = named or "html"
    if args.to not in available_renderers():
        raise RenderError.keyed("render.unknown", name=args.to, available=", ".join(available_renderers()))
    renderer = get_renderer(args.to)
    if named is not None and named != args.to:  # a PDF written into x.docx opens as a broken Word file
        raise RenderError.keyed(
            "render.suffix_other", name=args.to, suffix=renderer.suffix, path=str(args.output), other=named
        )
    if args.output is None and _binary(renderer.media_type):
        raise RenderError.keyed("render.binary", name=args.to, suffix=renderer.suffix)
    report = load(args.file)
    options: dict[str, object] = {}
    if args.fragment:
        options["fragment"] = True
    if args.date_style:
        options["date_style"] = args.date_style
    out = renderer.render(report, **options)
    if args.output is not None:
        write_output(args.output, out if isinstance(out, bytes) else out.encode("utf-8"))
        print(args.output)
        return 0
    if isinstance(out, bytes):
        raise RenderError.keyed("render.binary", name=args.to, suffix=renderer.suffix)
    sys.stdout.write(out)
    return 0
