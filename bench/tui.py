"""Review app timings: reading (worker), moving between results (memory only), saving a decision.

    python bench/tui.py [FILE ...]    # default: samples/seed.txt

Moves are driven through Textual's pilot in a headless 120x40 terminal, so the figure includes
redrawing the list, the sentence, the evidence table and the explanation.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from auditor.tui.app import AuditApp  # noqa: E402


async def measure(path: Path, moves: int = 100) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / path.name  # the sidecar goes to tmp, never next to the real file
        shutil.copy(path, copy)
        app = AuditApp(str(copy))
        handed: list[tuple[float, float]] = []  # when the worker's reading was done: (wall, cpu)
        async with app.run_test(size=(120, 40)) as pilot:
            t0 = time.perf_counter()
            await pilot.pause()
            screen = app.review
            shown = screen._loaded

            def loaded_at(session, _shown=shown):
                handed.append((time.perf_counter(), time.process_time()))
                _shown(session)

            screen._loaded = loaded_at
            await app.workers.wait_for_complete()
            await pilot.pause()
            settled, settled_cpu = time.perf_counter(), time.process_time()
            loaded = settled - t0
            # the reading finished → the first screen drawn and settled (nan: read before it was
            # watched); the CPU time as well, as a shared machine stretches the wall time
            first = settled - handed[0][0] if handed else float("nan")
            first_cpu = settled_cpu - handed[0][1] if handed else float("nan")
            n = len(screen.session.results)
            screen.results_list.move_cursor(row=0)
            await pilot.pause()
            t0 = time.perf_counter()
            for _ in range(min(moves, n - 1)):
                await pilot.press("j")
            per_move = (time.perf_counter() - t0) / max(1, min(moves, n - 1))
            t0 = time.perf_counter()  # the app's own work per move: list, sentence, evidence, explanation
            for _ in range(50):
                screen._show_current()
            per_show = (time.perf_counter() - t0) / 50
            t0 = time.perf_counter()
            for _ in range(20):
                await pilot.press("a")
            per_save = (time.perf_counter() - t0) / 20  # keypress incl. the atomic sidecar write
    return {"results": n, "load_s": loaded, "first_ms": first * 1000, "first_cpu_ms": first_cpu * 1000, "move_ms": per_move * 1000, "show_ms": per_show * 1000,
            "accept_ms": per_save * 1000}


def main(argv: list[str]) -> None:
    files = [Path(a) for a in argv] or [ROOT / "samples" / "seed.txt"]
    print("load s: read + audit in the worker; key ms: a keypress until the pilot sees the screen settled")
    print("(includes Textual's repaint and the pilot's idle waits); show ms: the app's own work per move")
    print("first ms: from the reading's end (the worker hands the session over) to the first screen settled"
          " (wall, and the process's CPU)")
    print(f"{'file':40} {'results':>7} {'load s':>7} {'first ms':>8} {'cpu ms':>7} {'key ms':>7} {'show ms':>7}"
          f" {'accept ms':>9}")
    for f in files:
        m = asyncio.run(measure(f))
        print(f"{f.name[:40]:40} {m['results']:>7} {m['load_s']:>7.2f} {m['first_ms']:>8.0f} {m['first_cpu_ms']:>7.0f} {m['move_ms']:>7.1f} {m['show_ms']:>7.2f}"
              f" {m['accept_ms']:>9.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
