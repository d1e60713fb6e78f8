"""Auditing many documents: inputs expanded from directories, one worker process per core, a time
limit per document, and output in input order so the same input gives the same bytes.

Workers return plain report entries (dicts), so nothing but JSON-able data crosses processes.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Iterator

from .errors import PatternError, ReadError, cause
from .previous import PreviousMismatch
from .settings import Settings

SUFFIXES = (".pdf", ".txt", ".xlsx", ".xlsm", ".docx", ".xls")  # .xls is refused with a line asking for .xlsx


def expand(inputs: list[str]) -> list[str]:
    """Files as given; directories become their disclosures (PDF, text, Word and Excel, recursively, sorted)."""
    out: list[str] = []
    for item in inputs:
        p = Path(item)
        try:
            is_dir = p.is_dir()
        except OSError:
            is_dir = False  # a name the system refuses (too long …): reported when it is read
        if is_dir:
            found = sorted(
                (f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES and not f.name.startswith((".", "~$"))),
                key=lambda f: str(f),
            )
            out.extend(str(f) for f in found)
        else:
            out.append(item)
    return out


class _Timeout(BaseException):
    """Not an Exception: the readers' broad `except Exception` must not turn it into "corrupt"."""


def _on_alarm(signum, frame):  # noqa: ANN001
    raise _Timeout()


def audit_group(group: list[str], select: list[str] | None, ignore: list[str] | None,
                timeout: float | None, previous: list[str] | None = None, policy: str = "strict",
                settings: Settings | None = None) -> dict:
    """One disclosure (one file, or the files read together) -> its report entry. Never raises
    for a bad document: the entry carries the error.

    previous: last year's disclosure. policy says what happens when it is not this body's
    disclosure of the year before: "strict" (given by the user) raises PreviousMismatch, "force"
    warns and uses it, "auto" (found by the batch) quietly audits without it.
    settings: the audit's settings (a bureau's file; none: the defaults), applied to reading and checks."""
    settings = settings or Settings()
    with settings.applied():  # tables are classified, titles read, with the bureau's patterns too
        return _audit_group(group, select, ignore, timeout, previous, policy, settings)


def _audit_group(group: list[str], select: list[str] | None, ignore: list[str] | None, timeout: float | None,
                 previous: list[str] | None, policy: str, settings: Settings) -> dict:
    from .engine import audit_document
    from .ingest import load
    from .report.json_report import document_entry

    path = group[0] if len(group) == 1 else " + ".join(group)
    use_alarm = bool(timeout) and hasattr(signal, "SIGALRM")
    if use_alarm:
        old = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, float(timeout))
    try:
        doc = load(*group)
        if previous:
            _attach_previous(doc, previous, policy)
        results = audit_document(doc, select=select, ignore=ignore, settings=settings)
        entry = document_entry(path, doc, results, None, _review_of(group[0]))
        if doc.previous is not None:
            entry["previous"] = list(doc.previous.meta.sources)
        return entry
    except ReadError as exc:
        return document_entry(path, None, [], exc)
    except _Timeout:
        from .ingest.pages import abandon

        abandon()  # page workers still busy with this document are stopped, not waited for
        return document_entry(path, None, [], ReadError(group[0], "timeout", f"超过 {timeout:g} 秒"))
    except RecursionError:
        return document_entry(path, None, [], ReadError(group[0], "corrupt", "结构嵌套过深"))
    except (PatternError, PreviousMismatch):
        raise  # a broken patterns/ file is everyone's problem: the command stops with its one line
    except OSError as exc:
        return document_entry(path, None, [], ReadError(group[0], "unreadable", cause(exc)))
    except Exception as exc:  # noqa: BLE001 - one document's failure must not end the batch
        return document_entry(path, None, [], ReadError(group[0], "internal", f"{type(exc).__name__}: {exc}"[:160]))
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)


def _attach_previous(doc, previous: list[str], policy: str) -> None:  # noqa: ANN001
    from .ingest import load
    from .previous import problem

    try:
        prev = load(*previous)
    except ReadError as exc:
        sys.stderr.write(f"audit: 上年文件 {exc.message}\n")  # the audit goes on without it
        return
    why = problem(doc, prev)
    if why and policy == "strict":
        raise PreviousMismatch(f"--previous {previous[0]}：{why}（确认无误可加 --force）")
    if why and policy == "auto":
        return
    if why:
        sys.stderr.write(f"audit: 警告：--previous {previous[0]}：{why}；按 --force 照常核对\n")
    doc.previous = prev


def _review_of(path: str):
    """The reviewer's sidecar for a document, if any; an unreadable one is reported, not fatal."""
    from .review import SidecarError, load_existing

    try:
        return load_existing(path)
    except SidecarError as exc:
        sys.stderr.write(f"audit: {exc}\n")
        return None


def _lost(group: list[str]) -> dict:
    from .report.json_report import document_entry

    path = group[0] if len(group) == 1 else " + ".join(group)
    return document_entry(path, None, [], ReadError(group[0], "internal", "审核进程意外退出"))


def _call(args: tuple) -> dict:
    return audit_group(*args)


def _batch_worker_init() -> None:
    from .ingest.pages import disable

    disable()  # the batch keeps every core busy already: pages are read in order


def run(groups: list[list[str]], *, select: list[str] | None = None, ignore: list[str] | None = None,
        jobs: int | None = None, timeout: float | None = None, progress: bool = False,
        previous: list[str] | None = None, force: bool = False,
        previous_each: list[list[str] | None] | None = None, settings: Settings | None = None) -> Iterator[dict]:
    """Report entries in input order, each as soon as it and all before it are done.
    settings: sent whole with every task (a spawned worker starts from nothing).

    previous: the user's --previous for every group; previous_each: last year's files per group
    as the batch found them (pairing.plan), used only where they prove to fit."""
    jobs = jobs or os.cpu_count() or 1
    if previous:
        tasks = [(g, select, ignore, timeout, previous, "force" if force else "strict", settings) for g in groups]
    else:
        each = previous_each or [None] * len(groups)
        tasks = [(g, select, ignore, timeout, p, "auto", settings) for g, p in zip(groups, each)]
    total = len(tasks)

    def tick(i: int, entry: dict) -> None:
        if progress:
            name = Path(entry["path"].split(" + ")[0]).name
            sys.stderr.write(f"\r\033[K[{i}/{total}] {name[:60]}")
            if i == total:
                sys.stderr.write("\r\033[K")
            sys.stderr.flush()

    if jobs <= 1 or total <= 1:
        for i, t in enumerate(tasks, 1):
            entry = _call(t)
            tick(i, entry)
            yield entry
        return
    # spawned, not forked: forking a process that runs threads (the page-reading pool's, the TUI's)
    # can copy a held lock into the child and hang it
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(jobs, total), initializer=_batch_worker_init, mp_context=ctx) as pool:
        futures = [pool.submit(_call, t) for t in tasks]
        try:
            for i, (t, fut) in enumerate(zip(tasks, futures), 1):
                try:
                    entry = fut.result()
                except BrokenProcessPool:  # a worker died (memory, a signal): this document alone is lost
                    entry = _lost(t[0])
                tick(i, entry)
                yield entry
        finally:
            for fut in futures:
                fut.cancel()
