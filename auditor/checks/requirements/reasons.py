"""R104: a change in the budget comes with its reason.

143号 asks the narrative to explain 预算收支增减变化; the inspections check that an increase or a decrease
is explained, not only stated. A reviewer reads "比上年增加171.12万元" and asks "why?": when the document
does not say, it is 存疑 (missing explanations are never 不通过 on their own). The 三公 case is D108's, and
an empty reason ("主要原因是。") is proofreading's: here a reason word counts as a reason.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import regex

from ...model import Document, Sentence
from ...numbers import nfkc
from ...results import Result
from .common import config, profile_settings, sentence_result, words

_RATE = re.compile(r"(增长|下降|增加|减少|上升|降低)\s*([\d.]+)\s*[%％]")
_ZERO_CHANGE = re.compile(r"(增加|减少|增长|下降)\s*0(\.0+)?\s*(万元|元|%|％)")


_AMOUNT_THEN_CHANGE = re.compile(r"([\d,]+(?:\.\d+)?)\s*万元[^。；]{0,30}?(增加|减少|增长|下降)\s*([\d,]+(?:\.\d+)?)\s*万元")


def _rate(norm: str) -> Decimal | None:
    """The change rate the sentence (NFKC-normalised) prints, or else the one its own figures give
    ("1421.06万元，较上年增加130.06万元" is 10.07%): a line without a printed rate is still held to the threshold."""
    m = _RATE.search(norm)
    try:
        if m:
            return Decimal(m.group(2))
        m = _AMOUNT_THEN_CHANGE.search(norm)
        if not m:
            return None
        now, change = Decimal(m.group(1).replace(",", "")), Decimal(m.group(3).replace(",", ""))
        before = now - change if m.group(2) in ("增加", "增长") else now + change
        if before <= 0:
            return Decimal(100) if change else None  # from nothing last year: a new item, it owes a reason
        return change / before * 100
    except InvalidOperation:
        return None


def _needs_reason(text: str, cfg: dict, threshold: Decimal) -> bool:
    norm = nfkc(text)
    m = re.search(cfg["comparison"], norm) or re.search(cfg["final_vs_budget"], norm)
    if not m:
        return False
    if _ZERO_CHANGE.search(norm[m.start():]) and not re.search(r"(增加|减少|增长|下降)\s*[1-9]", norm[m.start():]):
        return False  # "增加0万元" is no change
    if re.search(r"^[^。；]{0,30}?[，,]\s*(?:与上年|较上年|同上年)?(?:基本|大致|大体)持平", norm[m.end():]):
        return False  # "较上年增加0.11万元，与上年基本持平": the writer calls the change negligible
    head = norm[: m.start()]
    item = regex.search(cfg.get("item_marker", "(?!)"), head)
    if not item and (re.search(cfg["key_subjects"], head) or re.search(cfg["key_subjects"], norm[m.start(): m.end()])):
        return True
    rate = _rate(norm)
    return (rate is not None and rate >= threshold) or bool(re.search(cfg["new_item"], norm))


_FIGURE = re.compile(r"(增加|减少|增长|下降|上升|降低)\s*([\d,]+\.\d+|[\d,]{2,})\s*(万元|元)")


def _explained(after: str, following: list[Sentence], cfg: dict, rx: "_Reason", explained: set[str],
               same_paragraph: int | None = None) -> bool:
    """A reason in the sentence after the comparison; or opening one of the next two sentences; or in a
    "其中：" breakdown that follows, each part with its own reason; or in a later sentence of its own that
    gives the reason of the changes before it ("财政拨款收入支出增加的主要原因是…"); or given wherever else
    the narrative states the same change (the summary states it, the section on it explains it).
    The use of the money ("主要用于…") and a generic verb alone (落实, 调整) are no reason."""
    if rx.search(after):
        return True
    own = len(following) if same_paragraph is None else same_paragraph
    for k, f in enumerate(following[:2]):
        # a "其中" breakdown in the same paragraph; one opening the next paragraph breaks down another total
        if rx.search(f.text, head=24) or (k < own and f.text.lstrip().startswith("其中") and rx.search(f.text)):
            return True
    window = following[: int(cfg.get("reason_window", 8))]
    back = re.compile(cfg["reason_back"])
    states = re.compile(cfg["comparison"])
    if any(back.search(f.text) and rx.search(f.text) and not states.search(nfkc(f.text)) for f in window):
        return True  # "财政拨款收入支出增加的主要原因是…" after the changes it explains
    opens = (following and following[0].text.lstrip().startswith("其中")) or re.search(r"其中\s*[:：]\s*$", after)
    if opens and any(rx.search(f.text) for f in window):
        return True  # a breakdown whose parts give their reasons
    return any(m.group(2) in explained for m in _FIGURE.finditer(nfkc(after)))


class _Reason:
    """A reason word that gives a reason: "主要原因是项目调整" names a generic verb, not a reason."""

    def __init__(self, cfg: dict) -> None:
        self.rx = re.compile(cfg["reason"])
        self.announce = re.compile(cfg["reason_announce"])
        self.vague = re.compile(cfg["reason_vague"])
        self.arithmetic = re.compile(cfg.get("reason_arithmetic", "(?!)"))

    def search(self, text: str, head: int | None = None) -> bool:
        for m in self.rx.finditer(text):
            if head is not None and m.start() >= head:
                break
            if self.announce.fullmatch(m.group(0)) and not self._says_something(text[m.end():]):
                continue
            return True
        return False

    def _says_something(self, rest: str) -> bool:
        """Whether an announced reason gives one: some clause of it, up to the sentence's end, is more
        than a part named as moving ("项目支出增加，运转类项目资金来源改变" gives one in its second clause),
        and the whole is more than a list of parts with their amounts."""
        rest = re.split(r"[。；;]", rest.lstrip("是为在于：: "), maxsplit=1)[0]
        if not rest.strip(" …."):
            return True  # "主要原因是。": an empty reason is P122's finding, not a second one here
        if self.arithmetic.match(rest.strip()):
            return False
        # clauses split at commas, but not at the thousands comma of a figure ("7,885.67")
        for clause in re.split(r"，|,(?!\d{3})", rest):
            pieces = [x.strip() for x in re.split(r"以及|并且|同时|、|和|及", clause) if x.strip()]
            if pieces and not all(self.vague.fullmatch(x) for x in pieces):
                return True  # "专项资金预算减少以及部分科目调整": every piece names only what moved
        return False


def _explained_changes(doc: Document, rx: _Reason) -> set[str]:
    """Change figures that some sentence states together with a reason."""
    out: set[str] = set()
    for s in doc.sentences():
        norm = nfkc(s.text)
        for m in _FIGURE.finditer(norm):
            if rx.search(norm[m.end():]):
                out.add(m.group(2))
    return out


def check_reasons(doc: Document) -> list[Result]:
    cfg = config()["reasons"]
    threshold = Decimal(str(profile_settings(doc).get("reason_threshold", cfg["reason_threshold"])))
    skip = re.compile(cfg["skip_sections"])
    out: list[Result] = []
    rx = _Reason(cfg)  # one per document: its patterns are compiled once
    explained = _explained_changes(doc, rx)
    paragraphs = doc.paragraphs
    for pi, p in enumerate(paragraphs):
        if p.section and skip.search(p.section):
            continue
        missing: list[Sentence] = []
        for si, s in enumerate(p.sentences):
            if not _needs_reason(s.text, cfg, threshold):
                continue
            following = p.sentences[si + 1:] + [x for q in paragraphs[pi + 1: pi + 4] for x in q.sentences]
            if _explained(s.text, following, cfg, rx, explained, same_paragraph=len(p.sentences) - si - 1):
                out.append(sentence_result("R104", "pass", "增减变化已说明原因。", s,
                                           anchor=f"{s.section or ''}|{words(s.text)}"))
            else:
                missing.append(s)
        if missing:  # one finding per paragraph: a summary that states three totals lacks one explanation
            s = missing[0]
            more = f"（本段共{len(missing)}处）" if len(missing) > 1 else ""
            out.append(sentence_result("R104", "warn", f"说明了增减变化，但未说明原因{more}：应写明增减的主要原因。", s,
                                       anchor=f"{s.section or ''}|{words(s.text)}"))
    return out
