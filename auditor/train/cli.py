"""`audit train`: arguments are parsed and --export runs before Textual is imported."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from ..argparse_zh import Parser
from ..errors import EXIT_OK, EXIT_UNREADABLE, EXIT_USAGE
from . import DEFAULT_COUNT


def _parser() -> argparse.ArgumentParser:
    p = Parser(
        prog="audit train",
        description="新人培训：按规则目录学习课程，再在引入了一个错误的样本上练习判断（通过/不通过与规则）。",
    )
    p.add_argument("--name", help="学员姓名（默认：登录名）；进度按学员分别保存")
    p.add_argument("--progress", metavar="FILE", help="进度文件（默认 ~/.local/share/auditor/trainees/NAME.json）")
    p.add_argument("--seed", type=int, default=None, help="练习集种子：种子相同，练习集相同（默认 1）")
    p.add_argument("--count", type=int, default=None,
                   help=f"每套练习的题数（默认 {DEFAULT_COUNT}；继续练习时沿用上次的练习集）")
    p.add_argument("--set", metavar="FILE", dest="set_file", help="使用导出的练习集练习（由 --export 生成）")
    p.add_argument("--export", metavar="FILE", help="把练习集写成 JSON 文件，不打开培训界面")
    return p


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # a set is meant to be handed out: not mkstemp's 0600
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def run(argv: Sequence[str]) -> int:
    from .exercises import ExerciseSet, generate
    from .progress import Progress, ProgressError, progress_path

    args = _parser().parse_args(argv)
    if args.count is not None and args.count < 1:
        print("audit: --count 至少为 1", file=sys.stderr)
        return EXIT_USAGE
    seed = 1 if args.seed is None else args.seed
    if args.export:
        made = generate(seed, args.count or DEFAULT_COUNT)
        _write_atomic(Path(args.export), made.dumps())
        from .operators import OPERATORS

        ops = sorted({e.operator for e in made.exercises})
        labels = "、".join(OPERATORS[o].label if o in OPERATORS else o for o in ops)
        print(f"已写出 {len(made.exercises)} 道练习（种子 {seed}，错误类型：{labels}）：{args.export}", file=sys.stderr)
        return EXIT_OK
    exercise_set = None
    if args.set_file:
        try:
            exercise_set = ExerciseSet.read(args.set_file)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"audit: 无法读取练习集 {args.set_file}：{exc}", file=sys.stderr)
            return EXIT_UNREADABLE
    name = args.name or getpass.getuser()
    path = Path(args.progress) if args.progress else progress_path(name)
    try:
        progress = Progress.open(path, name)
    except ProgressError as exc:
        print(f"audit: {exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.seed is None and exercise_set is None and progress.seed is not None:
        seed = progress.seed  # resume the set this trainee was working on
    from ..tui.train.app import TrainApp

    TrainApp(progress, exercise_set, seed=seed, count=args.count).run()
    return EXIT_OK
