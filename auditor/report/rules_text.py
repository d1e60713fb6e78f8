"""The rule catalogue for people: `audit rules` (one line per rule) and `audit explain ID` (everything)."""

from __future__ import annotations

from ..results import SEVERITY_LABELS, VERDICT_LABELS, Result
from ..rules.catalogue import FAMILIES, Example, Rule
from .width import pad


def render_list(rules: list[Rule], origins: dict[str, str] | None = None,
                settings: list[tuple[str, str, str]] | None = None) -> str:
    """origins: where each rule comes from (shown after its title); settings: (setting, value, origin)."""
    lines = []
    family = None
    for r in rules:
        if r.family != family:
            family = r.family
            if lines:
                lines.append("")
            lines.append(f"{family}  {FAMILIES[family]}")
        origin = f"　〔{origins[r.id]}〕" if origins and r.id in origins else ""
        lines.append(f"  {r.id}  {pad(SEVERITY_LABELS[r.severity], 4)}  {r.title}{origin}")
    if settings:
        lines += ["", "设置（值 ← 来源）"]
        lines += [f"  {pad(k, 22)}  {v} ← {o}" for k, v, o in settings]
    lines.append("")
    lines.append("详细说明：audit explain 规则编号（例如 audit explain T101）")
    return "\n".join(lines)


def _indent(text: str, n: int = 4) -> str:
    return "\n".join(" " * n + line for line in text.rstrip("\n").splitlines())


def render_explain(rule: Rule, outcomes: list[tuple[bool, Example, list[Result]]] | None = None) -> str:
    """outcomes: for each example (passing first), (failing?, the example, the results the auditor gave)."""
    out = [
        f"{rule.id}  {rule.title}",
        f"类别：{rule.family} {rule.family_name}　严重程度：{SEVERITY_LABELS[rule.severity]}",
        "",
        "核对什么：",
        _indent(rule.checks),
        "",
        "为什么重要：",
        _indent(rule.why),
    ]
    if rule.basis:
        out += ["", f"依据：{rule.basis}"]
    for failing, example, results in outcomes or []:
        note = example.note
        out += ["", ("不通过示例" if failing else "通过示例") + (f"（{note}）" if note else "") + "："]
        out.append(_indent(example.document))
        if example.previous:
            out.append("  上年公开文件：")
            out.append(_indent(example.previous))
        if results:
            out.append("  审核结果：")
            shown = [r for r in results if r.verdict != "pass"] or results
            for r in shown[:3]:
                out.append(f"    [{VERDICT_LABELS[r.verdict]}] {r.message}")
    return "\n".join(out)
