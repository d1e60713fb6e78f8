"""The command palette in Chinese, for the review app and the trainer alike.

Textual's own palette says "Search for commands…" and offers "Theme", "Quit", "Keys",
"Screenshot" in English; a reviewer reads Chinese everywhere, so both apps take this mixin.
"""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

PLACEHOLDER = "搜索命令…"


class ChinesePalette:
    """Mixed into an App: the palette's prompt and the system commands in Chinese."""

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[attr-defined]
            self.push_screen(CommandPalette(placeholder=PLACEHOLDER, id="--command-palette"))  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("配色", "切换界面配色主题", self.action_change_theme)  # type: ignore[attr-defined]
        yield SystemCommand("退出", "退出程序", self.action_quit)  # type: ignore[attr-defined]
