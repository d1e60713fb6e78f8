"""Pulls numeric claims out of narrative sentences with a small grammar of our own.

Numbers never go through a tokenizer. Text is NFKC-normalised character by character so every
span still points into the original sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from .. import patterns
from ..model import Document, Sentence
from ..numbers import Amount, nfkc_char, parse_amount

_FIGURE = regex.compile(
    r"(?<![\d.,])(?P<num>[-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)\s*"
    r"(?P<unit>亿元|万元|千元|元|%|万(?=[^\p{Han}\d]|$))"  # "0.39 万（含…）": 万 alone before punctuation
)
_DIGITS = regex.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")


@dataclass
class Claim:
    kind: str  # amount | change | change_pct | share | completion | count
    sentence: Sentence
    start: int  # offsets into Document.text
    end: int
    amount: Amount | None  # the printed figure (None for 持平 without a figure)
    unit: str | None  # 万元 / 元 / % …
    direction: str | None = None  # increase | decrease | flat
    typo: str | None = None
    subject: str | None = None  # the words that name what the figure is about
    subject_start: int | None = None
    comparison: str | None = None  # "较2020年" …
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.sentence.text


def normalize(text: str) -> tuple[str, list[int]]:
    """NFKC per character, with a map from each normalised character to its source index."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        n = nfkc_char(ch) if ord(ch) > 127 else ch  # ① stays ①: a list marker, not the digit 1
        if ch in "（）":
            n = ch  # keep Chinese brackets: wordings are written with them
        out.append(n)
        index.extend([i] * len(n))
    index.append(len(text))
    return "".join(out), index


@patterns.cached
def _grammar() -> dict:
    data = patterns.load("claims")
    ch = data["changes"]
    words = lambda key: sorted(ch[key], key=len, reverse=True)  # noqa: E731
    return {
        "increase": words("increase"),
        "decrease": words("decrease"),
        "flat": words("flat"),
        "typos": ch.get("typos", {}),
        "phrases": tuple(ch.get("phrases", [])),
        "comparison": regex.compile(data["comparison"]),
        "share": regex.compile(data["share"]),
        "completion": regex.compile(data["completion"]),
        "count": regex.compile(
            r"(?<![\d.,\-—~～])(?P<num>\d+)\s*(?P<unit>"
            + "|".join(map(regex.escape, data["count_units"]))
            + r")(?![\d])"
        ),
        # quantities in other units ("房屋634,143.03平方米"): added up like counts, within their rounding
        "measure": regex.compile(
            r"(?<![\d.,\-—~～])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>"
            + "|".join(map(regex.escape, data.get("measure_units", [])))
            + r")"
        ) if data.get("measure_units") else None,
        "not_figures": [regex.compile(p) for p in data["not_figures"]],
    }


def _direction_before(text: str) -> tuple[str | None, str | None]:
    """A change word right before a figure: "增加171.12万元", "下降 5%"."""
    g = _grammar()
    tail = text.rstrip()
    if tail.endswith(g["phrases"]):
        return None, None  # "稳增长30.00万": a purpose, not a change
    for key in ("increase", "decrease"):
        for w in g[key]:
            if tail.endswith(w) or tail.endswith(w + "了"):
                return key, (g["typos"].get(w) and w)
    return None, None


def extract_sentence(sentence: Sentence) -> list[Claim]:
    g = _grammar()
    norm, index = normalize(sentence.text)
    claims: list[Claim] = []
    for m in _FIGURE.finditer(norm):
        num, unit = m.group("num"), m.group("unit")
        unit = "万元" if unit == "万" else unit
        amount = parse_amount(num.replace("−", "-"))
        if amount is None or (unit != "%" and _not_figure(norm, m.start("num"), m.end())):
            continue  # a threshold ("单价100万元以上") is not an amount the narrative states
        start = sentence.start + index[m.start()]
        end = sentence.start + index[m.end()]
        clause = regex.split(r"[，,；;：:]", norm[: m.start()])[-1]
        comparison = g["comparison"].search(clause)
        direction, typo = _direction_before(norm[max(0, m.start() - 6) : m.start()])
        if direction is None and unit != "%" and regex.search(r"(变化|变动)\s*$", norm[max(0, m.start() - 6) : m.start()]):
            if amount.value != 0:
                continue  # "变化 12 万元": a change whose direction is not said
            direction = "flat"  # "相比变化 0 万元": no change
        if unit == "%":
            pre = norm[max(0, m.start() - 30) : m.end()]
            done = [c for c in g["completion"].finditer(pre) if c.end() == len(pre)]
            if done:  # the completion wording must end at this very figure
                kind = "completion"
            elif direction:
                kind = "change_pct"
            elif regex.search(r"占[^，。；]{0,20}$", norm[max(0, m.start() - 22) : m.start()]):
                kind = "share"
            else:
                continue  # a percent we cannot tie to anything (绩效 targets and the like)
        else:
            kind = "change" if direction else "amount"
        claims.append(
            Claim(
                kind=kind,
                sentence=sentence,
                start=start,
                end=end,
                amount=amount,
                unit="%" if unit == "%" else unit,
                direction=direction,
                typo=typo,
                comparison=comparison.group(0) if comparison else None,
            )
        )
    # "与2020年持平": a change claim without a figure
    for m in regex.finditer(r"(?:较|比|与|同比)\s*(?:上年|去年|上年度|20\d\d\s*年度?)[^，。；\d]{0,6}?(?:基本)?持平", norm):
        start = sentence.start + index[m.start()]
        if any(c.start <= start < c.end for c in claims):
            continue
        claims.append(
            Claim(
                kind="change",
                sentence=sentence,
                start=start,
                end=sentence.start + index[m.end()],
                amount=Amount(Decimal(0), 0, "0"),
                unit=None,
                direction="flat",
                comparison=m.group(0),
            )
        )
    # counts: "7个内设机构", "车辆1辆"; checked only against the narrative itself (N106)
    taken = [(c.start, c.end) for c in claims]
    found = list(g["count"].finditer(norm)) + (list(g["measure"].finditer(norm)) if g["measure"] else [])
    for m in found:
        start = sentence.start + index[m.start()]
        end = sentence.start + index[m.end()]
        if any(a <= start < b for a, b in taken) or _not_figure(norm, m.start("num"), m.end("num")):
            continue
        claims.append(
            Claim(kind="count", sentence=sentence, start=start, end=end,
                  amount=parse_amount(m.group("num")), unit=m.group("unit"))
        )
    claims.sort(key=lambda c: c.start)
    return claims


def _not_figure(norm: str, start: int, end: int) -> bool:
    """Digits inside a year, a date, a list number, a document number or a code."""
    for rx in _grammar()["not_figures"]:
        for m in rx.finditer(norm):
            if m.start() <= start and end <= m.end():
                return True
    return False


def extract(doc: Document) -> list[Claim]:
    out: list[Claim] = []
    for s in doc.sentences():
        out.extend(extract_sentence(s))
    return out


def narrative_numbers(doc: Document) -> list[tuple[int, int]]:
    """Spans (document offsets) of every number in the narrative that states a quantity.

    The recall denominator: all digit runs except years, dates, list numbers, document numbers and
    classification codes (patterns/claims.yaml `not_figures`), whatever unit follows them.
    """
    out: list[tuple[int, int]] = []
    for s in doc.sentences():
        norm, index = normalize(s.text)
        for m in _DIGITS.finditer(norm):
            if _not_figure(norm, m.start(), m.end()):
                continue
            out.append((s.start + index[m.start()], s.start + index[m.end()]))
    return out


def count_numbers(doc: Document) -> int:
    return len(narrative_numbers(doc))


_CLAUSE_MARKS = "，,；;。：:（(、"


def claim_anchor(sentence: Sentence, start: int) -> str:
    """What a claim is about, in words that survive edits elsewhere: the section and the words just
    before the figure in its clause ("四、“三公”经费情况说明|公务接待费"). Not the figure itself, so a
    reviewer's decision follows the claim when a new draft corrects the figure (and is marked stale
    when the verdict changes); not the sentence's start or offsets, which any earlier edit shifts.
    Two claims with the same words in one section are told apart by their order (review keys #2)."""
    before = sentence.text[: start - sentence.start]

    def words(text: str) -> str:
        return "".join(ch for ch in normalize(text)[0] if not ch.isspace() and not ch.isdigit() and ch not in ".,")

    cut = max(before.rfind(ch) for ch in _CLAUSE_MARKS) + 1
    own = words(before[cut:])[-16:]
    if len(own) < 6 and cut > 0:  # "，较 2020 年较少 1 万元": say whose change it is
        prev = before[: cut - 1]
        pcut = max(prev.rfind(ch) for ch in _CLAUSE_MARKS) + 1
        own = words(prev[pcut:])[-12:] + "/" + own
    section = (sentence.section or "").split("/")[-1][:24]
    return f"{section}|{own}"


def bracket_opening(doc: Document, sentence: Sentence) -> tuple[Sentence, int] | None:
    """For a sentence that opens by closing a bracket ("）比上年增加33.44万元"), the earlier sentence of its
    paragraph holding the unmatched "（" and that bracket's offset in it: the words before the bracket
    ("公务用车购置及运行维护费346.67万元（…；…。）比上年增加…") name what the sentence speaks of."""
    if not sentence.text.lstrip().startswith(("）", ")")):
        return None
    para = doc.paragraphs[sentence.paragraph]
    earlier = [s for s in para.sentences if s.end <= sentence.start]
    depth = 1
    for s in reversed(earlier):
        for k in range(len(s.text) - 1, -1, -1):
            ch = s.text[k]
            if ch in "）)":
                depth += 1
            elif ch in "（(":
                depth -= 1
                if depth == 0:
                    return s, k
    return None
