"""The `audit` command. Headless paths never import Textual: `audit FILE --json` stays light."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from pathlib import Path
from typing import Sequence

from .version import __version__
from .atomic import replacing
from .argparse_zh import Parser, version_action
from .config import Config
from .errors import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE, PatternError, ReadError
from .previous import PreviousMismatch

SUBCOMMANDS = ("inspect", "rules", "explain", "tui", "export", "train", "demo")


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
    from .rules.catalogue import matches_nothing

    bad = matches_nothing(patterns)
    return f"audit: {flag} {bad} 不对应任何规则（audit rules 列出全部规则）" if bad else None


def _audit_parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="audit",
        description="核对部门预算/决算公开文件：表格自身是否平衡，各表是否一致，叙述中的数字与表格是否相符，"
        "公开内容是否完整。",
        epilog="子命令：audit demo（审核随程序安装的示例文件）；audit inspect FILE…（查看读取结果）；audit rules（规则目录）；audit explain 规则编号；"
        "audit tui FILE（交互审核）；audit export FILE --csv/--xlsx OUT（导出）；audit train（新人培训）",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="公开文件（PDF、文本），或 Word/Excel 草稿（.docx/.xlsx），或包含它们的文件夹")
    p.add_argument("--format", choices=FORMATS, default=None, help="输出格式（默认 text：中文报告）")
    p.add_argument("--json", action="store_true", help="等同于 --format json")
    p.add_argument("-o", "--output", metavar="OUT", help="报告写入此文件而不是标准输出（xlsx 必须指定）")
    p.add_argument("--fail-on", choices=("fail", "warn", "never"), default=None,
                   help="何种结论使退出码为 1：fail 不通过（默认，或配置文件的 fail-on）；warn 不通过或存疑；never 从不")
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
    p.add_argument("--config", metavar="FILE",
                   help="配置文件（默认：当前文件夹或上级文件夹中的 audit.toml，或 pyproject.toml 的 [tool.auditor]）")
    p.add_argument("--isolated", action="store_true", help="不读取任何配置文件")
    p.add_argument("--baseline", metavar="OLD",
                   help="以前的 JSON 报告或审核文件 FILE.review.json：只报告其中没有的结果（已确认的不通过仍计入）")
    _reader_flag(p)
    version_action(p, f"auditor {__version__}")
    return p


def _reader_flag(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reader", choices=("pdfium", "pdfplumber"), default=None,
                   help="PDF 读取方式：pdfium（默认，快约三倍）或 pdfplumber（参照读法；两者的差别见 bench/readers.md）")


def _inspect_parser() -> argparse.ArgumentParser:
    p = Parser(prog="audit inspect", description="显示读取到的元数据、章节和表格。")
    p.add_argument("files", nargs="+", metavar="FILE", help="公开文件（PDF、文本）或 Word/Excel 草稿（.docx/.xlsx）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--together", action="store_true", help="所给文件是同一份公开文件的几个部分（如说明与报表）")
    _reader_flag(p)
    return p


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


def cmd_inspect(argv: Sequence[str], config: Config) -> int:
    from .ingest import using_reader

    args = _inspect_parser().parse_args(argv)
    with using_reader(args.reader):
        return _inspect(args)


def _inspect(args: argparse.Namespace) -> int:
    from .api import groups_of
    from .ingest import load
    from .report.inspect import as_json, render_text

    code = EXIT_OK
    docs: list[dict] = []
    for group in groups_of(args.files, args.together):
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


def cmd_audit(argv: Sequence[str], config: Config) -> int:
    args = _audit_parser().parse_args(argv)  # first: --version and --help need nothing else
    from .ingest import using_reader

    with using_reader(args.reader):  # spawned batch workers inherit the choice
        return _audit(args, config)


def _audit(args: argparse.Namespace, config: Config) -> int:
    from .api import Report, iter_entries
    from .baseline import load as load_baseline
    from .batch import expand

    fmt = args.format or ("json" if args.json else "text")
    if fmt == "xlsx" and not args.output:
        _err("audit: --format xlsx 需要 -o OUT.xlsx")
        return EXIT_USAGE
    from .settings import Settings

    settings = Settings.resolve(config, select=args.rules.split(",") if args.rules else None,
                                ignore=args.ignore.split(",") if args.ignore else None, fail_on=args.fail_on)
    select = list(settings.select) if settings.select else None
    ignore = list(settings.ignore) if settings.ignore else None
    fail_on = settings.fail_on
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
        _err("audit: 没有找到 PDF、文本、Word（.docx）或 Excel（.xlsx）文件：" + " ".join(args.files))
        return EXIT_UNREADABLE
    groups, previous_each = _plan(args, files)
    if args.previous and len(groups) > 1:
        _err("audit: --previous 只能与一份公开文件一起使用（多个文件请加 --together）")
        return EXIT_USAGE
    old = load_baseline(args.baseline) if args.baseline else None
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
        for entry in iter_entries(groups, select=select, ignore=ignore, jobs=args.jobs, timeout=args.timeout,
                                  progress=progress, previous=args.previous, force=args.force,
                                  previous_each=previous_each, baseline=old, settings=settings):
            if entry["status"] == "error" and not (fmt == "text" and not to_file):
                _err(f"audit: {entry['error']['message']}")  # the text report on screen says it already
            if fmt == "jsonl":  # streamed: each document as soon as it and those before it are done
                out.write(json.dumps({"schema_version": "1", **entry}, ensure_ascii=False) + "\n")
                out.flush()
            entries.append(entry)
        rep = Report.from_entries(entries, fail_on=fail_on)
        _write(rep.raw, fmt, out, args)
    if annotate_to is not None:
        from .annotate import write_all

        for line in write_all(annotate_to, groups, entries):
            _err(f"audit: {line}")
    if args.output:  # the report went to a file: say what is in it
        from .report.terminal import summary_line

        _err(f"audit: 已写出 {args.output}（{fmt}）。{summary_line(rep.raw)}")
    if old is not None:
        from .baseline import warnings

        for line in warnings(args.baseline, entries):
            _err(f"audit: {line}")
        left = [e["baseline"] for e in entries if "baseline" in e]
        _err(f"audit: 基线 {args.baseline}：略去已有结果 {sum(b['known'] for b in left)} 条、审核人已排除 "
             f"{sum(b['dismissed'] for b in left)} 条；已确认的不通过 {sum(b['confirmed'] for b in left)} 条仍计入")
    return rep.exit_code()


def _plan(args: argparse.Namespace, files: list[str]) -> tuple[list[list[str]], list | None]:
    """The disclosures to audit. Files found in folders are paired (a narrative-only file with its
    tables-only file) and matched with last year's disclosure from a cheap first read of each."""
    from .api import groups_of

    if args.together or len(files) < 2 or not any(Path(f).is_dir() for f in args.files):
        return groups_of(files, args.together), None
    from .pairing import plan, sketch_all

    made = plan(files, sketch_all(files, args.jobs))
    if args.output:
        for g in made.groups:
            if len(g) > 1:
                _err("audit: 合并审核 " + " + ".join(g))
    return made.groups, made.previous


def _write(rep: dict, fmt: str, out, args: argparse.Namespace) -> None:
    if fmt == "json":
        from .api import report_json

        out.write(report_json(rep))
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


def cmd_rules(argv: Sequence[str], config: Config) -> int:
    from .report.rules_text import render_list
    from .rules.catalogue import catalogue, selected

    from .config import rule_origin, settings_table

    p = Parser(prog="audit rules", description="列出全部审核规则，以及每条规则和每项设置的来源。")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.add_argument("--rules", help="只列出这些规则或规则族，如 T,X101")
    args = p.parse_args(argv)
    select = args.rules.split(",") if args.rules else None
    rules = [r for r in catalogue().values() if selected(r.id, select, None)]
    origins = {r.id: rule_origin(r.id, r.source, config) for r in rules}
    settings = settings_table(config)
    if args.json:
        json.dump({"schema_version": "1", "rules": [{**r.as_dict(), "origin": origins[r.id]} for r in rules],
                   "settings": [{"setting": k, "value": v, "origin": o} for k, v, o in settings]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print(render_list(rules, origins, settings))
    return EXIT_OK


def cmd_explain(argv: Sequence[str], config: Config) -> int:
    from .report.rules_text import render_explain
    from .rules.catalogue import get_rule
    from .rules.examples import run_example
    from .settings import Settings

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
                outcomes.append((failing, ex, run_example(rule, ex, settings=Settings(config=config))))
    print(render_explain(rule, outcomes))
    return EXIT_OK


def cmd_tui(argv: Sequence[str], config: Config) -> int:
    from .rules.catalogue import preflight
    from .settings import Settings
    from .tui.cli import run

    preflight()

    return run(argv, settings=Settings(config=config))


def cmd_export(argv: Sequence[str], config: Config) -> int:
    from .report.export_cli import run
    from .settings import Settings

    return run(argv, settings=Settings(config=config))


def cmd_demo(argv: Sequence[str], config: Config) -> int:
    from .demo import run

    return run(argv, lambda args: cmd_audit(args, config))


def cmd_train(argv: Sequence[str], config: Config) -> int:
    from .rules.catalogue import preflight
    from .train.cli import run

    preflight()

    return run(argv)


def _configure(argv: list[str]) -> tuple[Config, list[str]]:
    """--config FILE / --isolated, taken from anywhere on the line (every subcommand honours them):
    the settings are resolved once, before any pattern is read. Returns them and the other arguments."""
    from .config import check, resolve

    rest: list[str] = []
    explicit, isolated = None, False
    it = iter(argv)
    for a in it:
        if a == "--config":
            explicit = next(it, None)
            if explicit is None:
                raise PatternError("--config 需要一个文件")
        elif a.startswith("--config="):
            explicit = a.split("=", 1)[1]
        elif a == "--isolated":
            isolated = True
        else:
            rest.append(a)
    if any(a in ("--version", "-h", "--help") for a in rest) and explicit is None:
        return Config(), rest  # nothing to configure: start-up stays light
    cfg = resolve(explicit, isolated=isolated)
    if cfg.path is not None:
        check(cfg)
    return cfg, rest


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        config, argv = _configure(argv)
        with config.scope_applied():  # every pattern this command reads is the bureau's layered over ours
            if argv and argv[0] in SUBCOMMANDS:
                return {"inspect": cmd_inspect, "rules": cmd_rules, "explain": cmd_explain, "tui": cmd_tui,
                        "export": cmd_export, "train": cmd_train, "demo": cmd_demo}[argv[0]](argv[1:], config)
            return cmd_audit(argv, config)
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
