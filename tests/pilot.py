"""Helpers for driving Textual apps through the pilot (no pytest-asyncio needed)."""

from __future__ import annotations

import asyncio
import functools
import io


def sync(test):
    """Run an async pilot test with asyncio.run."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return wrapper


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (the same render the SVG screenshots use)."""
    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, force_terminal=True)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()
