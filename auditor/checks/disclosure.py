"""Disclosure completeness: required tables and sections, notes on empty tables, template leftovers,
years and classification names that do not belong to the document's year.

What is required is data (patterns/disclosure.yaml), by document kind and regional profile.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import patterns
from ..claims.facts import row_key
from .year_roles import judged_years
from ..model import Document, Table
from ..results import Evidence, Result
from ..tables.kinds import classify, kind_names
from .disclosure_common import NARRATIVE_MIN as _NARRATIVE_MIN
from .disclosure_common import config as _config
from .disclosure_common import result as _result
from .disclosure_common import table_ev as _table_ev
from .empty_tables import check_empty_notes
from .template import check_blank_template


def profile(doc: Document) -> dict:
    """The configured region's profile (audit.toml), else the first regional profile that fits: one of
    its `match` words occurs in the organisation, the first lines, the first table titles or the file
    names; or its `org_pattern` matches the organisation or a file name (a name, not the text: the text
    of any disclosure may cite 国家…)."""
    names = [doc.meta.organization or ""] + [Path(s).stem for s in doc.meta.sources]
    where = "".join(names) + doc.text[:300] + "".join(t.title for t in doc.tables[:3])
    profiles = _config()["profiles"]
    chosen = doc.settings.region if doc.settings is not None else None  # a bureau's audit.toml names its template
    if chosen:
        return next(p for p in profiles if p["id"] == chosen)
    for p in profiles:
        words = p.get("match", [])
        if (words and any(w in where for w in words)
                and not ("match_also" in p and not re.search(p["match_also"], where))):
            return p
        if "org_pattern" in p and any(re.search(p["org_pattern"], n) for n in names if n):
            return p
    return next(p for p in profiles if p["id"] == "generic")



def check_required_tables(doc: Document) -> list[Result]:
    """D101: every table the profile requires for this kind of document is present."""
    prof = profile(doc)
    spec = prof.get(doc.meta.stage) or {}
    names = kind_names()
    if doc.part == "attachment":
        # a 绩效目标表 or project list published under the disclosure's title: the required tables are
        # in the disclosure's other files, which this one never meant to hold (ingest/gate.py)
        return []
    if not any(t.kind != "other" for t in doc.tables):  # none at all, or none that is a budget table
        return [_result("D101", "warn", "未读到任何预算表格。若表格在另一个文件中，请用 --together 与说明一并核对。",
                        anchor="no-tables", severity="warning")]
    # the region's own name for a required table ("收支总体情况表"): found by the profile's title
    # pattern without changing the table's kind, so no cross-table identity starts reading it
    own = {kind: re.compile(rx) for kind, rx in (prof.get("titles") or {}).items()}
    found = {kind: next((t for t in doc.tables if t.kind == kind), None) for kind in spec.get("tables", [])}
    for kind, rx in own.items():
        if found.get(kind) is None:
            found[kind] = next((t for t in doc.tables if t.kind == "other" and rx.search(t.title)), None)
    named = {id(t) for t in found.values() if t is not None}
    # tables whose kind was not recognised: a required table may be among them under a name the
    # patterns do not know, so its absence is 存疑 (naming them), not 不通过
    unknown = [t for t in doc.tables if t.kind == "other" and t.title.strip().endswith("表") and id(t) not in named]
    out = []
    for kind in spec.get("tables", []):
        name = names.get(kind, kind)
        t = found.get(kind)
        if t is not None:
            out.append(_result("D101", "pass", f"已公开{name}（{prof['name']}）。", anchor=kind,
                               evidence=[_table_ev(t)]))
        elif unknown:
            titles = "、".join(f"《{t.title}》" for t in unknown[:3]) + ("等" if len(unknown) > 3 else "")
            out.append(_result("D101", "warn", f"未识别出{name}（{prof['name']}要求公开此表）；文中{titles}未能归类，"
                               "请核对其中是否有此表。", anchor=kind, evidence=[_table_ev(t) for t in unknown[:3]]))
        else:
            out.append(_result("D101", "fail", f"缺少{name}：{prof['name']}要求{doc.meta.kind or doc.meta.stage}公开此表；"
                               "无数据时也应公开空表并说明原因。", anchor=kind))
    return out


_TOC_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d))\s*")
_TOC_LEADER = re.compile(r"[.…·．\s]{2,}\s*(\d{1,3})?\s*$|\s+(\d{1,3})$")


def toc_entries(toc: list[str], *, repeated: set[str] | None = None) -> list[tuple[str, int | None]]:
    """(entry, printed page or None): leaders and page numbers cut off, a wrapped entry joined to the one
    it continues ("第三部分…部门决算" + "情况说明"). Where the contents run on into the body (an entry
    comes again), the list stops; the entries that came again go into `repeated`: they are in the body."""
    out: list[tuple[str, int | None]] = []
    for raw in toc:
        m = _TOC_LEADER.search(raw)
        page = int(m.group(1) or m.group(2)) if m and (m.group(1) or m.group(2)) else None
        text = raw[: m.start()].strip() if m else raw.strip()
        if not text or (text[0] in "（(" and text[-1] in "）)" and not _TOC_NUMBER.match(text)):
            continue  # "（具体部门预算公开报表）": a note, not an entry
        if any(text == e for e, _ in out):
            if repeated is not None:
                tail = [_TOC_LEADER.sub("", r).strip() for r in toc[toc.index(raw):]]
                repeated.update(t for t in tail if any(t == e for e, _ in out))
            break  # the contents ran on into the body, which starts again from its first entry
        if out and not _TOC_NUMBER.match(text) and len(text) <= 8:
            prev, ppage = out[-1]
            out[-1] = (prev + text, page or ppage)
            continue
        out.append((text, page))
    return out


def _plain(text: str) -> str:
    """Words only: a 目录 drops quotes and spaces the heading keeps (“三公” / 三公)."""
    return re.sub(r"[\s“”‘’\"'（）()、，,．.：:；;]+", "", text)


def _similar(a: str, b: str) -> bool:
    """A heading reworded a little from its 目录 entry ("其他重要事项说明" / "其他重要事项的情况说明")."""
    from difflib import SequenceMatcher

    return bool(a and b) and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.75


def check_toc_sections(doc: Document) -> list[Result]:
    """D102 for sections: each section the 目录 lists is in the document, on a page it has."""
    out = []
    if len(doc.text) < _NARRATIVE_MIN:
        return out  # a tables-only file: its narrative is published separately
    body = _plain(doc.text + "".join(t.title for t in doc.tables))
    heads = [_plain(_TOC_NUMBER.sub("", p.text[:60])) for p in doc.paragraphs if p.text.strip()]
    repeated: set[str] = set()
    for entry, page in toc_entries(getattr(doc, "toc", []) or [], repeated=repeated):
        if entry.endswith("表"):
            continue  # tables: check_toc
        title = _plain(_TOC_NUMBER.sub("", entry))
        if len(title) < 2:
            continue
        if doc.meta.pages and page and page > doc.meta.pages:
            out.append(_result("D102", "fail", f"目录“{entry}”标注第{page}页，但文件只有{doc.meta.pages}页。",
                               anchor=f"toc/{entry}/page", text=entry))
            continue
        bare = re.sub(r"^(?:本?部门|本?单位)", "", title)  # "部门主要职能" printed as "XX局主要职能"
        found = (entry in repeated or bare in body or any(_similar(title, h[: len(title) + 4]) for h in heads)
                 or (len(bare) >= 8 and bare[-6:] in body))
        out.append(_result(
            "D102", "pass" if found else "warn",
            f"目录所列“{entry}”已见于文中。" if found else f"目录列出“{entry}”，但文中未见这一部分（标题可能改了写法），请核对。",
            anchor=f"toc/{entry}", text=entry))
    return out


def check_toc(doc: Document) -> list[Result]:
    """D102: each table the 目录 lists is in the document."""
    toc: list[str] = [e for e, _ in toc_entries(getattr(doc, "toc", []) or [])]
    out = check_toc_sections(doc)
    present = {t.kind for t in doc.tables}
    titles = {row_key(t.title) for t in doc.tables}
    if not any(t.kind != "other" for t in doc.tables) or doc.part == "narrative":
        return out  # a narrative published apart from its tables: D101's one note says they are elsewhere
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


def check_sections(doc: Document) -> list[Result]:
    """D104: the narrative explains what the profile requires (三公, 机关运行经费, 政府采购 …)."""
    if len(doc.text) < _NARRATIVE_MIN or doc.part == "attachment":
        return []  # a tables-only file or an attachment: its narrative is published separately
    spec = profile(doc).get(doc.meta.stage) or {}
    out = []
    missing = []
    for name, pattern in (spec.get("sections") or {}).items():
        m = re.search(pattern, doc.text)
        if m:
            s = next((s for s in doc.sentences() if s.start <= m.start() < s.end + 1), None)
            out.append(_result("D104", "pass", f"已说明{name}。", anchor=name, page=s.page if s else None,
                               text=s.text if s else "", span=(m.start(), m.end())))
        else:
            missing.append(name)
    tables_only = not doc.sections or doc.part == "tables"
    if missing and tables_only and any(t.kind != "other" for t in doc.tables):
        # tables with no 情况说明 at all (no heading of one, or none naming a 情况说明's topics: the gate's
        # `tables` part): the text beside them is notes and form
        # text (a 绩效目标 form may even name a topic), not a narrative that left things out. One
        # note, as for a narrative without its tables (D101 "no-tables").
        return [_result("D104", "warn", f"本文件只有报表，未见情况说明：{len(missing)} 项说明要求（"
                        + "、".join(missing) + "）无从核对，不逐条列出。若情况说明在另一个文件中，请把两个文件一并审核"
                        "（audit 说明 报表 --together，或放在同一文件夹中审核 audit 文件夹）。",
                        anchor="no-narrative", severity="warning")]
    out += [_result("D104", "fail", f"情况说明中未见“{name}”的说明。", anchor=name) for name in missing]
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
        # a year inside brackets names a project or a fund ("（2021年…补助资金）项目绩效自评表"), not the table's year
        # years by their role (year_roles): a project's or a fund's name, a period, a quantity are not the table's year
        years = set(judged_years(re.sub(r"[（(][^）)]*[）)]", "", t.title)))
        bad = sorted(y for y in years if y != year)
        if bad and year not in years:
            out.append(_result("D106", "fail", f"{t.number or ''}《{t.title}》标题年度为{bad[0]}年，与文件年度{year}年不符。",
                               anchor=f"{t.id}/title", page=t.pages[0] if t.pages else None, text=t.title,
                               evidence=[_table_ev(t)]))
        for c in t.columns:
            if not _is_heading(c.key):
                continue  # prose read as a header (a 绩效目标 table's text): its years are the text's own
            for y in set(judged_years(c.key)):
                if y not in (year, year - 1):
                    out.append(_result("D106", "fail", f"{t.number or ''}《{t.title}》的栏目“{c.key}”年度为{y}年，"
                                       f"文件年度为{year}年（上年为{year - 1}年）。",
                                       anchor=f"{t.id}/{c.key}", page=t.pages[0] if t.pages else None,
                                       text=c.key, evidence=[_table_ev(t)]))
    if not out:
        out.append(_result("D106", "pass", f"表格标题和栏目年度与文件年度{year}年一致。", anchor="all"))
    return out


def _is_heading(key: str) -> bool:
    """A column heading is a few words ("2021年预算数·小计"), not sentences."""
    return not re.search(r"[。；，,]", key) and all(len(part) <= 30 for part in key.split("·"))


def _names_by_year(year: int) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """(current name -> code, former name -> (code, current name)) for function codes, in `year`."""
    current: dict[str, str] = {}
    former: dict[str, tuple[str, str]] = {}
    refs = patterns.reference_codes()
    for code, names in refs.items():
        if not code.startswith("2"):
            continue
        # the list's last year is the last one it has seen: a name current then is taken to hold after it
        at = min(year, max(y1 for _, _, y1, _ in names))
        now = [n for n, y0, y1, conf in names if y0 <= at <= y1 and conf in ("H", "M")]
        for n, y0, y1, conf in names:
            if conf not in ("H", "M"):
                continue
            if y0 <= at <= y1:
                current[n] = code
            elif y1 < at and now and n not in now:
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
    said = _names_in_narrative(doc, former, current)
    out = []
    for name in list(hits) + [n for n in said if n not in hits]:
        code, now = former[name]
        where = hits.get(name, [])
        ev = [Evidence(table=t.title, table_id=t.id, row=r.label, column="科目名称", value=name, unit=None, page=r.page)
              for t, r in where]
        sents = said.get(name, [])
        places = "、".join(x for x in (f"表中{len(where)}处" if where else "", f"文中{len(sents)}处" if sents else "") if x)
        first = sents[0] if sents else None
        out.append(_result("D107", "fail", f"科目名称“{name}”已过时：{year}年该科目（{code}）名称为“{now}”，"
                           f"见于{places}。", anchor=name,
                           page=ev[0].page if ev else first[0].page, text=first[0].text if first and not ev else name,
                           span=first[1] if first and not ev else None, evidence=ev, severity="warning"))
    if not out:
        out.append(_result("D107", "pass", f"未发现{year}年已停用的科目名称。", anchor="none"))
    return out


_CLASS_AFTER = re.compile(r"\s*[（(]\s*(?:\d{3,7}\s*)?[类款项]")  # "…支出（210类）", "…支出（类）"
_CODE_BEFORE = re.compile(r"\d{3,7}\s*$")  # "210 医疗卫生与计划生育支出"


def _names_in_narrative(doc: Document, former: dict[str, tuple[str, str]],
                        current: dict[str, str]) -> dict[str, list[tuple[object, tuple[int, int]]]]:
    """Former names the narrative uses: name -> [(sentence, span)]. A former name inside a current one
    ("…支出" within a longer name still in use) is not a hit."""
    out: dict[str, list[tuple[object, tuple[int, int]]]] = {}
    for name in former:
        if name in current or len(name) < 4 or name not in doc.text:
            continue
        longer = [c for c in current if name in c and c != name]
        for s in doc.sentences():
            for m in re.finditer(re.escape(name), s.text):
                if any(s.text.find(c, max(0, m.start() - c.index(name))) == m.start() - c.index(name) for c in longer):
                    continue
                after, before = s.text[m.end(): m.end() + 10], s.text[max(0, m.start() - 9): m.start()]
                if not (_CLASS_AFTER.match(after) or _CODE_BEFORE.search(before)):
                    continue  # a name used as ordinary words ("…及医疗卫生支出"), not as a classification
                out.setdefault(name, []).append((s, (s.start + m.start(), s.start + m.end())))
    return out


def check_three_public_reasons(doc: Document) -> list[Result]:
    """D108: a stated change in "三公" spending comes with its reason."""
    cfg = _config()
    change, reason = re.compile(cfg["change_words"]), re.compile(cfg["reason_words"])
    sec = re.compile(cfg["three_public_section"])
    sents = [s for s in doc.sentences() if s.section and sec.search(s.section) and "名词" not in s.section]
    if not sents:
        return []
    zero = re.compile(cfg["zero_change"])
    changed = [s for s in sents if re.search(r"\d", s.text)
               and any(not zero.match(s.text, m.end()) for m in change.finditer(s.text))]
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
            + check_three_public_reasons(doc) + check_blank_template(doc))
