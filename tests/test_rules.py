"""Every rule in the catalogue on its own examples, as sqlfluff runs its per-rule YAML fixtures.

A rule without a passing and a failing example is a catalogue error, so it fails here too.
"""

from __future__ import annotations

import pytest

from auditor.rules.catalogue import catalogue
from auditor.rules.examples import outcome

CASES = [
    pytest.param(rule, ex, failing, id=f"{rule.id}-{'fail' if failing else 'pass'}{i}")
    for rule in catalogue().values()
    for failing, examples in ((False, rule.passing), (True, rule.failing))
    for i, ex in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "failing"), CASES)
def test_rule_example(rule, example, failing):
    ok, why = outcome(rule, example, failing)
    assert ok, f"{rule.id} ({example.note or 'example'}): {why}"
