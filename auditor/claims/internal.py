"""Checks a narrative against itself: counts (N106) and parts that must add up to their total (N107).

No table is needed: "车辆1辆，其中一般公务用车0辆、执勤执法用车1辆" and "增加171.12万元，主要是基本支出
增加98.11万元，项目支出增加73.01万元" are wrong or right on their own. Printed money figures are
intervals, so a sum of n parts may drift from its printed total by (n+1) half-units; counts are exact.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from .. import patterns
from ..model import Document, Sentence
from ..numbers import UNIT_SCALE, fmt
from ..results import Evidence, Figure, Result, dec
from .extract import Claim, claim_anchor, normalize

_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@patterns.cached
def _grammar() -> dict:
    data = patterns.load("claims")
    comp, lists = data["components"], data["count_lists"]
    return {
        "exhaustive": regex.compile("|".join(f"(?:{p})" for p in comp["exhaustive"])),
        "partial": regex.compile("|".join(f"(?:{p})" for p in comp["partial"])),
        "gap": regex.compile(comp["gap"]),
        "partitions": [[regex.compile(w) for w in part] for part in comp.get("partitions", [])],
        "definitions": [(regex.compile(d["total"]), [regex.compile(w) for w in d["parts"]])
                        for d in comp.get("definitions", [])],
        "restated": regex.compile(comp.get("restated", "(?!)")),
        "closes": regex.compile(comp.get("closes", "(?!)")),
        "nested": regex.compile(comp.get("nested", "(?!)")),
        "list_before": regex.compile(lists["before"]),
        "list_after": regex.compile(lists["after"]),
        "separators": regex.compile(lists["separators"]),
        "joiners": regex.compile(lists["joiners"]),
        "unit_nouns": regex.compile(lists.get("unit_nouns", "(?!)")),
        "unit_name": regex.compile(lists.get("unit_name", "(?!)")),
        "continued": regex.compile(lists["continued"]),
        "open_ended": regex.compile(lists["open_ended"]),
        "not_a_list": regex.compile(lists["not_a_list"]),
    }


def narrative_evidence(sentence: Sentence, label: str, figure: str, unit: str | None) -> Evidence:
    """A narrative figure as evidence: the 'table' is the narrative, the row is what the figure names."""
    return Evidence(table="叙述", row=label, column="", value=figure, unit=unit, page=sentence.page)


def narrative_result(rule: str, sentence: Sentence, span: tuple[int, int], verdict: str, message: str,
                     claimed: Figure | None, **kw) -> Result:
    severity = {"fail": "error", "warn": "warning", "unverified": "info", "pass": "info"}[verdict]
    return Result(
        rule=rule, kind="claim", verdict=verdict, severity=severity, message=message, page=sentence.page,
        text=sentence.text, span=span, claimed=claimed,
        anchor=claim_anchor(sentence, span[0]), **kw,
    )


def _label(claim: Claim) -> str:
    """The words just before a figure: what a part is called ("一般公务用车", "基本支出增加")."""
    s = claim.sentence
    norm, _ = normalize(s.text[: claim.start - s.start])
    parts = [p.strip() for p in regex.split(r"[，,；;：:、（(）)。]|其中|主要是|主要原因是", norm)]
    tail = regex.sub(r"(为|是|共|计|约|达到?|合计)+$", "", parts[-1]).strip()
    if len(tail) < 2 and len(parts) > 1:  # "…（项）支出决算为 X万元": name it by the words before
        tail = (parts[-2] + parts[-1]).strip()
    return tail[-16:] or "（未命名）"


def _family(c: Claim) -> str | None:
    """Figures that can be added: money amounts, money changes, or counts of one unit."""
    if c.amount is None:
        return None
    if c.kind == "amount" and c.unit in UNIT_SCALE:
        return "amount"
    if c.kind == "change" and c.unit in UNIT_SCALE and c.direction in ("increase", "decrease"):
        return "change"
    if c.kind == "count":
        return f"count:{c.unit}"
    return None


def _signed(c: Claim, unit: str) -> tuple[Decimal, Decimal]:
    """(value, half-unit) in the total's unit; a decrease counts negative, a count is exact."""
    if c.kind == "count":  # a count is exact; a measure printed with decimals is an interval
        return c.amount.value, (c.amount.half_unit if c.amount.decimals else Decimal(0))
    f = UNIT_SCALE[c.unit] / UNIT_SCALE[unit]
    v = c.amount.value * f
    return (-v if c.direction == "decrease" else v), c.amount.half_unit * f


def check_components(doc: Document, claims: list[Claim]) -> list[Result]:
    """N107 (money) and N106 (counts): a total followed in its sentence by its parts."""
    g = _grammar()
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence.start, []).append(c)
    out: list[Result] = []
    for group in by_sentence.values():
        s = group[0].sentence
        norm, index = normalize(s.text)
        for i, total in enumerate(group):
            fam = _family(total)
            if fam is None:
                continue
            after_total = norm[_norm_pos(index, total.end - s.start):]
            m = g["exhaustive"].search(after_total)
            exhaustive = True
            pm = g["partial"].search(after_total)
            if pm and (m is None or pm.start() < m.start()):
                m, exhaustive = pm, False
            if m is None or not g["gap"].match(after_total[: m.start()]):
                continue
            bracketed = after_total[m.start():m.end()].strip() in ("（", "(")
            parts = _parts_after(g, total, group[i + 1:], fam, bracketed)
            if len(parts) == 1 and exhaustive and fam != "change":
                out.append(_single_part(total, parts[0], fam))  # "其中，…为34万元": a part within its whole
                continue
            if len(parts) < 2:
                continue
            labels = [_label(p) for p in parts]
            complete = _complete_partition(labels)
            defined = _defined_by(_label(total), labels)
            out.append(_verdict(total, parts, exhaustive, fam, complete, defined))
    return out


def _parts_after(g: dict, total: Claim, rest: list[Claim], fam: str, bracketed: bool) -> list[Claim]:
    """The parts of a total: figures of its family after the marker, to the end of the sentence, or of
    the bracket a bracketed list opened; a reason opening after them, or the total said again, closes
    the list; a part's own 其中 split (to its closing bracket, or to the next ；) is skipped, as N107
    checks it against that part."""
    s = total.sentence
    end_off = None
    if bracketed:
        close = regex.search(r"[）)]", s.text[total.end - s.start:])
        end_off = total.end + close.start() if close else None
    parts: list[Claim] = []
    prev_end = total.end
    nested: str | None = None  # inside a part's own split: "（" or "，" as it opened
    for c in rest:
        if end_off is not None and c.start >= end_off:
            break
        gap = s.text[prev_end - s.start: c.start - s.start]
        if parts and g["closes"].search(gap):
            break
        prev_end = c.end
        if nested is not None and (regex.search(r"[）)]", gap) if nested == "（" else regex.search(r"[；;]", gap)):
            nested = None
        if nested is None and parts and (n := g["nested"].search(gap)):
            nested = "（" if regex.search(r"[（(]\s*$", gap[: n.start()]) else "，"
        if nested is not None:
            continue
        if _family(c) == fam:
            if g["restated"].match(_own_clause(c)):
                break  # "…，合计1410.00万": the total said again closes the list
            parts.append(c)
    return parts


def _single_part(total: Claim, part: Claim, fam: str) -> Result:
    """One part after "其中" cannot exceed its total (a change can: its sign may differ)."""
    unit = total.unit if total.unit in UNIT_SCALE else (total.unit or "")
    (t, th), (v, vh) = _signed(total, unit), _signed(part, unit)
    digits = 0 if fam.startswith("count") and not part.amount.decimals else 2
    shown = f"{_label(part)}{part.amount.text}{part.unit}"
    ok = v - vh <= t + th
    msg = (f"其中一项不超过总数：{shown}，总数{total.amount.text}{total.unit}。" if ok else
           f"其中一项大于总数：{shown}，而总数为{total.amount.text}{total.unit}，相差{fmt(v - t, digits)}{unit}。")
    return narrative_result(
        "N106" if fam.startswith("count") else "N107", total.sentence, (total.start, part.end),
        "pass" if ok else "fail", msg, Figure(total.amount.text, total.unit),
        expected=Figure(f"≤{total.amount.text}", unit), tolerance=f"±{dec(th + vh)}{unit}",
        evidence=[narrative_evidence(total.sentence, _label(total), total.amount.text, total.unit),
                  narrative_evidence(part.sentence, _label(part), part.amount.text, part.unit)])


def _complete_partition(labels: list[str]) -> bool:
    """Whether the parts are, one each, all the members of a partition of their total ("基本支出" and
    "项目支出" of 支出): then they must add up to it exactly, whatever word introduces them."""
    return any(_covers(members, labels) for members in _grammar()["partitions"])


def _covers(members: list, labels: list[str]) -> bool:
    """Each label matches one member and every member is matched once."""
    if len(members) != len(labels):
        return False
    hits = [next((k for k, rx in enumerate(members) if rx.search(label)), None) for label in labels]
    return None not in hits and sorted(hits) == list(range(len(members)))


def _defined_by(total_label: str, labels: list[str]) -> bool:
    """Whether the total is, by its very name, the sum of exactly these parts ("离退休" of 离休 and 退休):
    unlike 基本/项目 (a 支出总表 may add 上缴上级支出) nothing else can belong to it."""
    return any(total_rx.search(total_label) and _covers(members, labels)
               for total_rx, members in _grammar()["definitions"])


def _own_clause(c: Claim) -> str:
    """The words between the last separator and the figure: "合计" in "…80.00万元，合计1410.00万"."""
    before = c.sentence.text[: c.start - c.sentence.start]
    return regex.split(r"[，,；;、：:。]", before)[-1]


def _norm_pos(index: list[int], raw: int) -> int:
    """The normalised offset of a raw sentence offset."""
    for i, r in enumerate(index):
        if r >= raw:
            return i
    return len(index) - 1


def _verdict(total: Claim, parts: list[Claim], exhaustive: bool, fam: str, complete: bool = False,
             defined: bool = False) -> Result:
    unit = total.unit if total.unit in UNIT_SCALE else (total.unit or "")
    count = fam.startswith("count")
    t_val, t_tol = _signed(total, unit)
    vals = [_signed(p, unit) for p in parts]
    count = count and not any(c.amount.decimals for c in [total, *parts])  # 平方米 with decimals: money-like
    s = sum((v for v, _ in vals), Decimal(0))
    tol = t_tol + sum((h for _, h in vals), Decimal(0))
    diff = s - t_val
    names = "、".join(f"{_label(p)}{p.amount.text}{p.unit}" for p in parts)
    expr = " + ".join(f"{fmt(v, 0 if count else 2)}" for v, _ in vals)
    rule = "N106" if count else "N107"
    evidence = [narrative_evidence(total.sentence, _label(total), total.amount.text, total.unit)] + [
        narrative_evidence(p.sentence, _label(p), p.amount.text, p.unit) for p in parts
    ]
    shown_total = f"{total.amount.text}{total.unit}"
    if abs(diff) <= tol:
        verdict = "pass"
        msg = f"分项之和与总数相符：{expr} = {fmt(s, 0 if count else 2)}{unit}，总数{shown_total}。"
    elif defined:
        verdict = "fail"
        msg = (f"分项之和与总数不等：{names}，合计{fmt(s, 0 if count else 2)}{unit}，而总数为{shown_total}，"
               f"相差{fmt(abs(diff), 0 if count else 2)}{unit}；“{_label(total)}”按定义即为这几项之和。")
    elif exhaustive and diff > tol:
        verdict = "fail"
        msg = (f"分项之和大于总数：{names}，合计{fmt(s, 0 if count else 2)}{unit}，"
               f"而总数为{shown_total}，相差{fmt(abs(diff), 0 if count else 2)}{unit}。")
        twice = next((p for p, (v, h) in zip(parts, vals) if v and abs(diff - v) <= tol + h), None)
        if twice is not None:
            msg += f"去掉“{_label(twice)}{twice.amount.text}{twice.unit}”后恰好相符：该项可能已含在其他分项中，被重复列示。"
    elif complete:
        # 基本支出 + 项目支出 are all of 支出 in most templates, but a 支出总表 may also carry 事业单位经营
        # 支出 or 上缴上级支出: a difference is 存疑, naming it
        verdict = "warn"
        msg = (f"分项之和与总数不等：{names}，合计{fmt(s, 0 if count else 2)}{unit}，而总数为{shown_total}，"
               f"相差{fmt(abs(diff), 0 if count else 2)}{unit}；所列分项通常构成总数的全部，请核实。")
    elif exhaustive and count:
        verdict = "warn"
        msg = (f"分项之和小于总数：{names}，合计{fmt(s, 0)}{unit}，总数为{shown_total}；"
               "请核实是否漏列了某一项。")
    else:
        verdict = "unverified"
        msg = (f"分项之和为{fmt(s, 0 if count else 2)}{unit}，与总数{shown_total}不等；"
               "所列分项可能只是主要部分，未作判断。")
    return narrative_result(
        rule, total.sentence, (total.start, parts[-1].end), verdict, msg,
        Figure(total.amount.text, total.unit),
        expected=Figure(dec(s), unit), tolerance=f"±{dec(tol)}{unit}（{len(parts)}项，(n+1)个半单位）" if not count else "0（计数无舍入）",
        evidence=evidence,
    )


_GLOSS = regex.compile(r"[（(][^（）()]*[）)]\s*$")


def _pieces(g: dict, item: str, bodies: bool) -> list[str]:
    """An item split at 和/与/及, unless it is a list of bodies and a piece before the joiner does not
    end as a body's name does: "人民参与和促进法治科" is one 科, "政治处和执法监督科" two."""
    parts = [y.strip(" “”\"") for y in _split_outside_brackets(item, g["joiners"]) if y.strip(" “”\"")]
    if bodies and len(parts) > 1 and not all(g["unit_name"].search(_GLOSS.sub("", p)) for p in parts[:-1]):
        return [item]
    return parts


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _CN_DIGITS.get(text)
    if text.startswith("十") and len(text) == 2:
        return 10 + _CN_DIGITS.get(text[1], 0)
    if len(text) == 2 and text.endswith("十"):
        return _CN_DIGITS.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return _CN_DIGITS.get(text[0], 0) * 10 + _CN_DIGITS.get(text[2], 0)
    return None


def _split_outside_brackets(text: str, separators: regex.Pattern) -> list[str]:
    """The list's items: a separator inside brackets belongs to an item's gloss ("建筑节能中心（散装水泥
    中心、新型墙体材料中心）" is one unit with its other names), not to the list."""
    depth, masked = 0, []
    for ch in text:
        depth += ch in "（(【["
        masked.append("\0" if depth > 0 and ch not in "（(【[" else ch)
        depth -= ch in "）)】]" and depth > 0
    out, at = [], 0
    for m in separators.finditer("".join(masked)):
        if m.start() == m.end():
            continue
        out.append(text[at:m.start()])
        at = m.end()
    out.append(text[at:])
    return out


def check_count_lists(doc: Document) -> list[Result]:
    """N106: "A、B、C 3个内设机构" and "共3家，包括：A、B、C" — the number against the list."""
    g = _grammar()
    out: list[Result] = []
    for s in doc.sentences():
        norm, index = normalize(s.text)
        for key in ("list_before", "list_after"):
            for m in g[key].finditer(norm):
                n = _number(m.group("n"))
                raw_list = m.group("list").strip().rstrip("。；;，,")
                if n is None or not raw_list:
                    continue
                if g["open_ended"].search(raw_list) or g["not_a_list"].search(raw_list) or regex.search(r"\d", raw_list):
                    continue  # "…等20个处室" is not a full list; figures inside mean a list of counts
                if key == "list_after" and g["continued"].search(s.text):
                    continue  # the list goes on past this sentence
                items = [x.strip(" “”\"") for x in _split_outside_brackets(raw_list, g["separators"]) if x and x.strip(" “”\"")]
                bodies = bool(g["unit_nouns"].search(m.group("noun") or ""))
                joined = [y for x in items for y in _pieces(g, x, bodies)]
                if len(items) < 2 and len(joined) < 2:
                    continue
                span = (s.start + index[m.start("n")], s.start + index[m.end("n")])
                if len(joined) == n and len(items) != n:
                    items = joined  # "A、B和C 3个": 和 joins the last item
                if len(items) == n:
                    verdict = "pass"
                elif len(joined) != len(items) and min(len(items), len(joined)) <= n <= max(len(items), len(joined)):
                    verdict = "warn"  # only a 和/与 inside a name or between items tells them apart
                else:
                    verdict = "fail"
                noun = m.group("noun") or ""
                unit = m.group("unit")
                listed = "、".join(items)
                msg = (f"叙述称{n}{unit}{noun}，所列恰为{len(items)}{unit}：{listed}。" if verdict == "pass"
                       else f"叙述称{n}{unit}{noun}，但列出的是{len(items)}{unit}：{listed}。")
                if verdict == "warn":
                    msg += "名称中的“和/与/及”可能是名称的一部分，也可能连接两项，请核实。"
                out.append(narrative_result(
                    "N106", s, span, verdict, msg, Figure(m.group("n"), unit),
                    expected=Figure(str(len(items)), unit), tolerance="0（计数无舍入）",
                    evidence=[narrative_evidence(s, it, "1", unit) for it in items],
                ))
    return out
