"""The readable Chinese report that plain `audit FILE` prints.

A reviewer reads it sentence by sentence: every finding about one sentence is listed under it, the
worst sentences first. Results of one class are folded (`report/folding.py`): 无法核对 by reason into
one line with a count and the first subjects, 存疑 by page or table into one line naming every
snippet or cell (`-v` lists each, and the passing checks too), so a long document does not bury its
few real findings under dozens of near-identical notes. The reviewer's decisions from `FILE.review.json` are shown
on each result: "[不通过·错误·已确认]", "[存疑·提示→通过（改判）]", with the comment.
"""

from __future__ import annotations

from typing import Any

from ..results import SEVERITY_LABELS, VERDICT_LABELS
from .folding import SUBJECTS, Fold, fold, page_names, pages_text

_ORDER = {"fail": 0, "warn": 1, "unverified": 2, "pass": 3}
_QUOTE = 80  # characters of a quoted sentence


def label(r: dict[str, Any]) -> str:
    """The verdict as the reviewer left it: "不通过·错误·已确认", "存疑·提示→通过（改判）", or the
    audit's own. A finding (不通过/存疑) names its severity (错误/警告/提示): a rule a bureau set to 提示
    still reads 不通过, and the reader must see why it does not count for the exit code."""
    own = VERDICT_LABELS[r["verdict"]]
    if r["verdict"] in ("fail", "warn") and r.get("severity") in SEVERITY_LABELS:
        own += "·" + SEVERITY_LABELS[r["severity"]]
    d = r.get("review")
    if not d:
        return own
    if d.get("status") == "overridden" and d.get("verdict"):
        return f"{own}→{VERDICT_LABELS[d['verdict']]}（改判）"
    if d.get("status") == "accepted":
        return f"{own}·已确认"
    return own


def _reviewed(r: dict[str, Any]) -> bool:
    d = r.get("review")
    return bool(d and (d.get("status") in ("accepted", "overridden") or d.get("comment")))


def _placed(r: dict[str, Any], *, printed: bool = True) -> str | None:
    """A draft's sheet!cell or paragraph, the file and its own page when a disclosure spans files,
    a page by its printed number (auditor.locate sets it); None where the page alone says it."""
    place = r.get("location") or {}
    if place.get("sheet") or place.get("paragraph") is not None or place.get("file") or (
            printed and place.get("printed_page")):
        return place.get("label")
    return None


def _page(r: dict[str, Any]) -> str:
    placed = _placed(r)
    if placed:
        return placed + " "
    return f"第{r['page']}页 " if r.get("page") else ""


def _result_lines(r: dict[str, Any], *, with_page: bool) -> list[str]:
    lines = [f"    [{label(r)}] {r['rule']} {_page(r) if with_page else ''}{r['message']}"]
    d = r.get("review")
    if d and d.get("comment"):
        lines.append(f"      批注：{d['comment']}")
    return lines


def _figures(results: list[dict[str, Any]]) -> str:
    """How many narrative figures were checked (a verdict other than 无法核对) and how many passed,
    and the same for the table relations: the document's score in one line."""
    n = [r for r in results if r["rule"].startswith("N")]
    n_checked = [r for r in n if r["verdict"] != "unverified"]
    tx = [r for r in results if r["rule"][:1] in ("T", "X") and r["rule"] != "T100"]  # T100: a table's reading
    tx_checked = [r for r in tx if r["verdict"] != "unverified"]
    parts = [f"叙述数字 {len(n)} 个，核对 {len(n_checked)} 个，其中通过 {sum(r['verdict'] == 'pass' for r in n_checked)} 个"]
    if tx:
        parts.append(f"表内表间关系 {len(tx_checked)} 项，成立 {sum(r['verdict'] == 'pass' for r in tx_checked)} 项")
    return "；".join(parts)


def _review_line(d: dict[str, Any]) -> str | None:
    rv = d.get("review")
    if not rv:
        return None
    line = f"  审核（{rv['sidecar']}）：已确认 {rv['accepted']}　已改判 {rv['overridden']}　未审 {rv['pending']}"
    if rv.get("comments"):
        line += f"　批注 {rv['comments']}"
    if rv.get("orphans"):
        line += f"　另有 {len(rv['orphans'])} 条决定已找不到对应结果"
    return line


def _sources_lines(d: dict[str, Any]) -> list[str]:
    """Which files were audited as one disclosure, and which file supplied last year's figures."""
    m = d.get("meta") or {}
    out = []
    sources = m.get("sources") or []
    if len(sources) > 1:
        out.append("  合并审核：" + "；".join(sources))
    if d.get("previous"):
        out.append("  上年文件：" + "；".join(d["previous"]))
    return out


def _document(d: dict[str, Any], verbose: bool) -> list[str]:
    out = [f"━━ {d['path']}"]
    if d["status"] == "error":
        return out + [f"  无法读取：{d['error']['message']}", ""]
    m = d["meta"]
    out.append(
        f"  {m.get('organization') or '未识别单位'}　{m.get('year') or ''}年　{m.get('kind') or ''}　"
        f"表格 {len(d['tables'])} 张" + _doubt_note(d)
    )
    out += _sources_lines(d)
    s = d["summary"]
    out.append(f"  通过 {s['pass']}　不通过 {s['fail']}　存疑 {s['warn']}　无法核对 {s['unverified']}")
    out.append(f"  {_figures(d['results'])}")
    review = _review_line(d)
    if review:
        out.append(review)

    def lines_of(r: dict[str, Any], *, with_page: bool) -> list[str]:
        lines = _result_lines(r, with_page=with_page)
        if verbose and r["rule"] == "T100" and r["verdict"] == "warn":
            lines += _broken_lines(d, r)  # every relation that broke; the message names a few
        return lines

    shown = [r for r in d["results"] if verbose or r["verdict"] != "pass" or _reviewed(r)]
    names = page_names(d["results"])
    folds: list[Fold] = []
    if not verbose:
        shown, folds = fold(shown, _reviewed)

    # one group per sentence text (the same words printed on several pages are one group; results
    # about no sentence stand alone), the worst group first; a fold of 存疑 stands with the 存疑
    groups: dict[Any, list[dict[str, Any]]] = {}
    for i, r in enumerate(shown):
        groups.setdefault("".join(r["text"].split()) if r.get("text") else i, []).append(r)
    entries: list[tuple[tuple[int, int], Any]] = [
        ((min(_ORDER[r["verdict"]] for r in g), min(r.get("page") or 0 for r in g)), g) for g in groups.values()]
    entries += [((_ORDER["warn"], (f.pages or [0])[0]), f) for f in folds if f.verdict == "warn"]
    for _, g in sorted(entries, key=lambda e: e[0]):
        if isinstance(g, Fold):
            out.append(_doubt_fold_line(g, names))
            continue
        text = g[0].get("text")
        if not text:
            out += [line[2:] if n == 0 else line for n, line in enumerate(lines_of(g[0], with_page=True))]
            continue
        pages = sorted({r["page"] for r in g if r.get("page")})
        quote = text if len(text) <= _QUOTE else text[:_QUOTE] + "…"
        placed = list(dict.fromkeys(p for p in (_placed(r, printed=False) for r in g) if p))
        head = "、".join(placed[:4]) + " " if placed else (pages_text(pages, names) + " " if pages else "")
        out.append(f"  {head}「{quote}」")
        same: dict[Any, list[dict[str, Any]]] = {}  # one finding repeated on each page where the words are
        for i, r in enumerate(sorted(g, key=lambda r: _ORDER[r["verdict"]])):
            key = i if _reviewed(r) else (r["rule"], r["verdict"], r["message"])
            same.setdefault(key, []).append(r)
        for rs in same.values():
            lines = lines_of(rs[0], with_page=len(pages) > 1 and len(rs) == 1)
            if len(rs) > 1 and len(pages) > 1:
                lines[0] += f"（×{len(rs)}，{pages_text(sorted({r['page'] for r in rs if r.get('page')}), names)}）"
            elif len(rs) > 1:
                lines[0] += f"（×{len(rs)}）"
            out += lines
    unverified = sorted((f for f in folds if f.verdict == "unverified"), key=lambda f: -len(f.results))
    for f in unverified:
        where = f"，{pages_text(f.pages, names)}" if f.pages else ""
        subjects = "、".join(f.details[:SUBJECTS]) + ("等" if len(f.details) > SUBJECTS else "")
        out.append(f"  [无法核对] {f.rule} {f.head} ×{len(f.results)}{where}" + (f"：{subjects}" if subjects else ""))
    if folds:
        out.append("  （同类结果已合并；-v 逐条列出，并列出通过的核对）")
    out.append("")
    return out


def _doubt_fold_line(f: Fold, names: dict[int, str]) -> str:
    """Several 存疑 of one class in one place, every snippet or cell named: "第51页 [存疑·提示] P134
    中文中夹用半角标点 ×9：“拨款收入: 指”、…"."""
    where = f.place if f.place.startswith("《") else ""
    where += pages_text(f.pages, names)
    count = f"×{len(f.results)}" + ("" if f.place.startswith("《") else "段")  # cells of a table; paragraphs
    return f"  {where} [{label(f.results[0])}] {f.rule} {f.head} {count}：{'、'.join(f.details)}"


def render(report: dict[str, Any], *, verbose: bool = False) -> str:
    out: list[str] = []
    for d in report["documents"]:
        out += _document(d, verbose)
    t = report["summary"]
    out.append(
        f"共 {t['documents']} 份：通过 {t['pass']}，不通过 {t['fail']}，存疑 {t['warn']}，无法核对 {t['unverified']}"
        + (f"，无法读取 {t['errors']} 份" if t.get("errors") else "")
    )
    return "\n".join(out)


def summary_line(report: dict[str, Any]) -> str:
    """The last line of the text report, for stderr when the report itself goes to a file."""
    return render({"documents": [], "summary": report["summary"]})


def _doubt_note(d: dict[str, Any]) -> str:
    """"（读取存疑 2 张）": the reader should know how much of the report rests on doubtful reading."""
    n = sum(1 for t in d["tables"] if (t.get("reading") or {}).get("status") == "doubtful")
    return f"（读取存疑 {n} 张）" if n else ""


def _broken_lines(d: dict[str, Any], r: dict[str, Any]) -> list[str]:
    """Under -v, every relation that broke in a doubtful table."""
    ids = {e.get("table_id") for e in r["evidence"]}
    out = []
    for t in d["tables"]:
        if t["id"] in ids:
            for b in (t.get("reading") or {}).get("broken", []):
                page = f"第{b['page']}页 " if b.get("page") else ""
                out.append(f"      · {b['rule']} {page}{b['message']}")
    return out
