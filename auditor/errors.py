"""Errors a reviewer can act on: each names the file and the cause, never a traceback."""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_UNREADABLE = 3

# code -> Chinese cause shown to reviewers
READ_ERRORS: dict[str, str] = {
    "not_found": "文件不存在",
    "not_pdf": "不是 PDF 或文本文件",
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


def read_user_file(path: Path, what: str, error: type[Exception]) -> str:
    """Read a file the user named (a config, a baseline): any failure is one line naming the file and the
    cause, raised as the caller's own error so its exit code stays the caller's."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: 无法读取{what}：{getattr(exc, 'strerror', None) or exc}") from None

