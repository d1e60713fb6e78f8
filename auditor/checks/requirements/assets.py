"""R107: 国有资产占用 stated as of a date.

A vehicle count or an equipment count means nothing without its date: a budget states last year's
figures (截至上年8月31日, 截至上年底), a 决算 its own year-end. Whether the year is right is the
proofreading family's; this rule asks that the date is there.
"""

from __future__ import annotations

import re

from ...model import Document
from ...results import Result
from .common import config, section_sentences, sentence_result


def check_assets(doc: Document) -> list[Result]:
    cfg = config()["assets"]
    sents = [s for s in section_sentences(doc, cfg["section"]) if re.search(r"\d", s.text)]
    if not sents:
        return []
    dated = next((s for s in sents if re.search(cfg["as_of"], s.text)), None)
    if dated:
        return [sentence_result("R107", "pass", "国有资产占用情况注明了截至日期。", dated, anchor="as-of")]
    return [sentence_result("R107", "warn", "国有资产占用情况未注明截至日期（如“截至2025年8月31日”）：数量无从对应时点。",
                            sents[0], anchor="as-of")]
