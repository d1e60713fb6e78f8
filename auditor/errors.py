"""Errors a reviewer can act on: each names the file and the cause, never a traceback."""

from __future__ import annotations

import errno
import json
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

# code -> Chinese cause shown to reviewers
READ_ERRORS: dict[str, str] = {
    "not_found": "文件不存在",
    "not_pdf": "不是 PDF、文本、Word 或 Excel 文件",
    "empty": "文件为空",
    "corrupt": "文件已损坏或不完整",
    "encrypted": "PDF 已加密，需要密码才能读取",
    "no_text_layer": "PDF 没有文字层（可能是扫描件），无法读取",
    "not_a_disclosure": "不是部门预算或决算公开文件",
    "too_large": "文件过大",
    "timeout": "读取超时",
    "unreadable": "无法打开文件",
    "internal": "审核程序内部错误，请将此文件报告给维护者",
    "encrypted_office": "文件设有打开密码（已加密），请去掉密码另存后再审",
    "not_office": "扩展名是 Word/Excel，内容却不是 Word 或 Excel 文件",
    "old_office": "旧版 Office 格式（.xls/.doc），请在 Excel/WPS 中另存为 .xlsx/.docx 后再审",
    "no_table": "工作簿中没有可识别的预算表格",
}


class ReadError(Exception):
    """A document that cannot be read. code is one of READ_ERRORS."""

    def __init__(self, path: str, code: str, detail: str = "") -> None:
        self.path = path
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    def __reduce__(self):  # crosses process boundaries (page workers, batch workers) intact
        return (type(self), (self.path, self.code, self.detail))

    @property
    def message(self) -> str:
        cause = READ_ERRORS.get(self.code, self.code)
        return f"{self.path}: {cause}" + (f"（{self.detail}）" if self.detail else "")


class PatternError(Exception):
    """A broken file in patterns/: the message names the file and line."""


_ERRNO: dict[int, str] = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.ENAMETOOLONG: "文件名过长",
    errno.ELOOP: "符号链接循环",
    errno.EIO: "磁盘读写错误",
}


def cause(exc: BaseException) -> str:
    """Why reading a file failed, in Chinese: Python's own messages ("No such file or directory",
    "'utf-8' codec can't decode…") are English and must never reach a reviewer."""
    if isinstance(exc, UnicodeDecodeError):
        return f"不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法解码）"
    if isinstance(exc, json.JSONDecodeError):
        return f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）"
    if isinstance(exc, OSError):
        if exc.errno in _ERRNO:
            return _ERRNO[exc.errno]
        return f"系统错误（错误号 {exc.errno}）" if exc.errno else "系统错误"
    return "内容无法识别"


def read_user_file(path: Path, what: str, error: type[Exception]) -> str:
    """Read a file the user named (a config, a baseline): any failure is one line naming the file and the
    cause, raised as the caller's own error so its exit code stays the caller's."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: 无法读取{what}：{cause(exc)}") from None

