"""The `audit` command. Headless paths never import Textual: `audit FILE --json` stays light."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Sequence

from . import __version__
from .atomic import replacing
from .argparse_zh import Parser, version_action
from .errors import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, PatternError, ReadError
from .previous import PreviousMismatch

SUBCOMMANDS = ("inspect", "rules", "explain", "tui", "export", "train")


FORMATS = ("text", "json", "jsonl", "sarif", "junit", "csv", "xlsx")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"不是数字：{text}") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("须大于 0")
    return value


def _same(a: Path, b: str) -> bool:
    try:
        return a.resolve() == Path(b).resolve()
    except OSError:
        return False


def _check_selection(patterns: list[str] | None, flag: str) -> str | None:
    """A --rules/--ignore pattern that names no rule is a mistake, not an empty selection."""
    from .rules.catalogue import catalogue, selected

    for p in patterns or []:
        if not any(selected(rid, [p], None) for rid in catalogue()):
            return f"audit: {flag} {p.strip()} 不对应任何规则（audit rules 列出全部规则）"
    return None


def _audit_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="audit",
        description="核对部门预算/决算公开文件：表格自身是否平衡，各表是否一致，叙述中的数字与表格是否相符，"
        "公开内容是否完整。",
        epilog="子命令：audit inspect FILE…（查看读取结果）；audit rules（规则目录）；audit explain 规则编号；"
        "audit tui FILE（交互审核）；audit export FILE --csv/--xlsx OUT（导出）；audit train（新人培训）",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF 或文本格式的公开文件，或包含它们的文件夹")
    p.add_argument("--format", choices=FORMATS, default=None, help="输出格式（默认 text：中文报告）")
    p.add_argument("--json", action="store_true", help="等同于 --format json")
    p.add_argument("-o", "--output", metavar="OUT", help="报告写入此文件而不是标准输出（xlsx 必须指定）")
    p.add_argument("--fail-on", choices=("fail", "warn", "never"), default="fail",
                   help="何种结论使退出码为 1：fail 不通过（默认）；warn 不通过或存疑；never 从不")
    p.add_argument("--rules", help="只运行这些规则或规则族，如 T,X101")
    p.add_argument("--ignore", help="跳过这些规则或规则族，如 D1xx")
    p.add_argument("--together", action="store_true", help="所给文件是同一份公开文件的几个部分（如说明与报表）")
    p.add_argument("--previous", metavar="LAST", action="append",
                   help="同一单位上一年度的同类公开文件，用来核对本年叙述中的上年数（说明与报表分开时可重复给出）")
    p.add_argument("--force", action="store_true",
                   help="--previous 不是同一单位或不是上一年度时，只给出警告并照常核对")
    p.add_argument("--annotate", metavar="OUT",
                   help="写一份带批注的副本（.docx 批注、.xlsx 标记单元格和“审校结果”表、.pdf 高亮注释），原文件不变；"
                   "多个输入时 OUT 是目录，写成 OUT/<名称>.审校.<扩展名>")
    p.add_argument("-j", "--jobs", type=int, default=None, help="并行进程数（默认：处理器核数）")
    p.add_argument("--timeout", type=_positive, default=300.0, help="每份文件的时限，秒（默认 300）")
    p.add_argument("-v", "--verbose", action="store_true", help="逐条列出全部结果，包括通过的核对和合并的无法核对")
    version_action(p, f"auditor {__version__}")
    return p


def _inspect_parser() -> argparse.ArgumentParser:
    p = Parser(prog="audit inspect", description="显示读取到的元数据、章节和表格。")
    p.add_argument("files", nargs="+", metavar="FILE", help="PDF 或文本格式的公开文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--together", action="store_true", help="所给文件是同一份公开文件的几个部分（如说明与报表）")
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
    from .batch import expand, run
    from .report.json_report import report

    args = _audit_parser().parse_args(argv)
    fmt = args.format or ("json" if args.json else "text")
    if fmt == "xlsx" and not args.output:
        _err("audit: --format xlsx 需要 -o OUT.xlsx")
        return EXIT_USAGE
    select = args.rules.split(",") if args.rules else None
    ignore = args.ignore.split(",") if args.ignore else None
    problem = _check_selection(select, "--rules") or _check_selection(ignore, "--ignore")
    if problem:
        _err(problem)
        return EXIT_USAGE
    files = expand(args.files)
    if args.output:
        out_path = Path(args.output)
        if not out_path.parent.is_dir():
            _err(f"audit: 输出目录不存在：{out_path.parent}")
            return EXIT_USAGE
        if any(_same(out_path, f) for f in args.files):
            _err(f"audit: 输出文件与输入文件相同：{args.output}")
            return EXIT_USAGE
        files = [f for f in files if not _same(out_path, f)]  # last run's report inside a searched folder
    if not files:
        _err("audit: 没有找到 PDF 或文本文件：" + " ".join(args.files))
        return EXIT_UNREADABLE
    groups, previous_each = _plan(args, files)
    if args.previous and len(groups) > 1:
        _err("audit: --previous 只能与一份公开文件一起使用（多个文件请加 --together）")
        return EXIT_USAGE
    annotate_to = None
    if args.annotate:
        from .annotate import plan

        annotate_to, problem = plan(args.annotate, groups)
        if problem:
            _err(f"audit: {problem}")
            return EXIT_USAGE
    to_file = args.output and fmt not in ("xlsx", "csv")  # those two write their own file
    entries: list[dict] = []
    with contextlib.ExitStack() as stack:
        # a report file is written beside its final name and put in place at the end: an
        # interrupted run never leaves an empty or half-written report where the last good one was
        out = (stack.enter_context(open(stack.enter_context(replacing(Path(args.output))), "w",
                                        encoding="utf-8", newline="")) if to_file else sys.stdout)
        progress = sys.stderr.isatty() and len(groups) > 1
        for entry in run(groups, select=select, ignore=ignore, jobs=args.jobs, timeout=args.timeout, progress=progress,
                         previous=args.previous, force=args.force, previous_each=previous_each):
            if entry["status"] == "error":
                _err(f"audit: {entry['error']['message']}")
            if fmt == "jsonl":  # streamed: each document as soon as it and those before it are done
                out.write(json.dumps({"schema_version": "1", **entry}, ensure_ascii=False) + "\n")
                out.flush()
            entries.append(entry)
        rep = report(entries)
        _write(rep, fmt, out, args)
    if annotate_to is not None:
        from .annotate import write_all

        for line in write_all(annotate_to, groups, entries):
            _err(f"audit: {line}")
    if args.output:  # the report went to a file: say what is in it
        from .report.terminal import summary_line

        _err(f"audit: 已写出 {args.output}（{fmt}）。{summary_line(rep)}")
    summary = rep["summary"]
    worst = {"fail": summary["fail"] > 0, "warn": summary["fail"] + summary["warn"] > 0, "never": False}
    if summary.get("errors"):
        return EXIT_UNREADABLE
    return EXIT_FINDINGS if worst[args.fail_on] else EXIT_OK


def _plan(args: argparse.Namespace, files: list[str]) -> tuple[list[list[str]], list | None]:
    """The disclosures to audit. Files found in folders are paired (a narrative-only file with its
    tables-only file) and matched with last year's disclosure from a cheap first read of each."""
    if args.together or len(files) < 2 or not any(Path(f).is_dir() for f in args.files):
        return _groups(files, args.together), None
    from .pairing import plan

    made = plan(files)
    if args.output:
        for g in made.groups:
            if len(g) > 1:
                _err("audit: 合并审核 " + " + ".join(g))
    return made.groups, made.previous


def _write(rep: dict, fmt: str, out, args: argparse.Namespace) -> None:
    if fmt == "json":
        json.dump(rep, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "sarif":
        from .report.sarif import to_sarif

        json.dump(to_sarif(rep), out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == "junit":
        from .report.junit import to_junit

        out.write(to_junit(rep))
    elif fmt == "csv":
        from .report.export import write_report_csv

        if args.output:
            with replacing(Path(args.output)) as tmp:
                write_report_csv(tmp, rep)
        else:
            write_report_csv(out, rep)
    elif fmt == "xlsx":
        from .report.export import write_report_xlsx

        with replacing(Path(args.output)) as tmp:
            write_report_xlsx(tmp, rep)
    elif fmt == "text":
        from .report.terminal import render

        out.write(render(rep, verbose=args.verbose) + "\n")


def cmd_rules(argv: Sequence[str]) -> int:
    from .report.rules_text import render_list
    from .rules.catalogue import catalogue, selected

    p = Parser(prog="audit rules", description="列出全部审核规则。")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--rules", help="只列出这些规则或规则族，如 T,X101")
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

    p = Parser(prog="audit explain", description="显示一条规则的完整说明和示例。")
    p.add_argument("rule", metavar="ID", help="规则编号，如 N101")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--no-run", action="store_true", help="不在示例上运行该规则")
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


def cmd_tui(argv: Sequence[str]) -> int:
    from .tui.cli import run

    return run(argv)


def cmd_export(argv: Sequence[str]) -> int:
    from .report.export_cli import run

    return run(argv)


def cmd_train(argv: Sequence[str]) -> int:
    from .train.cli import run

    return run(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return {"inspect": cmd_inspect, "rules": cmd_rules, "explain": cmd_explain, "tui": cmd_tui, "export": cmd_export, "train": cmd_train}[argv[0]](argv[1:])
        return cmd_audit(argv)
    except PatternError as exc:
        _err(f"audit: {exc}")
        return EXIT_USAGE
    except PreviousMismatch as exc:
        _err(f"audit: {exc}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except SystemExit as exc:  # argparse
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    except BrokenPipeError:
        return EXIT_OK
