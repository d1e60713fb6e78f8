"""Reading a long PDF's pages in worker processes (the pdfplumber reader only: pdfium reads a page
in milliseconds, in the calling process).

pdfminer's parse is almost all of the reading time and it runs page by page, so contiguous page
ranges go to workers and the items come back in page order. The calling process reads the first
range itself. Workers are started once per process (spawned, so a threaded caller such as the TUI
is safe) and reused for every later document. Inside a batch worker, pages are read in order:
the batch already keeps every core busy.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable

MIN_PAGES_PER_WORKER = 6  # below this, starting workers costs more than it saves
MAX_WORKERS = 4
_pool: ProcessPoolExecutor | None = None
_pool_size = 0
_pool_pid = 0  # a forked child must not use its parent's pool
_enabled = True


def disable() -> None:
    """Read pages in order in this process (batch workers call this)."""
    global _enabled
    _enabled = False


def page_ranges(npages: int, workers: int | None) -> list[tuple[int, int]]:
    if workers is None:
        env = os.environ.get("AUDITOR_PAGE_WORKERS")
        workers = int(env) if env and env.isdigit() else min(os.cpu_count() or 1, MAX_WORKERS)
        if not _enabled or multiprocessing.current_process().daemon:
            workers = 1
    n = max(1, min(workers, npages // MIN_PAGES_PER_WORKER))
    if n == 1:
        return [(0, npages)]
    step, extra = divmod(npages, n)
    out, start = [], 0
    for k in range(n):
        end = start + step + (1 if k < extra else 0)
        out.append((start, end))
        start = end
    return out


def _executor(size: int) -> ProcessPoolExecutor:
    global _pool, _pool_size, _pool_pid
    if _pool is not None and _pool_pid != os.getpid():
        _pool = None  # inherited through fork: it belongs to the parent
    if _pool is None or _pool_size < size:
        if _pool is not None:
            _pool.shutdown(wait=False)
        _pool = ProcessPoolExecutor(max_workers=size, mp_context=multiprocessing.get_context("spawn"))
        _pool_size = size
        _pool_pid = os.getpid()
    return _pool


def prewarm() -> None:
    """Create the page workers' pool now. A full-screen app takes over stdio; multiprocessing's
    resource tracker must start before that, while stderr is still a real file descriptor."""
    from .readers import pdf_reader

    if pdf_reader() != "pdfplumber":
        return  # pdfium reads a page in milliseconds: no workers, nothing to start
    if _enabled and (os.cpu_count() or 1) > 1:
        try:
            _executor(min(os.cpu_count() or 1, MAX_WORKERS) - 1)
        except Exception:  # noqa: BLE001 - without workers, pages are read in order
            _forget_pool()


def read_ranges(path: str, ranges: list[tuple[int, int]], local: Callable[[int, int], tuple], *,
                remote: Callable[[str, int, int], tuple]) -> list[tuple]:
    """Each range's (items, chars, cid chars), in order. The first range is read here by `local`,
    the others by workers with `remote(path, start, end)` (a module-level function, so it pickles;
    the reader passes its own, so this module imports no reader); when workers cannot be started or
    one dies (a terminal without real file descriptors, no semaphores, memory), that range is read
    here too, so reading never fails for it."""
    futures: list[Future | None] = []
    try:
        pool = _executor(len(ranges) - 1)
        futures = [pool.submit(remote, path, start, end) for start, end in ranges[1:]]
    except Exception:  # noqa: BLE001 - any failure to start workers means: read here
        _forget_pool()
        futures = [None] * (len(ranges) - 1)
    try:
        head = local(*ranges[0])
    except BaseException:
        for f in futures:
            if f is not None:
                f.cancel()
        raise
    out = [head]
    try:
        for (start, end), f in zip(ranges[1:], futures):
            if f is None:
                out.append(local(start, end))
                continue
            try:
                out.append(f.result())  # a worker's ReadError is raised here, as read
            except BrokenProcessPool:
                _forget_pool()
                out.append(local(start, end))
    except BaseException:
        for f in futures:
            if f is not None:
                f.cancel()  # an error or a time limit: the other ranges are not wanted any more
        raise
    return out


def abandon() -> None:
    """Stop the page workers now (a document ran out of time while they were busy with it)."""
    pool = _pool
    if pool is None or _pool_pid != os.getpid():
        return
    for proc in list(getattr(pool, "_processes", {}).values()):
        proc.terminate()
    _forget_pool()


def _forget_pool() -> None:
    global _pool
    if _pool is not None:
        try:
            _pool.shutdown(wait=False, cancel_futures=True)
        except Exception:  # noqa: BLE001
            pass
    _pool = None
