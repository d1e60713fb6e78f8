"""What Textual itself says, in Chinese, for the review app and the trainer alike.

Textual's own palette says "Search for commands…" and offers "Theme", "Quit", "Keys",
"Screenshot", and ctrl+c answers "Press ctrl+q to quit the app", all in English; a reviewer
reads Chinese everywhere, so both apps take this mixin.
"""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

PLACEHOLDER = "搜索命令…"


class ChinesePalette:
    """Mixed into an App: the palette's prompt, the system commands and the ctrl+c hint in Chinese."""

    def action_help_quit(self) -> None:
        """ctrl+c does not quit a Textual app: say which key does (q where the screen has it)."""
        keys = [k for k, b in self.active_bindings.items() if b.binding.action in ("quit", "app.quit")]  # type: ignore[attr-defined]
        if keys:
            shown = "q" if "q" in keys else keys[0]
            self.notify(f"按 [b]{shown}[/b] 退出", title="要退出吗？")  # type: ignore[attr-defined]

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[attr-defined]
            self.push_screen(CommandPalette(placeholder=PLACEHOLDER, id="--command-palette"))  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("配色", "切换界面配色主题", self.action_change_theme)  # type: ignore[attr-defined]
        yield SystemCommand("退出", "退出程序", self.action_quit)  # type: ignore[attr-defined]
