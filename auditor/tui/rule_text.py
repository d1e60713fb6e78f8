"""Rule texts for the review app, read from the rule catalogue (patterns/rules/*.yaml).

One adapter so the panes and dialogs never reach into the catalogue's types themselves: the
explanation pane needs the title, the evidence pane says what was checked when a result has no
table to show, and the explain dialog prints the same full text as `audit explain ID`.
"""

from __future__ import annotations

from ..report.rules_text import render_explain
from ..rules.catalogue import FAMILIES, Rule, get_rule


def family_name(family: str) -> str:
    """"N" → "叙述核对"; an unknown family is shown as it is."""
    return FAMILIES.get(family, family)


def rule_title(rule_id: str) -> str:
    """The catalogue title ("叙述金额与表格不符"), or "" for a rule the catalogue does not list."""
    rule = get_rule(rule_id)
    return rule.title if rule else ""


def rule_checks(rule_id: str) -> str:
    """What the rule checks, one or two sentences; a plain line for an unlisted rule."""
    rule = get_rule(rule_id)
    if rule is None:
        return f"规则 {rule_id} 未收录在规则目录中。"
    return rule.checks


def rule_info(rule_id: str) -> tuple[str, str]:
    """(title, why it matters); the title falls back to the id so a caller always has a heading."""
    rule = get_rule(rule_id)
    if rule is None:
        return rule_id, f"规则 {rule_id} 未收录在规则目录中。"
    return rule.title, rule.why


def rule_full_text(rule_id: str) -> str:
    """Everything the catalogue says (checks, why, basis, examples), as `audit explain ID` prints it.

    The examples are shown without running them: the dialog must open at once, and the outcome of
    each example is already guaranteed by the catalogue's own tests.
    """
    rule = get_rule(rule_id)
    if rule is None:
        family = family_name(rule_id[:1])
        return f"{rule_id}\n类别：{family}\n\n规则 {rule_id} 未收录在规则目录中（audit rules 列出全部规则）。"
    return render_explain(rule, _examples(rule))


def _examples(rule: Rule) -> list:
    return [(False, ex, []) for ex in rule.passing] + [(True, ex, []) for ex in rule.failing]
