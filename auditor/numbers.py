"""The number grammar: printed amounts and percents as exact Decimals with their printed precision.

Numbers never go through a tokenizer: jieba splits "1,711,157.85" and "171.12". Everything here is
written against NFKC-normalised text so full-width digits and commas read like ASCII ones.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

UNIT_SCALE: dict[str, Decimal] = {
    "元": Decimal(1),
    "万元": Decimal(10_000),
    "亿元": Decimal(100_000_000),
    "千元": Decimal(1_000),
}

# A cell or a figure: optional sign or parentheses, digits with optional thousands separators,
# optional decimals. Thousands groups must be well formed ("1,23,4.5" is not an amount).
# ASCII digits only: "\d" would take Arabic-Indic or Devanagari digits, which no disclosure prints.
_AMOUNT = regex.compile(
    r"""^(?P<open>\()?(?P<sign>[-−－+])?
        (?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)
        (?:\.(?P<frac>[0-9]+))?
        (?P<close>\))?$""",
    regex.VERBOSE,
)

_DASHES = {"-", "—", "——", "--", "－", "/", "─"}


@lru_cache(maxsize=4096)
def nfkc_char(ch: str) -> str:
    n = unicodedata.normalize("NFKC", ch)
    if n != ch and unicodedata.category(ch) != "Nd" and any(c.isdigit() for c in n):
        return ch  # ①, ⑴, ⒈, ¹, ½ are list markers and footnotes, not digits: "①100" is not 1100
    return n


def nfkc(text: str) -> str:
    """NFKC, except for characters that only look like digits after it (circled, superscript)."""
    if text.isascii():
        return text
    return "".join(nfkc_char(ch) for ch in text)


@dataclass(frozen=True)
class Amount:
    """A printed number: its exact value and how many decimals were printed.

    The printed decimals matter because a figure stands for the interval of everything that rounds
    to it: 171.12 covers 171.115 to 171.125.
    """

    value: Decimal
    decimals: int
    text: str

    @property
    def half_unit(self) -> Decimal:
        return Decimal(5).scaleb(-(self.decimals + 1))

    def __str__(self) -> str:
        return self.text


def parse_amount(text: str | None) -> Amount | None:
    """Read a table cell or a figure as an amount; None for blanks, dashes and anything else.

    A dash or an empty cell is "nothing printed", which the model keeps distinct from 0.00.
    """
    if text is None:
        return None
    t = nfkc(text).strip().replace(" ", "")
    if not t or t in _DASHES:
        return None
    m = _AMOUNT.match(t)
    if not m:
        return None
    if bool(m["open"]) != bool(m["close"]) or (m["open"] and m["sign"]):
        return None  # "(12" is torn, "(-12)" is a sign twice over: neither is a printed amount
    digits = m["int"].replace(",", "")
    frac = m["frac"] or ""
    if len(digits) > 24:
        return None
    try:
        value = Decimal(f"{digits}.{frac}" if frac else digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    negative = bool(m["open"]) or (m["sign"] in ("-", "−", "－"))
    if negative:
        value = -value
    return Amount(value=value, decimals=len(frac), text=text.strip())


def is_dash(text: str | None) -> bool:
    return text is not None and nfkc(text).strip() in _DASHES


def to_unit(value: Decimal, from_unit: str, to: str) -> Decimal:
    """Convert between 元/万元/亿元 exactly."""
    return value * UNIT_SCALE[from_unit] / UNIT_SCALE[to]


def fmt(value: Decimal, decimals: int = 2) -> str:
    """Format a Decimal with thousands separators, as tables print them."""
    q = Decimal(1).scaleb(-decimals)
    return f"{value.quantize(q):,.{decimals}f}"


def percent_interval(n: Decimal, nt: Decimal, d: Decimal, dt: Decimal) -> tuple[Decimal, Decimal]:
    """n ÷ d × 100 over the intervals n ± nt and d ± dt (printed figures stand for intervals):
    the lowest and highest value, taken at the interval ends. d − dt must be above zero."""
    ends = [(n + s1 * nt) / (d + s2 * dt) * 100 for s1 in (-1, 1) for s2 in (-1, 1)]
    return min(ends), max(ends)


def change_rate_interval(c: Decimal, ct: Decimal, p: Decimal, pt: Decimal) -> tuple[Decimal, Decimal]:
    """(c − p) ÷ p × 100 over c ± ct and p ± pt; p appears twice, so its ends move together."""
    ends = [((c + s1 * ct) - (p + s2 * pt)) / (p + s2 * pt) * 100 for s1 in (-1, 1) for s2 in (-1, 1)]
    return min(ends), max(ends)
