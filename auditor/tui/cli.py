"""`audit tui FILE`: arguments are parsed before Textual is imported, so --help stays instant."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ..argparse_zh import Parser
from ..errors import EXIT_UNREADABLE
from ..settings import Settings


def _parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="audit tui",
        description="交互审核：逐条查看核对结果，确认、改判、批注；审核记录保存在 FILE.review.json。",
    )
    p.add_argument("file", metavar="FILE", help="PDF 或文本格式的公开文件")
    return p


def run(argv: Sequence[str], settings: Settings | None = None) -> int:
    args = _parser().parse_args(argv)
    if not Path(args.file).exists():
        print(f"audit: 文件不存在：{args.file}", file=sys.stderr)
        return EXIT_UNREADABLE
    from ..ingest.pages import prewarm
    from .app import AuditApp

    prewarm()
    app = AuditApp(args.file, settings)
    app.run()
    if app.error:
        print(f"audit: {app.error}", file=sys.stderr)  # still readable once the screen is gone
    return app.return_code if app.return_code is not None else app.exit_code
