"""Snapshots of the review screen on the seed at 120x40, 80x24 and 200x60 (pytest-textual-snapshot).

The SVGs live in tests/__snapshots__/test_tui_snapshots/. After an intended change of the screen,
look at the new pictures and accept them with `pytest tests/test_tui_snapshots.py --snapshot-update`.
Rendering depends on the Textual version, which the test extra pins for that reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pytest_textual_snapshot")

from auditor.tui.app import AuditApp  # noqa: E402

from .conftest import SEED  # noqa: E402


@pytest.fixture()
def seed_app(tmp_path: Path) -> AuditApp:
    dst = tmp_path / "seed.txt"  # a copy, so a reviewer's own seed.txt.review.json cannot change the picture
    shutil.copy(SEED, dst)
    return AuditApp(str(dst))


async def _loaded(pilot) -> None:
    """Wait for the document, then until the evidence grid has scrolled to its cell (no sleeps)."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    grid = pilot.app.review.query_one("#evidence-table")
    seen: list[tuple] = []
    for _ in range(100):
        await pilot.pause()
        state = (grid.size, grid.virtual_size, grid.scroll_y)
        seen.append(state)
        settled = grid.size.height > 0 and grid.virtual_size.height > 0 and grid.target is not None
        if settled and grid.scroll_y == min(grid.target[0] - 2, grid.max_scroll_y) and seen[-3:] == [state] * 3:
            break


@pytest.mark.parametrize("size", [(120, 40), (80, 24), (200, 60)], ids=["120x40", "80x24", "200x60"])
def test_main_screen(seed_app, snap_compare, size):
    assert snap_compare(seed_app, terminal_size=size, run_before=_loaded)

