"""tomllib's error messages, which are English, in the Chinese a reviewer reads (audit.toml is theirs)."""

from __future__ import annotations

# tomllib's messages, which are English, by their opening words -> what a reviewer reads
_TOML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("Invalid value", "值无效（字符串须加引号，如 \"warn\"）"),
    ("Illegal character", "非法字符（全角符号或字符串缺引号？）"),
    ("Cannot overwrite a value", "同一个键给了两次"),
    ("Cannot declare", "同一个表声明了两次"),
    ("Unterminated string", "字符串缺少结束引号"),
    ("Unescaped", "字符串中的反斜杠须写成 \\\\"),
    ("Expected '=' after a key", "键后面缺少“=”"),
    ("Expected ']'", "表名缺少“]”"),
    ("Expected newline or end of document", "一行只能写一项设置"),
    ("Invalid initial character for a key part", "键名以非法字符开头"),
    ("Invalid statement", "无法识别的语句"),
    ("Invalid date or datetime", "日期无效"),
)


def toml_problem(message: str) -> str:
    """A tomllib error in Chinese; one this table does not know still reads Chinese."""
    for start, zh in _TOML_PROBLEMS:
        if message.startswith(start):
            return zh
    return "无法解析"
