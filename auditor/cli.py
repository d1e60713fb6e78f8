"""The `audit` command. Headless paths never import Textual: `audit FILE --json` stays light."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from . import __version__
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, PatternError, ReadError

SUBCOMMANDS = ("inspect", "rules", "explain", "tui", "export")


def _audit_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="audit",
        description="核对部门预算/决算公开文件：叙述中的数字与表格是否一致，表格自身是否平衡。",
        epilog="子命令：audit inspect FILE…（查看读取结果）；audit rules（规则目录）；audit explain 规则编号；audit tui FILE（交互审核）；audit export FILE --csv/--xlsx OUT（导出）",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF or text disclosure(s)")
    p.add_argument("--json", action="store_true", help="write one JSON report to stdout")
    p.add_argument("--fail-on", choices=("fail", "warn", "never"), default="fail")
    p.add_argument("--rules", help="only these rules or families, e.g. T,X101")
    p.add_argument("--ignore", help="skip these rules or families, e.g. D4")
    p.add_argument("--together", action="store_true", help="the files are parts of one disclosure")
    p.add_argument("-v", "--verbose", action="store_true", help="also list passing checks")
    p.add_argument("--version", action="version", version=f"auditor {__version__}")
    return p


def _inspect_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="audit inspect", description="显示读取到的元数据、章节和表格。")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true")
    p.add_argument("--together", action="store_true", help="the files are parts of one disclosure")
    return p


def _groups(files: list[str], together: bool) -> list[list[str]]:
    return [files] if together else [[f] for f in files]


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def cmd_inspect(argv: Sequence[str]) -> int:
    from .ingest import load
    from .report.inspect import as_json, render_text

    args = _inspect_parser().parse_args(argv)
    code = EXIT_OK
    docs: list[dict] = []
    for group in _groups(args.files, args.together):
        try:
            doc = load(*group)
        except ReadError as exc:
            _err(f"audit: {exc.message}")
            docs.append({"path": group[0], "status": "error", "error": {"code": exc.code, "message": exc.message}})
            code = EXIT_UNREADABLE
            continue
        if args.json:
            docs.append(as_json(doc))
        else:
            print(render_text(doc))
            print()
    if args.json:
        json.dump({"schema_version": "1", "documents": docs}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    return code


def cmd_audit(argv: Sequence[str]) -> int:
    from .audit import audit_document
    from .ingest import load
    from .report.json_report import document_entry, report
    from .report.terminal import render

    args = _audit_parser().parse_args(argv)
    select = args.rules.split(",") if args.rules else None
    ignore = args.ignore.split(",") if args.ignore else None
    entries = []
    unreadable = False
    for group in _groups(args.files, args.together):
        path = group[0] if len(group) == 1 else " + ".join(group)
        try:
            doc = load(*group)
        except ReadError as exc:
            _err(f"audit: {exc.message}")
            entries.append(document_entry(path, None, [], exc))
            unreadable = True
            continue
        results = audit_document(doc, select=select, ignore=ignore)
        entries.append(document_entry(path, doc, results, None, _review_of(group[0])))
    rep = report(entries)
    if args.json:
        json.dump(rep, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(render(rep, verbose=args.verbose))
    worst = {"fail": rep["summary"]["fail"] > 0, "warn": rep["summary"]["fail"] + rep["summary"]["warn"] > 0, "never": False}
    if unreadable:
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if worst[args.fail_on] else EXIT_OK


def cmd_rules(argv: Sequence[str]) -> int:
    from .report.rules_text import render_list
    from .rules.catalogue import catalogue, selected

    p = argparse.ArgumentParser(prog="audit rules", description="列出全部审核规则。")
    p.add_argument("--json", action="store_true")
    p.add_argument("--rules", help="only these rules or families, e.g. T,X101")
    args = p.parse_args(argv)
    select = args.rules.split(",") if args.rules else None
    rules = [r for r in catalogue().values() if selected(r.id, select, None)]
    if args.json:
        json.dump({"schema_version": "1", "rules": [r.as_dict() for r in rules]}, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(render_list(rules))
    return EXIT_OK


def cmd_explain(argv: Sequence[str]) -> int:
    from .report.rules_text import render_explain
    from .rules.catalogue import get_rule
    from .rules.examples import run_example

    p = argparse.ArgumentParser(prog="audit explain", description="显示一条规则的完整说明和示例。")
    p.add_argument("rule", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--no-run", action="store_true", help="do not run the rule on its examples")
    args = p.parse_args(argv)
    rule = get_rule(args.rule)
    if rule is None:
        _err(f"audit: 没有规则 {args.rule}（audit rules 列出全部规则）")
        return EXIT_USAGE
    if args.json:
        json.dump(rule.as_dict(examples=True), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    outcomes = []
    if not args.no_run:
        for failing, examples in ((False, rule.passing), (True, rule.failing)):
            for ex in examples:
                outcomes.append((failing, ex, run_example(rule, ex)))
    print(render_explain(rule, outcomes))
    return EXIT_OK


def _review_of(path: str):
    """The reviewer's sidecar for a document, if any; an unreadable one is reported, not fatal."""
    from .review import SidecarError, load_existing

    try:
        return load_existing(path)
    except SidecarError as exc:
        _err(f"audit: {exc}")
        return None


def cmd_tui(argv: Sequence[str]) -> int:
    from .tui.cli import run

    return run(argv)


def cmd_export(argv: Sequence[str]) -> int:
    from .report.export_cli import run

    return run(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return {"inspect": cmd_inspect, "rules": cmd_rules, "explain": cmd_explain, "tui": cmd_tui, "export": cmd_export}[argv[0]](argv[1:])
        return cmd_audit(argv)
    except PatternError as exc:
        _err(f"audit: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
