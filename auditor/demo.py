"""`audit demo`: the shipped samples, reachable from any install.

A reviewer who installed the wheel has no checkout, so `audit samples/seed.txt` names a file that is
not there. The samples ship inside the package (`patterns.shipped("samples")`); this command audits
one of them, seed.txt by default (a real 2021 部门预算 with one known error), with any option the
plain command takes (`audit demo --json`, `audit demo putuo_draft_2026.xlsx --annotate OUT.xlsx`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable, Sequence

from .errors import EXIT_OK, EXIT_USAGE
from .patterns import shipped

DEFAULT = "seed.txt"
SUFFIXES = (".txt", ".pdf", ".xlsx", ".docx")


def samples() -> list[Path]:
    """The shipped sample documents (not their generators or README)."""
    return sorted(p for p in shipped("samples").iterdir() if p.suffix in SUFFIXES)


def run(argv: Sequence[str], audit: Callable[[list[str]], int]) -> int:
    """Audit a shipped sample through `audit` (the plain command), or list them with --list."""
    args = list(argv)
    if args and args[0] in ("-h", "--help"):
        print("用法：audit demo [示例文件名] [audit 的选项…]\n"
              f"审核随程序安装的示例文件（默认 {DEFAULT}：重庆市大渡口区司法局2021年部门预算，含一处已知错误）。\n"
              "audit demo --list 列出全部示例及其所在位置，可复制后自行修改再审。")
        return EXIT_OK
    if args and args[0] == "--list":
        for p in samples():
            print(p)
        return EXIT_OK
    name = DEFAULT
    if args and not args[0].startswith("-"):
        name = args.pop(0)
    found = [p for p in samples() if p.name == name]
    if not found:
        print(f"audit: 没有示例文件 {name}（可用：{'、'.join(p.name for p in samples())}）", file=sys.stderr)
        return EXIT_USAGE
    print(f"audit: 示例文件 {found[0]}", file=sys.stderr)
    return audit([str(found[0]), *args])
