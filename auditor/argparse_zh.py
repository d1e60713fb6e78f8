"""argparse that speaks Chinese: usage, section titles, -h/--version help and its own error messages.

A reviewer reads every line the command prints. argparse's texts are English and come from
gettext; rather than patching the module globally (other code in the process may use argparse
too), this parser renames its sections and translates each error as it is raised. Flags and
option names stay English.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's messages (Python 3.10-3.13) and their Chinese; matched in order, first hit wins
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^the following arguments are required: (.*)$", r"缺少参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$", r"参数 \1 的值 \2 无效（可选：\3）"),
    (r"^argument (.+?): invalid (\w+) value: (.*)$", r"参数 \1 的值 \3 无效（应为 \2）"),
    (r"^argument (.+?): expected one argument$", r"参数 \1 需要一个值"),
    (r"^argument (.+?): expected at least one argument$", r"参数 \1 至少需要一个值"),
    (r"^argument (.+?): expected (\d+) arguments?$", r"参数 \1 需要 \2 个值"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"参数 \1 不接受值 \2"),
    (r"^argument (.+?): not allowed with argument (.*)$", r"参数 \1 不能与 \2 同用"),
    (r"^ambiguous option: (\S+) could match (.*)$", r"选项 \1 有歧义，可能是：\2"),
    (r"^one of the arguments (.*) is required$", r"须给出其中一个参数：\1"),
    (r"^argument (.+?): (.*)$", r"参数 \1：\2"),  # an ArgumentTypeError's own (Chinese) text
))


_TYPES = {"应为 int）": "应为整数）", "应为 float）": "应为数字）"}


def translate(message: str) -> str:
    for rx, repl in _ERRORS:
        if rx.match(message):
            out = rx.sub(repl, message)
            for en, zh in _TYPES.items():
                out = out.replace(en, zh)
            return out
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001
        super().add_usage(usage, actions, groups, prefix="用法：" if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose every printed word is Chinese (flags aside)."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}\n")


def version_action(parser: argparse.ArgumentParser, version: str) -> None:
    parser.add_argument("--version", action="version", version=version, help="显示版本号并退出")
