"""`audit export FILE --csv OUT | --xlsx OUT`: the result list with the reviewer's decisions, for spreadsheets."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from ..argparse_zh import Parser
from ..errors import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, ReadError
from ..settings import Settings


def _parser() -> argparse.ArgumentParser:
    p = Parser(prog="audit export", description="导出核对结果（含审核结论和批注）为 CSV 或 XLSX。")
    p.add_argument("file", metavar="FILE", help="公开文件（PDF、文本）或 Word/Excel 草稿；若有 FILE.review.json，一并读入审核结论")
    p.add_argument("--csv", metavar="OUT", help="写出 CSV（UTF-8 带 BOM，可用 Excel 打开）")
    p.add_argument("--xlsx", metavar="OUT", help="写出 XLSX 工作簿")
    p.add_argument("--rules", help="只导出这些规则或规则族，如 T,N101")
    p.add_argument("--ignore", help="跳过这些规则或规则族")
    return p


def run(argv: Sequence[str], settings: Settings | None = None) -> int:
    from ..engine import audit_document
    from ..ingest import load
    from ..review import SidecarError, load_existing
    from .export import write_csv, write_xlsx

    args = _parser().parse_args(argv)
    if not args.csv and not args.xlsx:
        print("audit export: 请指定 --csv OUT 或 --xlsx OUT", file=sys.stderr)
        return EXIT_USAGE
    try:
        doc = load(args.file)
    except ReadError as exc:
        print(f"audit: {exc.message}", file=sys.stderr)
        return EXIT_UNREADABLE
    try:
        state = load_existing(args.file)
    except SidecarError as exc:
        print(f"audit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    results = audit_document(
        doc,
        select=args.rules.split(",") if args.rules else None,
        ignore=args.ignore.split(",") if args.ignore else None,
        settings=settings,
    )
    title = " ".join(str(x) for x in (doc.meta.organization, doc.meta.year, doc.meta.kind) if x)
    for out, write in ((args.csv, write_csv), (args.xlsx, write_xlsx)):
        if out:
            path = (write(out, results, state, title=title, document=args.file) if write is write_xlsx
                    else write(out, results, state, document=args.file))
            print(f"已导出 {len(results)} 条结果：{path}", file=sys.stderr)
    return EXIT_OK
