"""Every line the command prints for a person is Chinese: option help, argparse's own errors, the
summary on stderr when the report goes to a file."""

from __future__ import annotations

import argparse
import re

import pytest

from auditor import cli
from auditor.argparse_zh import translate
from auditor.errors import EXIT_USAGE

from .conftest import SEED

_CJK = re.compile(r"[\u4e00-\u9fff]")
PARSERS = [cli._audit_parser, cli._inspect_parser]


@pytest.mark.parametrize("make", PARSERS)
def test_every_option_has_chinese_help(make):
    for action in make()._actions:
        assert action.help and action.help != argparse.SUPPRESS, action.option_strings
        assert _CJK.search(action.help), (action.option_strings, action.help)


def test_help_has_no_english_headings(capsys):
    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "用法：" in out and "选项" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


@pytest.mark.parametrize("argv, expected", [
    ([], "缺少参数：FILE"),
    ([str(SEED), "--format", "nope"], "参数 --format 的值 'nope' 无效"),
    ([str(SEED), "--jobs", "x"], "应为整数"),
    ([str(SEED), "--timeout", "0"], "须大于 0"),
    ([str(SEED), "--bogus"], "无法识别的参数：--bogus"),
    ([str(SEED), "-o"], "参数 -o/--output 需要一个值"),
])
def test_argparse_errors_are_chinese(capsys, argv, expected):
    assert cli.main(argv) == EXIT_USAGE
    err = capsys.readouterr().err
    assert expected in err and "error:" not in err and "usage:" not in err


def test_unknown_messages_pass_through():
    assert translate("参数 --x：须大于 0") == "参数 --x：须大于 0"


def test_writing_to_a_file_says_what_was_written(tmp_path, capsys):
    out = tmp_path / "r.json"
    cli.main([str(SEED), "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert f"已写出 {out}" in err and "共 1 份" in err


def test_train_export_names_the_operators_in_chinese(tmp_path, capsys):
    from auditor.train.operators import OPERATORS

    assert cli.main(["train", "--export", str(tmp_path / "set.json"), "--seed", "3", "--count", "2"]) == 0
    err = capsys.readouterr().err
    assert "错误类型：" in err and any(op.label in err for op in OPERATORS.values())
    assert not any(re.search(rf"\b{name}\b", err) for name in OPERATORS)
