"""Aligns each claim with the table value it speaks of and gives a verdict with its evidence.

A printed figure stands for an interval (171.12万元 covers ±0.005万元); claimed and table values are
compared as intervals after converting units, and percentages are computed at the interval ends,
so a difference that rounding explains is never a fail.
"""

from __future__ import annotations

import bisect
import dataclasses
from decimal import Decimal
from functools import lru_cache

import regex

from .. import patterns
from ..model import Document
from ..numbers import UNIT_SCALE, change_rate_interval, fmt, percent_interval
from ..results import Figure, Result, dec
from .extract import Claim, extract, extract_sentence, normalize
from .completion import check_comparisons, check_completion, completion_pair
from .internal import check_components, check_count_lists
from .stated import change_from_rate, narrative_pct, narrative_share, speaks_of_prior_year, stated_change
from .verdict import DIRECTION, SEVERITY, claim_result, compare_figures, decide, quoted
from .facts import (
    Fact,
    class_names,
    chain_fact,
    class_row_fact,
    concepts,
    evidence_of,
    find_rows,
    pick_column,
    prior_columns,
    row_key,
    resolve,
    resolve_all,
    same_value_rows,
    year_row,
)

@lru_cache(maxsize=1)
def _chain_rx() -> list[regex.Pattern]:
    return [regex.compile(p) for p in patterns.load("claims")["classification_chains"]]


@lru_cache(maxsize=1)
def _explanation_rx() -> regex.Pattern:
    return regex.compile("|".join(map(regex.escape, patterns.load("claims")["explanation_markers"])))


def g_years_stripped(text: str) -> str:
    """A clause without its years, spaces and list numbers: what is left names the figure."""
    text = regex.sub(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)", "", text)
    return _grammar()["years"].sub("", text).strip(" “”\"")


def _own_name_spans(doc: Document, norm: str) -> list[tuple[int, int]]:
    """Where the text names the body itself ("某省档案馆", "北京市司法局"): a budget line of the same
    name (2012604 档案馆, 20406 司法) is not what such a sentence speaks of."""
    spans = [(m.start(), m.end()) for m in _grammar()["own_name"].finditer(norm)]
    org = (doc.meta.organization or "").strip()
    if len(org) >= 3:
        spans += [(m.start(), m.end()) for m in regex.finditer(regex.escape(org), norm)]
    return spans


def _scope_of(words: str) -> str | None:
    """The scope a claim names before its concept ("一般公共预算财政拨款基本支出" → fiscal)."""
    for scope in _grammar()["scopes"]:
        if scope["rx"].search(words):
            return scope["id"]
    return None


def _sentence_scope(claim: Claim) -> str | None:
    """The scope a sentence names before its first figure ("2022年度政府性基金预算财政拨款年初结转和结余
    58,830.98万元，…年末结转和结余0万元"): its later figures may speak of that scope only."""
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    first = regex.search(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:万元|亿元|元|%)", norm)
    return _scope_of(norm[: first.start()]) if first else None


def _candidates(doc: Document, norm: str, names: set[str]) -> list[tuple[int, int, str, str]]:
    cands: list[tuple[int, int, str, str]] = []  # (start, end, kind, key)
    for c in concepts():
        for rx in c.wordings:
            for m in rx.finditer(norm):
                cands.append((m.start(), m.end(), "concept", c.id))
    own = _own_name_spans(doc, norm) if names else []
    follow = _grammar()["row_name_follow"]
    for name in names:
        if _grammar()["own_name"].search(name):
            continue  # a row named after a unit ("无锡市信访局") is a body, not a budget line
        for m in regex.finditer(regex.escape(name), norm):
            nxt = norm[m.end(): m.end() + 1]
            if nxt and regex.match(r"\p{Han}", nxt) and not follow.match(nxt):
                continue
            if not any(a <= m.start() and m.end() <= b for a, b in own):
                cands.append((m.start(), m.end(), "row", name))
    return cands


def _closest(cands: list[tuple[int, int, str, str]]) -> tuple[int, int, str, str]:
    # the wording that ends closest to the figure; among wordings overlapping it, the longest
    # (财政拨款收入 over 收入预算 in "财政拨款收入预算总计"), then the earliest (基本支出 over 支出预算)
    last = max(cands, key=lambda c: (c[1], c[1] - c[0]))
    group = [c for c in cands if c[0] < last[1] and last[0] < c[1]]
    return max(group, key=lambda c: (c[1] - c[0], -c[0]))


def _chain_label(text: str) -> tuple[str, str] | None:
    """A classification path that is the whole text ("2.教育支出（类）普通教育（款）学前教育（项）")."""
    core = regex.sub(r"^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)?\s*", "", text)
    core = core.strip().rstrip("。.：:；;")
    for rx in _chain_rx():
        m = rx.match(core)
        if m and m.end() == len(core):
            groups = m.groupdict()
            return "chain", "/".join(groups[g] for g in ("lei", "kuan", "xiang") if groups.get(g))
    return None


def _paragraph_label(doc: Document, claim: Claim) -> tuple[str, str] | None:
    """"1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为 54.53万元，
    支出决算为54.53万元": a paragraph that opens with a classification path speaks of it."""
    para = doc.paragraphs[claim.sentence.paragraph]
    first = para.sentences[0] if para.sentences else None
    if first is None or first is claim.sentence:
        return None
    return _chain_label(normalize(first.text)[0])


def _heading_subject(doc: Document, claim: Claim, names: set[str], clause: str) -> tuple[str, str] | None:
    """The subject a section heading names ("（一）收入预算：2021年年初预算数802.57万元", "2.公务接待费
    …2026年预算数14.07万元"), for a figure whose own clause names nothing but a year and 预算数."""
    g = _grammar()
    if not (g["bare_clause"].fullmatch(g["years"].sub("", clause).strip())
            or regex.match(r"\s*(较|比|与|同比|相比|占)", clause)):
        return None
    title = heading_title(doc, claim)
    if not title:
        return None
    chain = _chain_label(title)
    if chain is not None:
        claim.notes += ["strong", "heading"]
        return chain
    core = g["heading_tail"].sub("", title).strip("“”\"' ")
    cands = _candidates(doc, core, names)
    if not cands:
        return None
    pick = _closest(cands)
    if pick[1] != len(core) or (pick[0] > 0 and not _scope_of(core[: pick[0]])):
        return None  # the heading must name the subject and nothing else (a scope may precede it)
    scope = _scope_of(core[: pick[0]])
    if scope:
        claim.notes.append(f"scope:{scope}")
    claim.notes.append("strong")
    claim.notes.append("heading")
    return pick[2], pick[3]


def heading_title(doc: Document, claim: Claim) -> str | None:
    """The title of the deepest heading above the claim, when the claim is the first money figure
    under it (later figures may speak of the heading's parts); None otherwise."""
    sec = claim.sentence.section
    if not sec:
        return None
    first = _first_figures(doc).get(claim.sentence.paragraph if sec else -1)
    if first is None or first.sentence is not claim.sentence:
        return None
    return normalize(_heading_text(sec))[0]


def _heading_text(path: str) -> str:
    last = path.split("/")[-1]
    return regex.sub(r"^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、])\s*", "", last)


_FIRST_CACHE: dict[int, tuple[Document, dict[int, Claim]]] = {}


def _first_figures(doc: Document) -> dict[int, Claim]:
    """paragraph index → the first money claim of the section that paragraph belongs to, for the
    paragraphs of that section up to and including the claim's own."""
    hit = _FIRST_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    out: dict[int, Claim] = {}
    first: Claim | None = None
    section_key = None
    opened = 0
    starts = [sec.start for sec in _flat_sections(doc)]
    for pi, p in enumerate(doc.paragraphs):
        key = (p.section, _section_start(starts, p))
        if key != section_key:
            section_key, first, opened = key, None, pi
        if first is None and pi - opened <= 2:  # a heading speaks of what follows it closely
            for sent in p.sentences:
                money = [c for c in extract_sentence(sent) if c.kind == "amount" and c.unit in UNIT_SCALE]
                if money:
                    first = money[0]
                    break
        if first is not None and first.sentence.paragraph == pi:
            out[pi] = first
    _FIRST_CACHE.clear()
    _FIRST_CACHE[id(doc)] = (doc, out)
    return out


def _section_start(starts: list[int], p) -> int:
    """Paragraphs under a repeated heading path (a 汇总 document repeats its sections per unit) are
    told apart by the offset of the heading they follow."""
    i = bisect.bisect_right(starts, p.start)
    return starts[i - 1] if i else -1


def _flat_sections(doc: Document) -> list:
    out = []
    stack = list(reversed(doc.sections))
    while stack:
        s = stack.pop()
        out.append(s)
        stack.extend(reversed(s.children))
    return sorted(out, key=lambda s: s.start)


def _subject(doc: Document, claim: Claim, names: set[str]) -> tuple[str, str] | None:
    """(kind, id-or-name) of the subject ending closest before the figure: a concept or a row name,
    else the subject a section heading names."""
    s = claim.sentence
    upto = claim.start - s.start
    norm, _ = normalize(s.text[:upto])
    if claim.kind == "share" and "占" in norm:
        norm = norm[: norm.rfind("占") + 1]  # what follows 占 names the whole, not the part
    clause_start = max(norm.rfind(ch) for ch in "，,；;：:。") + 1
    chains = [
        m for rx in _chain_rx() for m in rx.finditer(norm)
        if m.end() > clause_start or m.start() == 0 or not norm[m.end():].strip(" “”\"")
    ]
    if chains:
        # "一般公共服务支出（类）组织事务（款）一般行政管理事务（项）": the leaf under its parents
        m = max(chains, key=lambda m: (m.end(), m.end() - m.start()))
        claim.notes.append("strong")
        groups = m.groupdict()
        return "chain", "/".join(groups[g] for g in ("lei", "kuan", "xiang") if groups.get(g))
    cands = _candidates(doc, norm, names)
    own_clause = [c for c in cands if c[1] - c[0] >= 3 and c[1] > clause_start]
    if not own_clause:
        label = _paragraph_label(doc, claim)
        if label is not None:
            claim.notes.append("strong")
            return label
    heading = None if own_clause else _heading_subject(doc, claim, names, norm[clause_start:])
    if heading is not None:
        # the heading's subject, unless an earlier clause of the sentence names another one
        named = [c for c in cands if c[1] - c[0] >= 3]
        if not named or (_closest(named)[2], _closest(named)[3]) == heading:
            return heading
        claim.notes[:] = [n for n in claim.notes if n not in ("strong", "heading") and not n.startswith("scope:")]
    if not cands:
        return None
    pick = _closest(cands)
    best = (pick[1], pick[1] - pick[0], pick[2], pick[3])
    scope = _scope_of(norm[clause_start:pick[0]]) if pick[0] >= clause_start else None
    if scope:
        claim.notes.append(f"scope:{scope}")
    else:
        opening = _sentence_scope(claim)
        if opening:
            claim.notes.append(f"opening_scope:{opening}")
    # strong: named inside the figure's own clause by a specific wording; weak: inherited from an
    # earlier clause or a bare 收入/支出. A weak subject never produces a fail, only 存疑.
    strong = best[0] > clause_start and best[1] >= 3
    if not strong and claim.kind in ("change", "change_pct", "share") and best[1] >= 3:
        # "X 3.00万元，较上年减少1.00万元" and "X 105.58万元，占34.30%": a clause that opens with the
        # comparison or the share speaks of the subject of the clause just before it
        prev_start = max(norm.rfind(ch, 0, max(clause_start - 1, 0)) for ch in "，,；;：:。") + 1
        opens = regex.match(r"\s*(较|比|与|同比|相比|和|占)", norm[clause_start:])
        strong = bool(opens) and best[0] > prev_start
    if _explanation_rx().search(norm):
        strong = False  # a part of an explained change, not a table value
    claim.notes.append("strong" if strong else "weak")
    own = g_years_stripped(norm[clause_start:])
    if not strong and own and not _grammar()["bare_clause"].fullmatch(own) and not regex.match(r"(较|比|与|同比|相比|和|占)", own):
        claim.notes.append("unnamed")  # the clause names something we do not know: not the earlier subject
    if best[1] < 3:
        claim.notes.append("bare")  # a bare 收入/支出: a guess, not a candidate to name
    return best[2], best[3]


@lru_cache(maxsize=1)
def _grammar() -> dict:
    data = patterns.load("claims")
    subj = data["subjects"]
    return {
        "own_name": regex.compile(subj["own_name"]),
        "row_name_follow": regex.compile(subj["row_name_follow"]),
        "bare_clause": regex.compile(subj["bare_clause"]),
        "years": regex.compile(subj["years"]),
        "heading_tail": regex.compile(subj["heading_tail"]),
        "scopes": [{"id": k, "rx": regex.compile(v["words"]), "name": v["name"], "tables": set(v["tables"])}
                   for k, v in subj["scopes"].items()],
    }


def scope_name(scope: str) -> str:
    return next(s["name"] for s in _grammar()["scopes"] if s["id"] == scope)


def table_scope(kind: str) -> str | None:
    return next((s["id"] for s in _grammar()["scopes"] if kind in s["tables"]), None)


_ev = evidence_of


def _claim_scope(claim: Claim | None) -> str | None:
    if claim is None:
        return None
    return next((n[6:] for n in claim.notes if n.startswith("scope:")), None)


def _fact_for(doc: Document, subj: tuple[str, str], claim: Claim | None = None) -> tuple[Fact | None, str]:
    """The table value a subject points at. A concept printed in several places (基本支出 of all
    funds in 支出决算表, of 财政拨款 in 一般公共预算支出表) is taken where the claimed figure agrees,
    else at its first place. When the claim names its scope ("财政拨款基本支出"), only that scope's
    places are candidates; another scope's value is used only when the named scope has none, and
    then marked (claim note "other_scope"), so that it can never make the claim pass."""
    kind, key = subj
    if kind == "row":
        return class_row_fact(doc, key), key
    if kind == "chain":
        return chain_fact(doc, key.split("/")), key.split("/")[-1]
    c = next(c for c in concepts() if c.id == key)
    facts = resolve_all(doc, c.facts)
    scope = _claim_scope(claim)
    if scope and facts:
        same = [f for f in facts if table_scope(f.table.kind) == scope]
        facts = same or facts
    pick = facts[0] if facts else None
    if claim is not None and claim.kind == "amount" and claim.amount is not None and len(facts) > 1:
        unit = claim.unit or "元"
        for f in facts:
            v, h = f.in_unit(unit)
            if abs(v - claim.amount.value) <= claim.amount.half_unit + h:
                pick = f
                break
    if pick is not None and claim is not None and table_scope(pick.table.kind):
        claim.notes.append(f"fact_scope:{table_scope(pick.table.kind)}")
    if scope and pick is not None and table_scope(pick.table.kind) not in (None, scope):
        claim.notes.append(f"other_scope:{table_scope(pick.table.kind)}")
    return pick, c.name


def _other_scope_agrees(doc: Document, subj: tuple[str, str], claim: Claim, fact: Fact) -> Fact | None:
    """A place of another scope whose value equals the claimed figure: named in a fail's message."""
    if subj[0] != "concept" or claim.amount is None:
        return None
    c = next(c for c in concepts() if c.id == subj[1])
    unit = claim.unit or "元"
    for f in resolve_all(doc, c.facts):
        if table_scope(f.table.kind) == table_scope(fact.table.kind):
            continue
        v, h = f.in_unit(unit)
        if abs(v - claim.amount.value) <= claim.amount.half_unit + h:
            return f
    return None


def check_amount(doc: Document, claim: Claim, subj: tuple[str, str]) -> Result:
    fact, label = _fact_for(doc, subj, claim)
    unit = claim.unit or "元"
    a = claim.amount
    if fact is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对 {a.text}{unit}。")
    if speaks_of_prior_year(doc, claim):
        # "（2016 年度部门支出预算安排为8,648.07万元）": last year's figure, checked against last year's column
        prior = _prior_fact(doc, subj, fact)
        if prior is None:
            return claim_result(claim, "unverified", f"这是上年的{quoted(label)}，公开表格未列示上年数，无法核对 {a.text}{unit}。")
        fact, label = prior, f"{label}（上年）"
    exp, etol = fact.in_unit(unit)
    verdict = compare_figures(a.value, a.half_unit, exp, etol, a.decimals)
    tol = a.half_unit + etol
    shown = f"{fmt(exp, max(a.decimals, 2))}{unit}"
    where = f"{fact.table.title}「{fact.row.label}」{fact.column.key} {current_txt(fact)}"
    evidence = [_ev(fact)]
    if fact.confirm_only:
        claim.notes.append("stand_in")
    if verdict == "pass":
        msg = f"{quoted(label)}{a.text}{unit}与{where}相符（折合{shown}）。"
    elif verdict == "warn":
        msg = f"{quoted(label)}{a.text}{unit}与{where}（折合{shown}）相差一个末位单位，请核实四舍五入。"
    else:
        msg = f"{quoted(label)}应为{shown}（{where}），叙述写为{a.text}{unit}。"
        other = _other_scope_agrees(doc, subj, claim, fact) if _claim_scope(claim) else None
        if other is not None:
            msg += (f"另一口径的{other.table.title}「{other.row.label}」{other.column.key} {current_txt(other)}"
                    f"与叙述相同，但叙述所指为{scope_name(_claim_scope(claim))}口径。")
            evidence.append(_ev(other))
        others = same_value_rows(doc, a.value, unit, a.half_unit, fact)
        # 类 rows first (the seed's 688.27 is 公共安全支出), then 款/项 rows of the same value
        others = sorted(others, key=lambda o: len(o.row.code or ""))
        if others and other is None:
            names = "、".join(f"“{o.row.name}”" for o in others[:3])
            msg += f"叙述中的数值等于{names}的数值，可能写错了科目。"
            evidence += [_ev(o) for o in others[:3]]
    return claim_result(
        claim, verdict, msg,
        expected=Figure(dec(exp.quantize(Decimal(1).scaleb(-max(a.decimals, 2)))), unit),
        tolerance=f"±{dec(tol)}{unit}", evidence=evidence,
    )


def _yearless(label: str) -> str:
    return regex.sub(r"20\d\d年度?", "", label)


def _prior_fact(doc: Document, subj: tuple[str, str], current: Fact) -> Fact | None:
    """Last year's value of the subject: a prior-year column of the same table, the concept's
    prior-year facts, or else last year's own disclosure (`audit FILE --previous LAST`)."""
    found = _prior_in_document(doc, subj, current)
    if found is None and doc.previous is not None:
        found = _from_previous(doc.previous, subj)
    return found


def _from_previous(prev: Document, subj: tuple[str, str]) -> Fact | None:
    """The subject's current value in last year's disclosure, labelled as coming from it."""
    fact, _ = _fact_for(prev, subj)
    if fact is None:
        return None
    name = f"{prev.meta.year or '上年'}年公开文件·{fact.table.title}"
    return dataclasses.replace(fact, table=dataclasses.replace(fact.table, title=name))


def _prior_in_document(doc: Document, subj: tuple[str, str], current: Fact) -> Fact | None:
    year = doc.meta.year
    if year is not None and year_row(current.table.rows, year) is current.row:
        # a table with a row per year: last year's row, same column
        last = year_row(current.table.rows, year - 1)
        cell = last.cells.get(current.column.key) if last is not None else None
        if cell is not None:
            return Fact(table=current.table, row=last, column=current.column, amount=cell.amount, doc_unit=current.doc_unit)
    # the same row in a prior-year column of the same table first
    cols = prior_columns(current.table, doc.meta.year)
    if cols:
        leaf = _yearless(current.column.path[-1]) if current.column.path else ""
        same = [c for c in cols if c.path and _yearless(c.path[-1]) == leaf]  # 2020年预算数 ~ 2021年预算数
        if not same and leaf in ("合计", "小计", "预算数", "决算数", "金额"):
            same = [c for c in cols if len(c.path) == 1]  # a single prior-year total column
        if same:
            cell = current.row.cells.get(same[0].key)
            if cell is not None:
                return Fact(table=current.table, row=current.row, column=same[0], amount=cell.amount, doc_unit=current.doc_unit)
        return None  # the table has prior-year figures, but not for this column
    if subj[0] == "concept":
        c = next(c for c in concepts() if c.id == subj[1])
        if c.prior:
            return resolve(doc, c.prior, prior=True)
    return None


def check_change(doc: Document, claim: Claim, subj: tuple[str, str]) -> Result:
    fact, label = _fact_for(doc, subj)
    a = claim.amount
    unit = claim.unit or "万元"
    word = DIRECTION.get(claim.direction or "", "")
    if fact is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对其变动。")
    prior = _prior_fact(doc, subj, fact)
    if prior is None:
        return claim_result(
            claim, "unverified",
            f"表格中没有{quoted(label)}的上年数，无法核对{word}{a.text if claim.unit else ''}{claim.unit or ''}。",
            evidence=[_ev(fact)],
        )
    pct = claim.kind == "change_pct"
    cu, ct = fact.in_unit("元")
    pu, pt = prior.in_unit("元")
    diff = cu - pu
    evidence = [_ev(fact), _ev(prior)]
    if pct:
        if pu == 0:
            return claim_result(claim, "unverified", "上年数为零，无法计算增减幅度。", evidence=evidence)
        if prior.confirm_only:
            claim.notes.append("stand_in")  # only a pass is worth anything; see below
        lo, hi = change_rate_interval(cu, ct, pu, pt)
        exp = diff / pu * 100
        claimed = a.value if claim.direction != "decrease" else -a.value
        h = a.half_unit
        ok = claimed + h >= lo and claimed - h <= hi
        verdict = "pass" if ok else ("warn" if abs(claimed - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
        msg = (
            f"{quoted(label)}{word}{a.text}%：按表计算为{dec(exp.quantize(Decimal('0.01')))}%"
            f"（本年{current_txt(fact)}，上年{current_txt(prior)}）。"
        )
        return claim_result(
            claim, verdict, msg + ("" if ok else "叙述与表格不符。"),
            expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
            tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
            evidence=evidence,
        )
    scale = UNIT_SCALE.get(unit, Decimal(1))
    exp = diff / scale
    tol = a.half_unit + (ct + pt) / scale
    if claim.direction == "flat":
        # "持平" prints no figure: only the tables' own rounding may excuse a difference
        tol = (ct + pt) / scale
        verdict = "pass" if abs(exp) <= tol else "fail"
        msg = f"{quoted(label)}与上年持平：本年{current_txt(fact)}，上年{current_txt(prior)}。"
        if verdict == "fail":
            msg = f"{quoted(label)}并非持平：本年{current_txt(fact)}，上年{current_txt(prior)}，相差{fmt(exp)}{unit}。"
        return claim_result(claim, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), unit),
                       tolerance=f"±{dec(tol)}{unit}", evidence=evidence)
    signed = a.value if claim.direction == "increase" else -a.value
    verdict = compare_figures(signed, a.half_unit, exp, (ct + pt) / scale, a.decimals)
    if prior.confirm_only and verdict != "pass":
        claim.notes.append("stand_in")
    if verdict != "pass" and abs(a.value - abs(exp)) <= tol and (exp > 0) != (signed > 0):
        msg = f"{quoted(label)}方向写反：按表计算为{'增加' if exp > 0 else '减少'}{fmt(abs(exp))}{unit}，叙述为{word}。"
        verdict = "fail"
    elif verdict == "pass":
        msg = f"{quoted(label)}{word}{a.text}{unit}与表格相符：本年{current_txt(fact)}，上年{current_txt(prior)}。"
    else:
        msg = (
            f"{quoted(label)}{word}应为{fmt(abs(exp))}{unit}（本年{current_txt(fact)}，上年{current_txt(prior)}），"
            f"叙述写为{a.text}{unit}。"
        )
    return claim_result(claim, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), unit),
                   tolerance=f"±{dec(tol)}{unit}", evidence=evidence)


def current_txt(f: Fact) -> str:
    return f"{f.shown}{f.unit}" if f.amount else f.shown


def _denominator(doc: Document, fact: Fact) -> Fact | None:
    if fact.row.code:
        total = find_rows(fact.table, ["@total"], fact.row.side)
        if total is not None:
            cell = total.cells.get(fact.column.key)
            if cell is not None and cell.amount is not None:
                return Fact(table=fact.table, row=total, column=fact.column, amount=cell.amount, doc_unit=fact.doc_unit)
    leaf = fact.column.path[-1] if fact.column.path else ""
    if leaf not in ("合计", "小计"):
        siblings = [c for c in fact.table.columns if c.side == fact.column.side and c.path[:-1] == fact.column.path[:-1]]
        col = pick_column(siblings, "合计|小计")
        if col is not None and col is not fact.column:
            cell = fact.row.cells.get(col.key)
            if cell is not None and cell.amount is not None:
                return Fact(table=fact.table, row=fact.row, column=col, amount=cell.amount, doc_unit=fact.doc_unit)
    return None


_SIDE_TOTALS = ("本年收入合计", "本年支出合计", "收入合计", "支出合计", "收入总计", "支出总计", "合计", "总计")


def _denominators(doc: Document, fact: Fact | None, claim: Claim) -> list[Fact]:
    """Candidate wholes of a share, in order: what the words after 占 name ("占“三公”经费的",
    "占本年支出合计的"), the total of the part's own column or row, and for a row of a two-sided
    summary table its side's totals (本年收入合计, 收入总计)."""
    out: list[Fact] = []
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    if "占" in norm:
        named = norm[norm.rfind("占") + 1:]
        cands = _candidates(doc, named, class_names(doc))
        if cands:
            pick = _closest(cands)
            whole, _ = _fact_for(doc, (pick[2], pick[3]))
            if whole is not None and whole.amount is not None:
                out.append(whole)
    if fact is None:
        return out
    den = _denominator(doc, fact)
    if den is not None:
        out.append(den)
    if not fact.row.code and fact.row.index >= 0:
        rows = [r for r in fact.table.rows if r.side == fact.row.side]
        for name in _SIDE_TOTALS:
            r = next((r for r in rows if row_key(r.name) == name and r is not fact.row), None)
            cell = r.cells.get(fact.column.key) if r is not None else None
            if cell is not None and cell.amount is not None:
                out.append(Fact(table=fact.table, row=r, column=fact.column, amount=cell.amount, doc_unit=fact.doc_unit))
    return out


def check_share(doc: Document, claim: Claim, subj: tuple[str, str], claims: list[Claim] | None = None,
                i: int | None = None) -> Result:
    fact, label = _fact_for(doc, subj)
    a = claim.amount
    h = a.half_unit
    pair = narrative_share(claims, i) if claims is not None and i is not None else None
    if pair is not None:
        part, total = pair
        n = part.amount.value * UNIT_SCALE[part.unit]
        d = total.amount.value * UNIT_SCALE[total.unit]
        if d:
            lo, hi = percent_interval(n, part.amount.half_unit * UNIT_SCALE[part.unit],
                                     d, total.amount.half_unit * UNIT_SCALE[total.unit])
            if a.value + h >= lo and a.value - h <= hi:
                exp = n / d * 100
                return claim_result(
                    claim, "pass",
                    f"{quoted(label)}占比{a.text}%：按叙述中的数字计算 {part.amount.text}{part.unit} ÷ "
                    f"{total.amount.text}{total.unit} = {dec(exp.quantize(Decimal('0.01')))}%。",
                    expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
                    tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
                )
    stated = _stated_part(claims, i) if claims is not None and i is not None else None
    if fact is None and stated is None:
        return claim_result(claim, "unverified", f"表格中找不到{quoted(label)}的数值，无法核对占比。")
    if stated is not None:
        # "X 0万元，占0%": the share of the figure the sentence states (N101 checks that figure)
        n, nt = stated.amount.value * UNIT_SCALE[stated.unit], stated.amount.half_unit * UNIT_SCALE[stated.unit]
        shown_n = f"{stated.amount.text}{stated.unit}（叙述）"
    else:
        n, nt = fact.in_unit("元")
        shown_n = current_txt(fact)
    own = _denominator(doc, fact) if fact is not None else None
    dens = [d for d in _denominators(doc, fact, claim) if d.value != 0
            and not (stated is None and fact is not None and d.row is fact.row and d.column is fact.column)]
    if not dens:
        return claim_result(claim, "unverified", f"找不到{quoted(label)}占比的分母，无法核对。",
                            evidence=[_ev(fact)] if fact else [])
    den = dens[0]
    for d in dens:  # the whole the sentence names, else the totals the part's table prints
        dv, dh = d.in_unit("元")
        lo, hi = percent_interval(n, nt, dv, dh)
        if a.value + h >= lo and a.value - h <= hi:
            den = d
            break
    d, dt = den.in_unit("元")
    lo, hi = percent_interval(n, nt, d, dt)
    exp = n / d * 100
    ok = a.value + h >= lo and a.value - h <= hi
    verdict = "pass" if ok else ("warn" if abs(a.value - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
    if verdict == "fail" and not (own is not None and den.row is own.row and den.column is own.column):
        claim.notes.append("stand_in")  # a whole we inferred: it may confirm the share, not refute it
    msg = (
        f"{quoted(label)}占比{a.text}%：按表计算 {shown_n} ÷ {current_txt(den)}"
        f"（{den.row.label}·{den.column.key}）= {dec(exp.quantize(Decimal('0.01')))}%。"
    )
    return claim_result(
        claim, verdict, msg if ok else msg + "叙述与表格不符。",
        expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
        tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
        evidence=([_ev(fact)] if fact else []) + [_ev(den)],
    )


def _stated_part(claims: list[Claim], i: int) -> Claim | None:
    """The money figure a share follows in its sentence ("X 0万元，占0%")."""
    share = claims[i]
    before = [c for c in claims[:i] if c.sentence is share.sentence and c.kind == "amount" and c.amount is not None
              and c.unit in UNIT_SCALE]
    if not before:
        return None
    between = share.sentence.text[before[-1].end - share.sentence.start: share.start - share.sentence.start]
    at = between.find("占")
    return before[-1] if 0 <= at <= 4 else None


_BUDGET_FIGURE = regex.compile(r"(?:年初|全年|调整后?)?预算(?:数)?(?:为|是)?\s*$")


def _policy(claim: Claim, res: Result) -> Result:
    """Applies the verdict policy (verdict.decide) to a claim checked against the tables. Results
    computed from the narrative's own figures (internal) do not depend on the subject."""
    if (res.verdict in ("fail", "warn") and ("bare" in claim.notes or "unnamed" in claim.notes)
            and "internal" not in claim.notes and not claim.typo):
        # a bare 收入/支出 far from the figure is no candidate: nothing to name
        res.verdict, res.severity = "unverified", "info"
        res.message = "未能识别这个数字说的是哪一项，无法核对。"
        return res
    if res.verdict != "unverified" and "internal" not in claim.notes:
        other = next((n.split(":")[1] for n in claim.notes if n.startswith("other_scope:")), None)
        opening = next((n.split(":")[1] for n in claim.notes if n.startswith("opening_scope:")), None)
        compared = next((n.split(":")[1] for n in claim.notes if n.startswith("fact_scope:")), None)
        if opening and compared and res.verdict == "fail" and not other and opening != compared:
            other = opening  # the sentence speaks of one scope, the table compared is of another
        verdict, prefix = decide(
            res.verdict,
            strong="weak" not in claim.notes or bool(claim.typo),
            scope=scope_name(other) if other else None,
            stand_in="stand_in" in claim.notes,
            doubtful=None,  # issue 16: the candidate table's reading status goes here
        )
        if verdict != res.verdict:
            res.verdict, res.severity = verdict, SEVERITY[verdict]
            res.message = prefix + res.message
    if claim.typo and res.verdict in ("pass", "unverified"):
        # the figure may be right, the word is not: "较少" printed for "减少"
        right = DIRECTION.get(claim.direction or "", "")
        res.verdict, res.severity = "warn", "warning"
        res.message = f"用词有误：原文“{claim.typo}”应为“{right}”。" + res.message
    return res


def check_claims(doc: Document) -> tuple[list[Result], list[Claim]]:
    names = class_names(doc)
    results: list[Result] = []
    claims = extract(doc)
    final_accounts = doc.meta.stage == "决算"
    for i, claim in enumerate(claims):
        if claim.kind == "count":
            continue  # counts are checked against the narrative itself (N106) below
        before = claim.sentence.text[: claim.start - claim.sentence.start]
        if final_accounts and claim.kind == "amount" and _BUDGET_FIGURE.search(before):
            results.append(claim_result(claim, "unverified", "决算说明中的预算数，公开表格未列示，无法核对。"))
            continue
        subj = _subject(doc, claim, names)
        if claim.kind == "completion":
            fact = _fact_for(doc, subj)[0] if subj else None
            results.append(check_completion(doc, claims, i, fact))
            continue
        if subj is None:
            stated = None
            if claim.kind in ("change", "change_pct"):
                stated = stated_change(doc, claims, i) or (
                    narrative_pct(doc, claims, i) if claim.kind == "change_pct" else change_from_rate(doc, claims, i))
            if stated is not None:
                claim.notes.append("internal")
            results.append(_policy(claim, stated or claim_result(claim, "unverified", "未能识别这个数字说的是哪一项，无法核对。")))
            continue
        if claim.kind == "amount":
            res = check_amount(doc, claim, subj)
        elif claim.kind in ("change", "change_pct"):
            res = check_change(doc, claim, subj)
        elif claim.kind == "share":
            res = check_share(doc, claim, subj, claims, i)
        else:
            res = claim_result(claim, "unverified", "未能核对。")
        if claim.kind in ("change", "change_pct") and (res.verdict == "unverified" or
                                                      (res.verdict != "pass" and "stand_in" in claim.notes)):
            own = stated_change(doc, claims, i) or (narrative_pct(doc, claims, i) if claim.kind == "change_pct"
                                                    else change_from_rate(doc, claims, i))
            if own is not None:
                res = own
                claim.notes.append("internal")
        res = _policy(claim, res)
        results.append(res)
    results += check_components(doc, claims) + check_count_lists(doc) + check_comparisons(doc, claims)
    covered = _covered_by_identities(claims, results)
    results = [r for r in results
               if not (r.rule == "N101" and r.verdict == "unverified" and r.span in covered)]
    return results, claims


def _covered_by_identities(claims: list[Claim], results: list[Result]) -> set[tuple[int, int]]:
    """Spans of amounts that a narrative identity with a verdict has checked: the total and the parts
    of an N107 sum, the 预算数 and 决算数 of an N105 completion rate. Such an amount is reported once,
    inside that identity's result (its evidence names it), not again as an unchecked N101."""
    covered: set[tuple[int, int]] = set()
    by_start = {c.start: c for c in claims}
    for r in results:
        if r.verdict == "unverified" or r.span is None:
            continue
        if r.rule == "N107":
            total = by_start.get(r.span[0])
            if total is None:
                continue
            covered |= {(c.start, c.end) for c in claims
                        if r.span[0] <= c.start and c.end <= r.span[1] and c.kind == total.kind}
        elif r.rule == "N105" and any(e.table == "叙述" for e in r.evidence):
            i = next((k for k, c in enumerate(claims) if c.start == r.span[0]), None)
            if i is not None:
                budget, final = completion_pair(claims, i)
                covered |= {(c.start, c.end) for c in (budget, final) if c is not None}
    return covered
