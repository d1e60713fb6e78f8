"""The readable Chinese report that plain `audit FILE` prints."""

from __future__ import annotations

from typing import Any

from ..results import VERDICT_LABELS

_ORDER = {"fail": 0, "warn": 1, "unverified": 2, "pass": 3}


def render(report: dict[str, Any], *, verbose: bool = False) -> str:
    out: list[str] = []
    for d in report["documents"]:
        out.append(f"━━ {d['path']}")
        if d["status"] == "error":
            out.append(f"  无法读取：{d['error']['message']}")
            out.append("")
            continue
        m = d["meta"]
        out.append(
            f"  {m.get('organization') or '未识别单位'}　{m.get('year') or ''}年　{m.get('kind') or ''}　"
            f"表格 {len(d['tables'])} 张"
        )
        s = d["summary"]
        out.append(
            f"  通过 {s['pass']}　不通过 {s['fail']}　存疑 {s['warn']}　无法核对 {s['unverified']}"
        )
        shown = [r for r in d["results"] if verbose or r["verdict"] in ("fail", "warn", "unverified")]
        shown.sort(key=lambda r: (_ORDER[r["verdict"]], r["page"] or 0))
        for r in shown:
            page = f"第{r['page']}页 " if r.get("page") else ""
            place = r.get("location") or {}
            if place.get("sheet") or place.get("paragraph") or place.get("file"):
                page = place["label"] + " "  # a draft's cell or paragraph; which file when several
            out.append(f"  [{VERDICT_LABELS[r['verdict']]}] {r['rule']} {page}{r['message']}")
            if r["verdict"] != "pass" and r.get("text"):
                out.append(f"      「{r['text'][:80]}」")
        out.append("")
    t = report["summary"]
    out.append(
        f"共 {t['documents']} 份：通过 {t['pass']}，不通过 {t['fail']}，存疑 {t['warn']}，无法核对 {t['unverified']}"
        + (f"，无法读取 {t['errors']} 份" if t.get("errors") else "")
    )
    return "\n".join(out)
