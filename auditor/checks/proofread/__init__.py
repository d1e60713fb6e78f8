"""Proofreading (family P, 文字校对): the words a reviewer reads besides the figures.

Each module owns a few rules and reads only the narrative (and the PDF's page list): years by role,
the document's own kind, blank slots, punctuation, characters a font failed to map, blank pages, typing slips.
Patterns are data in patterns/proofread.yaml; rule texts and examples in patterns/rules/P_proofread.yaml.
"""

from __future__ import annotations

from typing import Callable

from ...model import Document
from ...results import Result
from .blanks import check_blanks
from .garbled import check_garbled
from .identity import check_identity
from .kind import check_kind
from .layout import check_layout
from .punctuation import check_punctuation
from .typos import check_typos
from .years import check_years

REGISTERED: list[tuple[tuple[str, ...], Callable[[Document], list[Result]]]] = [
    (("P101", "P102", "P103", "P104", "P105"), check_years),
    (("P111", "P112"), check_kind),
    (("P113",), check_identity),
    (("P121", "P122", "P123"), check_blanks),
    (("P131", "P132", "P133", "P134"), check_punctuation),
    (("P141",), check_garbled),
    (("P151",), check_layout),
    (("P161", "P162"), check_typos),
]
