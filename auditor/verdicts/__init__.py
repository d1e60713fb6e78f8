"""Cross-examination before 不通过 (DESIGN-NOTES §4, §8; issue 21).

A check that would fail hands its comparison and where each value came from (basis.py) to the one
policy (policy.py). The policy asks the alternative readers (readers.py for a narrative figure,
table_readers.py for a table's sums and two tables' totals, over cells.py), each a pure function
(document, comparison) -> Alternative or None, whether another reading of the same printed figures
makes the relation hold; if one does, the finding is 存疑 and names that reading. A value found by
position or by a fallback caps the verdict at 存疑. A strong subject whose figure equals a
differently named row stays 不通过 (the wrong-label error): the readers explain away our reading of
a table, never the narrative's own words.
"""

from .basis import Comparison, Source  # noqa: F401
