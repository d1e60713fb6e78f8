"""The national disclosure requirements (R family, 公开要求): what 预算法, its 实施条例, 财预〔2016〕143号
and the 财政部 inspections ask a disclosure to contain, each checkable from the document itself.

Arithmetic (T, X), claims (N) and completeness of tables and sections (D) are checked elsewhere; these
checks ask whether what must be said is said, to the depth and with the counts the rules name.
Thresholds and regional extras are data in patterns/requirements.yaml.
"""

from __future__ import annotations

from ...model import Document
from ...results import Result
from .assets import check_assets
from .codes import check_code_names
from .depth import check_depth
from .flat import check_flat
from .performance import check_performance
from .procurement import check_procurement
from .purposes import check_purposes
from .reasons import check_reasons
from .sanity import check_sanity
from .three_public import check_three_public_counts


def check_requirements(doc: Document) -> list[Result]:
    return (check_depth(doc) + check_code_names(doc) + check_reasons(doc) + check_three_public_counts(doc)
            + check_procurement(doc) + check_assets(doc) + check_performance(doc) + check_sanity(doc)
            + check_purposes(doc) + check_flat(doc))
