"""Rule texts for the explain dialog, through one adapter.

The rule catalogue (patterns/rules/*.yaml read by auditor/rules/catalogue.py) is being built in
parallel. Until it lands, rule_info() falls back to the rule id and a plain message; once it lands,
the import below starts working and nothing else in the TUI changes.
"""

from __future__ import annotations

from typing import Any

_FAMILY = {
    "T": "表格内部核对：合计、小计应等于明细之和，同一数字在各表之间应一致。",
    "N": "叙述与表格核对：正文里写的金额、增减和比例应与表格中的数字一致。",
}


def rule_info(rule_id: str) -> tuple[str, str]:
    """(title, why it matters) for a rule id such as "N101"."""
    try:
        from auditor.rules.catalogue import get_rule  # type: ignore[import-not-found]
    except ImportError:
        get_rule = None
    if get_rule is not None:
        try:
            rule: Any = get_rule(rule_id)
        except (KeyError, LookupError):
            rule = None
        if rule is not None:
            title = _field(rule, "title") or rule_id
            why = _field(rule, "why") or ""
            return str(title), str(why)
    family = _FAMILY.get(rule_id[:1], "")
    return rule_id, (family + "\n" if family else "") + f"规则 {rule_id} 的详细说明尚未收录。"


def _field(rule: Any, name: str) -> Any:
    return rule.get(name) if isinstance(rule, dict) else getattr(rule, name, None)
