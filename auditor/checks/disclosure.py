"""Disclosure completeness: required tables and sections, notes on empty tables, template leftovers,
years and classification names that do not belong to the document's year.

What is required is data (patterns/disclosure.yaml), by document kind and regional profile.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import patterns
from ..config import active
from ..claims.facts import row_key
from ..model import Document, Table
from ..results import Evidence, Result
from ..tables.kinds import classify, kind_names

_YEAR = re.compile(r"(20\d\d)\s*年")
_NARRATIVE_MIN = 120  # characters: less than this is a tables-only file (its narrative is published apart)


@lru_cache(maxsize=1)
def _config() -> dict:
    return patterns.load("disclosure")


def profile(doc: Document) -> dict:
    """The configured region's profile, else the one whose words occur in the organisation or the first
    lines of the document."""
    where = (doc.meta.organization or "") + doc.text[:300] + "".join(t.title for t in doc.tables[:3])
    where += "".join(doc.meta.sources)
    profiles = _config()["profiles"]
    chosen = active().region  # a bureau's audit.toml names its template: no guessing
    if chosen:
        return next(p for p in profiles if p["id"] == chosen)
    for p in profiles:
        if any(w in where for w in p.get("match", [])):
            return p
    return next(p for p in profiles if p["id"] == "generic")



def _result(rule: str, verdict: str, message: str, *, anchor: str, page: int | None = None, text: str = "",
            span: tuple[int, int] | None = None, evidence: list[Evidence] | None = None,
            severity: str | None = None) -> Result:
    sev = severity or {"pass": "info", "fail": "error", "warn": "warning", "unverified": "info"}[verdict]
    return Result(rule=rule, kind="disclosure", verdict=verdict, severity=sev, message=message, page=page,
                  text=text, span=span, evidence=evidence or [], anchor=anchor)


def _table_ev(t: Table, note: str = "") -> Evidence:
    return Evidence(table=t.title, table_id=t.id, row="", column="", value=note, unit=t.unit,
                    page=t.pages[0] if t.pages else None)


def check_required_tables(doc: Document) -> list[Result]:
    """D101: every table the profile requires for this kind of document is present."""
    prof = profile(doc)
    spec = prof.get(doc.meta.stage) or {}
    names = kind_names()
    if not doc.tables:
        return [_result("D101", "warn", "未读到任何表格。若表格在另一个文件中，请用 --together 与说明一并核对。",
                        anchor="no-tables", severity="warning")]
    present = {t.kind for t in doc.tables}
    out = []
    for kind in spec.get("tables", []):
        name = names.get(kind, kind)
        if kind in present:
            t = next(t for t in doc.tables if t.kind == kind)
            out.append(_result("D101", "pass", f"已公开{name}（{prof['name']}）。", anchor=kind,
                               evidence=[_table_ev(t)]))
        else:
            out.append(_result("D101", "fail", f"缺少{name}：{prof['name']}要求{doc.meta.kind or doc.meta.stage}公开此表；"
                               "无数据时也应公开空表并说明原因。", anchor=kind))
    return out


def check_toc(doc: Document) -> list[Result]:
    """D102: each table the 目录 lists is in the document."""
    toc: list[str] = getattr(doc, "toc", []) or []
    out = []
    present = {t.kind for t in doc.tables}
    titles = {row_key(t.title) for t in doc.tables}
    if not doc.tables:
        return out
    for entry in toc:
        if not entry.rstrip().endswith("表"):
            continue
        kind, name = classify(entry)
        if kind == "other":
            continue
        found = kind in present or row_key(entry) in titles
        out.append(_result(
            "D102", "pass" if found else "fail",
            f"目录所列“{entry}”已见于文中。" if found else f"目录列出“{entry}”，但文中未见此表（{name}）。",
            anchor=f"toc/{entry}", text=entry))
    return out


def _is_empty(t: Table) -> bool:
    values = [c.value for r in t.rows for c in r.cells.values() if c.amount is not None]
    return all(v == 0 for v in values)


def check_empty_notes(doc: Document) -> list[Result]:
    """D103: an empty table says why it is empty."""
    rx = re.compile(_config()["empty_note"])
    out = []
    for t in doc.tables:
        if t.kind in ("other", "performance", "project") or not t.rows or not _is_empty(t):
            continue
        note = next((n for n in t.notes if rx.search(n)), None)
        where = None
        if note is None:
            short = kind_names().get(t.kind, t.title).strip("“”\"")
            short = short.replace("表", "")
            for s in doc.sentences():
                if (short in s.text or (t.number and t.number.replace(" ", "") in s.text.replace(" ", ""))) and rx.search(s.text):
                    note, where = s.text, s
                    break
        if note is None and len(doc.text) < _NARRATIVE_MIN:
            out.append(_result("D103", "warn", f"{t.number or ''}《{t.title}》没有数据；本文件没有情况说明，"
                               "请与说明文件一并核对（--together）是否说明了原因。", anchor=t.id,
                               page=t.pages[0] if t.pages else None, evidence=[_table_ev(t)]))
        elif note:
            out.append(_result("D103", "pass", f"{t.number or ''}《{t.title}》为空表，已说明：{note[:60]}",
                               anchor=t.id, page=where.page if where else (t.pages[0] if t.pages else None),
                               evidence=[_table_ev(t, note[:80])]))
        else:
            out.append(_result("D103", "fail", f"{t.number or ''}《{t.title}》没有数据，但未说明为何为空表。",
                               anchor=t.id, page=t.pages[0] if t.pages else None, evidence=[_table_ev(t)]))
    return out


def check_sections(doc: Document) -> list[Result]:
    """D104: the narrative explains what the profile requires (三公, 机关运行经费, 政府采购 …)."""
    if len(doc.text) < _NARRATIVE_MIN:
        return []  # a tables-only file: its narrative is published separately
    spec = profile(doc).get(doc.meta.stage) or {}
    out = []
    for name, pattern in (spec.get("sections") or {}).items():
        m = re.search(pattern, doc.text)
        if m:
            s = next((s for s in doc.sentences() if s.start <= m.start() < s.end + 1), None)
            out.append(_result("D104", "pass", f"已说明{name}。", anchor=name, page=s.page if s else None,
                               text=s.text if s else "", span=(m.start(), m.end())))
        else:
            out.append(_result("D104", "fail", f"情况说明中未见“{name}”的说明。", anchor=name))
    return out


def check_placeholders(doc: Document) -> list[Result]:
    """D105: template text left in (XX, ××, "占 %", "下降（增长）")."""
    out = []
    texts = [(s.text, s.start, s.page, None) for s in doc.sentences()]
    texts += [(t.title, None, t.pages[0] if t.pages else None, t) for t in doc.tables]
    seen: dict[str, int] = {}
    for p in _config()["placeholders"]:
        rx = re.compile(p["pattern"])
        for text, start, page, table in texts:
            for m in list(rx.finditer(text))[:1]:  # one finding per sentence and kind
                span = (start + m.start(), start + m.end()) if start is not None else None
                ev = [_table_ev(table)] if table is not None else []
                # anchored on the words, not offsets: an edit elsewhere keeps the reviewer's decision
                context = regex_words(text[max(0, m.start() - 8): m.end() + 8])
                seen[context] = seen.get(context, 0) + 1
                out.append(_result("D105", "fail", f"残留模板文字：{p['what']}“{m.group(0)}”。",
                                   anchor=f"{context}#{seen[context]}",
                                   page=page, text=text, span=span, evidence=ev))
    if not out:
        out.append(_result("D105", "pass", "未发现模板占位符。", anchor="none"))
    return out


def regex_words(text: str) -> str:
    return re.sub(r"[\s\d.,]+", "", text)


def check_years(doc: Document) -> list[Result]:
    """D106: table titles and column years belong to the document's year (or the year before)."""
    year = doc.meta.year
    if year is None:
        return []
    out = []
    for t in doc.tables:
        years = {int(y) for y in _YEAR.findall(t.title)}
        bad = sorted(y for y in years if y != year)
        if bad and year not in years:
            out.append(_result("D106", "fail", f"{t.number or ''}《{t.title}》标题年度为{bad[0]}年，与文件年度{year}年不符。",
                               anchor=f"{t.id}/title", page=t.pages[0] if t.pages else None, text=t.title,
                               evidence=[_table_ev(t)]))
        for c in t.columns:
            for y in {int(y) for y in re.findall(r"(20\d\d)", c.key)}:
                if y not in (year, year - 1):
                    out.append(_result("D106", "fail", f"{t.number or ''}《{t.title}》的栏目“{c.key}”年度为{y}年，"
                                       f"文件年度为{year}年（上年为{year - 1}年）。",
                                       anchor=f"{t.id}/{c.key}", page=t.pages[0] if t.pages else None,
                                       text=c.key, evidence=[_table_ev(t)]))
    if not out:
        out.append(_result("D106", "pass", f"表格标题和栏目年度与文件年度{year}年一致。", anchor="all"))
    return out


def _names_by_year(year: int) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(current name -> code, former name -> (code, current name)) for function codes, in `year`."""
    current: dict[str, str] = {}
    former: dict[str, tuple[str, str]] = {}
    refs = patterns.reference_codes()
    for code, names in refs.items():
        if not code.startswith("2"):
            continue
        now = [n for n, y0, y1, conf in names if y0 <= year <= y1 and conf in ("H", "M")]
        for n, y0, y1, conf in names:
            if conf not in ("H", "M"):
                continue
            if y0 <= year <= y1:
                current[n] = code
            elif y1 < year and now and n not in now:
                former[n] = (code, now[0])
    return current, former


def check_outdated_names(doc: Document) -> list[Result]:
    """D107: classification names that were renamed before the document's year."""
    year = doc.meta.year
    if year is None:
        return []
    current, former = _names_by_year(year)
    hits: dict[str, list[tuple[Table, object]]] = {}
    for t in doc.tables:
        for r in t.rows:
            name = row_key(r.name)
            if name in former and name not in current and (r.code is None or r.code == former[name][0]):
                hits.setdefault(name, []).append((t, r))
    out = []
    for name, where in hits.items():
        code, now = former[name]
        ev = [Evidence(table=t.title, table_id=t.id, row=r.label, column="科目名称", value=name, unit=None, page=r.page)
              for t, r in where]
        out.append(_result("D107", "fail", f"科目名称“{name}”已过时：{year}年该科目（{code}）名称为“{now}”，"
                           f"见于{len(where)}处。", anchor=name, page=ev[0].page, text=name, evidence=ev,
                           severity="warning"))
    if not out:
        out.append(_result("D107", "pass", f"未发现{year}年已停用的科目名称。", anchor="none"))
    return out


def check_three_public_reasons(doc: Document) -> list[Result]:
    """D108: a stated change in "三公" spending comes with its reason."""
    cfg = _config()
    change, reason = re.compile(cfg["change_words"]), re.compile(cfg["reason_words"])
    sec = re.compile(cfg["three_public_section"])
    sents = [s for s in doc.sentences() if s.section and sec.search(s.section) and "名词" not in s.section]
    if not sents:
        return []
    changed = [s for s in sents if change.search(s.text) and re.search(r"\d", s.text)]
    if not changed:
        return [_result("D108", "pass", "“三公”经费说明未述及增减变化。", anchor="none")]
    explained = [s for s in sents if reason.search(s.text)]
    s = changed[0]
    if explained:
        e = explained[0]
        return [_result("D108", "pass", f"“三公”经费的增减已说明原因：{e.text[:60]}", anchor="reason",
                        page=e.page, text=e.text, span=(e.start, e.end))]
    return [_result("D108", "fail", "“三公”经费有增减变化，但未说明原因。", anchor="reason", page=s.page,
                    text=s.text, span=(s.start, s.end))]


def fold_narrative_only(doc: Document, results: list[Result]) -> list[Result]:
    """A narrative published without its tables: every figure that needed a table is 无法核对 for one
    reason, so they become one D101 note saying so, with their count, instead of dozens of lines.
    Figures the narrative checks by itself (its own sums, rates) keep their verdicts."""
    note = next((r for r in results if r.rule == "D101" and r.anchor == "no-tables"), None)
    if note is None or len(doc.text) < _NARRATIVE_MIN:
        return results
    folded = [r for r in results if r.rule.startswith("N") and r.verdict == "unverified"]
    if not folded:
        return results
    note.message = (f"本文件只有情况说明，未读到任何表格：叙述中 {len(folded)} 个数字无从与表格核对，不逐条列出。"
                    "若报表在另一个文件中，请把两个文件一并审核（audit 说明 报表 --together，或放在同一文件夹中审核 "
                    "audit 文件夹）。")
    gone = {id(r) for r in folded}
    return [r for r in results if id(r) not in gone]


def check_disclosure(doc: Document) -> list[Result]:
    return (check_required_tables(doc) + check_toc(doc) + check_empty_notes(doc) + check_sections(doc)
            + check_placeholders(doc) + check_years(doc) + check_outdated_names(doc)
            + check_three_public_reasons(doc))
