"""Checks of changes, rates and shares against figures the narrative states itself.

Many disclosures print both years in one sentence ("2023年执行数为60.13万元，2024年预算安排25.77万元，
比2023年减少57.14%") or this year and the change ("13649.07万元，增加844.15万元，增长6.59%"), or a
total before its parts ("本年支出合计9759.38万元，其中：基本支出5377.64万元，占55.10%"). Where no table
prints last year, these sentences can still be checked, with the same interval arithmetic.
"""

from __future__ import annotations

from decimal import Decimal

import regex

from ..model import Document
from ..verdicts.basis import Comparison
from ..numbers import UNIT_SCALE, change_rate_interval, fmt, percent_interval
from ..results import Figure, Result, dec
from .extract import Claim, bracket_opening
from .verdict import DIRECTION, compare_figures, claim_result


def narrative_share(claims: list[Claim], i: int) -> tuple[Claim, Claim] | None:
    """(part, total) printed in the narrative itself: "本年支出合计 9759.38万元，其中：基本支出 5377.64万元，
    占 55.10%" speaks of 5377.64 ÷ 9759.38, whatever the tables' scope."""
    share = claims[i]
    before = [c for c in claims[:i] if c.kind == "amount" and c.amount is not None and c.unit in UNIT_SCALE
              and c.sentence.paragraph == share.sentence.paragraph]
    if not before or share.start - before[-1].end > 12:
        return None
    part = before[-1]
    for c in reversed(before[:-1]):
        after = c.sentence.text[c.end - c.sentence.start: c.end - c.sentence.start + 10]
        if regex.match(r"\s*[，,：:。；;]?\s*(其中|主要用于|主要是|具体|包括)", after):
            return part, c
    return None


def stated_change(doc: Document, claims: list[Claim], i: int) -> Result | None:
    """"2023年当年预算执行数为60.13万元，2024年预算安排25.77万元，比2023年预算执行数减少57.14%" and
    "收入预算29956.27万元，比2025年年初预算数28479.84万元增加1476.43万元": both years are stated in the
    sentence, so the change (or rate, or 持平) follows from them alone. The figure after "比…" is the
    base, whichever comes first."""
    ch = claims[i]
    same = [c for c in claims[:i] if c.sentence is ch.sentence and c.kind == "amount" and c.amount is not None
            and c.unit in UNIT_SCALE]
    priors = [c for c in same if speaks_of_prior_year(doc, c) and (is_base(c) or bare_time_clause(c))]
    nows = [c for c in same if not speaks_of_prior_year(doc, c) and not is_base(c)]
    if not priors or not nows:
        return None
    before, now = priors[-1], nows[-1]
    if before.unit != now.unit or ch.start - max(before.end, now.end) > 24:
        return None
    if regex.search(r"原因|由于|主要是", ch.sentence.text[max(before.end, now.end) - ch.sentence.start: ch.start - ch.sentence.start]):
        return None  # a change given as a reason ("原因是…调减403.75万元") is a part, not the difference
    p, ph = before.amount.value, before.amount.half_unit
    c, chh = now.amount.value, now.amount.half_unit
    diff = c - p
    ch.notes += [f"uses:{before.start}", f"uses:{now.start}"]  # both years' figures are checked with it
    word = DIRECTION.get(ch.direction or "", "")
    told = f"按叙述中的数字：上年{before.amount.text}{before.unit}，本年{now.amount.text}{now.unit}"
    if ch.direction == "flat":
        ok = abs(diff) <= ph + chh
        return claim_result(ch, "pass" if ok else "fail",
                       f"与上年持平：{told}。" if ok else f"并非持平：{told}，相差{fmt(diff)}{now.unit}。",
                       expected=Figure(dec(diff), now.unit), tolerance=f"±{dec(ph + chh)}{now.unit}")
    a = ch.amount
    sign = 1 if ch.direction == "increase" else -1
    if ch.kind == "change":
        verdict = compare_figures(sign * a.value, a.half_unit, diff, ph + chh, a.decimals)
        msg = f"{word}{a.text}{ch.unit or ''}：{told}，相差{fmt(diff)}{now.unit}。"
        if verdict == "fail":
            msg += "叙述中的增减额与两年的数不一致。"
        return claim_result(ch, verdict, msg, expected=Figure(dec(diff), now.unit), tolerance=f"±{dec(a.half_unit + ph + chh)}{now.unit}")
    if p <= ph:
        # last year printed as 0: a rate from nothing cannot be computed, but it is at least this
        return zero_base_rate(ch, p, ph, abs(diff), ph + chh, c, f"上年为{before.amount.text}{before.unit}")
    lo, hi = change_rate_interval(c, chh, p, ph)
    exp = diff / p * 100
    claimed = sign * a.value
    ok = claimed + a.half_unit >= lo and claimed - a.half_unit <= hi
    verdict = "pass" if ok else ("warn" if abs(claimed - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
    msg = f"{word}{a.text}%：{told}，({now.amount.text} − {before.amount.text}) ÷ {before.amount.text} = {dec(exp.quantize(Decimal('0.01')))}%。"
    if verdict == "fail":
        msg += "叙述中的增减幅度与两年的数不一致。"
    elif verdict == "warn":
        msg += "相差一个末位单位：可能是截去而不是四舍五入。"
    return claim_result(ch, verdict, msg, expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
                   tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%")


def zero_base_rate(pct: Claim, base: Decimal, base_tol: Decimal, change: Decimal, change_tol: Decimal,
                   current: Decimal, told: str) -> Result | None:
    """A rate stated against a base of (about) zero. With nothing this year either, "增长0%" holds.
    Otherwise the rate is undefined or, if the base is the most rounding allows, at least
    change ÷ that base: a rate below it is a fail (issue 11). A rate above it may be a real rate
    from a tiny base ("0.01万元 → 1.00万元, 增长9900%"): not judged."""
    a = pct.amount
    if current <= 0 and change <= change_tol:
        if a.value == 0:
            return claim_result(pct, "pass", f"增减0%：{told}，本年也为零。", expected=Figure("0", "%"), tolerance="0")
        return None
    top = max(base, Decimal(0)) + base_tol
    least = (change - change_tol) / top * 100 if top > 0 else None
    if least is None or least <= 0 or a.value + a.half_unit >= least:
        return None
    msg = (f"上年数为零（{told}），增减幅度无从计算；即使按舍入允许的最大上年数 {fmt(top, 4)} 计算也至少为"
           f"{dec(least.quantize(Decimal('0.01')))}%，叙述写为{a.text}%。")
    if a.value == 100:
        # "新增项目，增长100%" is a common way of writing it: doubtful wording, not a wrong figure
        return claim_result(pct, "warn", msg + "以零为基数写作100%是常见写法，宜写为“上年为零，不可比”。",
                            tolerance=f"上年数不超过{dec(top)}")
    return claim_result(pct, "fail", msg, tolerance=f"上年数不超过{dec(top)}")


def narrative_pct(doc: Document, claims: list[Claim], i: int) -> Result | None:
    """The rate checked against the narrative's own figures (see _narrative_pct); the figures it was
    computed from are noted on the claim, so that they are reported inside its result."""
    res = _narrative_pct(doc, claims, i)
    if res is not None and res.verdict != "unverified":
        same = _context(claims, i, doc)
        claims[i].notes += [f"uses:{x.start}" for x in same[-2:]]
    return res


def _narrative_pct(doc: Document, claims: list[Claim], i: int) -> Result | None:
    """"X 13649.07万元，与上年相比增加844.15万元，增长6.59%": the rate follows from the narrative's own
    figures, last year = 13649.07 − 844.15. Only figures of one sentence are paired: the change just
    before the rate, and the amount just before the change."""
    pct = claims[i]
    same = _context(claims, i, doc)
    if len(same) < 2:
        return None
    change, current = same[-1], same[-2]
    if is_base(current) or speaks_of_prior_year(doc, current):
        return None  # "比上年 X 万元增加 D 万元": X is last year's; stated_change pairs the two years
    if (change.kind != "change" or current.kind != "amount" or change.unit != current.unit
            or change.direction != pct.direction or pct.start - change.end > 12 or current.unit not in UNIT_SCALE
            or (current.sentence is change.sentence and change.start - current.end > 40)):
        return None
    sign = 1 if pct.direction == "increase" else -1
    c, ch = current.amount.value, current.amount.half_unit
    d, dh = change.amount.value, change.amount.half_unit
    prior = c - sign * d
    if prior < -(ch + dh):
        return None  # the change exceeds this year's figure: not the pair the rate was computed from
    if prior <= ch + dh:
        # last year was (about) nothing: "1668.14万元，比年初预算数增加1668.14万元，增长0%"
        return zero_base_rate(pct, prior, ch + dh, d, dh, c,
                              f"按叙述中的数字，上年为 {current.amount.text} {'−' if sign > 0 else '+'} {change.amount.text}"
                              f" = {fmt(prior, max(current.amount.decimals, 2))}{current.unit}")
    lo, hi = percent_interval(d, dh, prior, ch + dh)
    a = pct.amount
    exp = d / prior * 100
    ok = a.value + a.half_unit >= lo and a.value - a.half_unit <= hi
    verdict = "pass" if ok else ("warn" if abs(a.value - exp) <= Decimal(1).scaleb(-a.decimals) else "fail")
    word = DIRECTION.get(pct.direction or "", "")
    msg = (f"{word}{a.text}%：按叙述中的数字计算，上年为 {current.amount.text} {'−' if sign > 0 else '+'} "
           f"{change.amount.text} = {fmt(prior, max(current.amount.decimals, 2))}{current.unit}，"
           f"{change.amount.text} ÷ {fmt(prior, max(current.amount.decimals, 2))} = {dec(exp.quantize(Decimal('0.01')))}%。")
    if verdict == "warn":
        msg += "相差一个末位单位：可能是截去而不是四舍五入。"
    elif verdict == "fail":
        msg += "叙述中的增减幅度与增减额不一致。"
    res = claim_result(
        pct, verdict, msg,
        expected=Figure(dec(exp.quantize(Decimal("0.01"))), "%"),
        tolerance=f"区间[{dec(lo.quantize(Decimal('0.0001')))}, {dec(hi.quantize(Decimal('0.0001')))}]%",
    )
    if verdict == "fail":
        # the sentence's other amounts of the same unit, for the cross-examination (auditor/verdicts)
        bases = [(f"{x.amount.text}{x.unit}", x.amount.value, x.amount.half_unit) for x in same[:-2]
                 if x.kind == "amount" and x.unit == current.unit and x.sentence is change.sentence]
        res.basis = Comparison(family="N", relation="eq", claimed=a.value, claimed_half=a.half_unit, expected=exp,
                               expected_half=Decimal(0), percent=True, change=(d, dh, sign), bases=bases)
    return res


_OPENS_WITH_COMPARISON = regex.compile(r"^\s*(?:与|较|比|同比)\s*(?:上年|去年|上一年|上年度|20\d\d\s*年度?)")


def _context(claims: list[Claim], i: int, doc: Document | None = None) -> list[Claim]:
    """The figures a rate at claims[i] may be computed from: those before it in its sentence, and
    when the sentence opens with the comparison ("与上年相比增加 223.26 万元，增长10.24%。") and states
    no amount of its own, the last figure of the sentence before it in the paragraph."""
    c = claims[i]
    same = [x for x in claims[:i] if x.sentence is c.sentence and x.amount is not None]
    if any(x.kind == "amount" for x in same):
        return same
    opened = bracket_opening(doc, c.sentence) if doc is not None else None
    if opened is not None:
        # "维护费346.67万元（…）比上年增加33.44万元，增长10.7%": the amount just before the bracket
        sent, at = opened
        before = [x for x in claims[:i] if x.sentence is sent and x.end <= sent.start + at
                  and x.kind == "amount" and x.amount is not None]
        if before and sent.start + at - before[-1].end <= 2:
            return [before[-1]] + same
        return same
    if not _OPENS_WITH_COMPARISON.match(c.sentence.text):
        return same
    earlier = [x for x in claims[:i] if x.sentence is not c.sentence and x.amount is not None
               and x.sentence.paragraph == c.sentence.paragraph and x.sentence.end <= c.sentence.start]
    if not earlier or earlier[-1].kind != "amount":
        return same
    gap = c.sentence.start - earlier[-1].end
    # "（1）一般公共服务支出（类）支出 2,259.79 万元，主要用于…。与上年相比增加 19.64 万元": a sentence with a
    # single money figure and nothing else is what the next sentence's comparison speaks of
    alone = [x for x in earlier if x.sentence is earlier[-1].sentence]
    return [earlier[-1]] + same if gap <= 12 or len(alone) == 1 else same


def change_from_rate(doc: Document, claims: list[Claim], i: int) -> Result | None:
    """"支出 1,429.11 万元，与上年相比增加 50.65 万元，增长 3.67%" with no table of last year: the change
    is bound by this year's figure and the rate (last year = 1429.11 − 50.65, and 50.65 ÷ it = 3.67%).
    When that holds, the change is confirmed by the narrative's own figures."""
    ch = claims[i]
    if i + 1 >= len(claims):
        return None
    pct = claims[i + 1]
    if pct.kind != "change_pct" or pct.sentence is not ch.sentence or pct.direction != ch.direction:
        return None
    rate = narrative_pct(doc, claims, i + 1)
    if rate is None or rate.verdict != "pass":
        return None
    word = DIRECTION.get(ch.direction or "", "")
    return claim_result(
        ch, "pass",
        f"{word}{ch.amount.text}{ch.unit}与同句的本年数和增减幅度一致：" + rate.message.split("：", 1)[-1],
        expected=Figure(ch.amount.text, ch.unit), tolerance=rate.tolerance,
    )


# "上年结转（结余）" is this year's income carried over from last year, not last year's figure
PRIOR_WORDS = regex.compile(r"(?:上年|去年|上一年|上年度)(?!结转|结余)")


_COMPARE = regex.compile(r"(较|比|与|同比|相比)")


def _clause_before(claim: Claim) -> str:
    s = claim.sentence
    before = s.text[: claim.start - s.start]
    cut = max(before.rfind(ch) for ch in "，,；;。（(")
    return before[cut + 1:]


_BARE = regex.compile(r"(?:20\d\d\s*年度?|上年度?|去年|上一年|当年|本年度?|年初|全年|调整后?|预算|决算|执行|实际|数|安排|金额|为|是|的|部门|\s)*")


def bare_time_clause(claim: Claim) -> bool:
    """"2023年当年预算执行数为", "上年预算数": a clause that names only a time and a kind of figure,
    so the figure is the same quantity as the one beside it ("上年实户资金余额" names another)."""
    return bool(_BARE.fullmatch(_clause_before(claim)))


def is_base(claim: Claim) -> bool:
    """"比 2025 年年初预算数 28479.84 万元增加…": the figure a comparison is made against, not the
    subject's own value (no change word stands between the comparison and the figure)."""
    if claim.kind != "amount":
        return False
    clause = _clause_before(claim)
    m = None
    for m in _COMPARE.finditer(clause):
        pass
    if m is None:
        return False
    rest = clause[m.end():]
    return not regex.search(r"增|减|降|升|提高|持平|一致|相同|相等|变化|变动|多|少|差", rest)


def speaks_of_prior_year(doc: Document, claim: Claim) -> bool:
    """The figure's own clause names last year (and not this year) as the time it speaks of:
    "2016 年度部门支出预算安排为8,648.07万元", or the base of a comparison with last year ("比 2025 年
    年初预算数 28479.84 万元")."""
    clause = _clause_before(claim)
    if _COMPARE.search(clause) and not is_base(claim):
        return False  # a comparison with last year, not last year's figure
    years = {int(y) for y in regex.findall(r"(20\d\d)\s*年", clause)}
    if doc.meta.year and years:
        return years == {doc.meta.year - 1}
    return bool(PRIOR_WORDS.search(clause))
