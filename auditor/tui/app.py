"""The review app: one screen, dialogs on top, a command palette provider, one stylesheet."""

from __future__ import annotations

from textual.app import App

from ..errors import EXIT_OK
from . import bindings
from .commands import ReviewCommands
from .palette import ChinesePalette
from ..settings import Settings
from .screens.main import MainScreen


class AuditApp(ChinesePalette, App):
    CSS_PATH = "auditor.tcss"
    TITLE = "auditor 审核"
    BINDINGS = bindings.APP
    COMMANDS = App.COMMANDS | {ReviewCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"

    def __init__(self, path: str, settings: Settings | None = None) -> None:
        super().__init__()
        self.path = path
        self.settings = settings
        # what `audit tui` exits with and prints: the CLI's code for a file it could not read (errors.py)
        self.exit_code = EXIT_OK
        self.error: str | None = None

    def failed(self, message: str, exit_code: int) -> None:
        self.error = message
        self.exit_code = exit_code

    def on_mount(self) -> None:
        self.push_screen(MainScreen(self.path, self.settings))

    async def action_quit(self) -> None:
        self.exit(return_code=self.exit_code)

    @property
    def review(self) -> MainScreen:
        """The review screen (also when a dialog is on top)."""
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))
