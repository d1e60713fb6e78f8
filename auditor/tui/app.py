"""The review app: one screen, dialogs on top, a command palette provider, one stylesheet."""

from __future__ import annotations

from textual.app import App

from . import bindings
from .commands import ReviewCommands
from .screens.main import MainScreen


class AuditApp(App):
    CSS_PATH = "auditor.tcss"
    TITLE = "auditor 审核"
    BINDINGS = bindings.APP
    COMMANDS = App.COMMANDS | {ReviewCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.path))

    @property
    def review(self) -> MainScreen:
        """The review screen (also when a dialog is on top)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))
