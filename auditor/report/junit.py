"""JUnit XML for CI dashboards: one testsuite per document, one testcase per claim or check, so the
passes show too. fail -> <failure>, unverified -> <skipped>, warn passes with its note in
<system-out>; an unreadable document is one testcase with <error>.

A reviewer's decision (FILE.review.json) decides the testcase's outcome when it overrides the
verdict (a dismissed 不通过 passes, a 通过 the reviewer found wrong fails); the decision and the
comment are testcase properties, and the comment is repeated in <system-out>."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from ..results import VERDICT_LABELS
from ..review import STATUS_LABELS


def _case(suite: ET.Element, classname: str, name: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"classname": classname, "name": name, "time": "0"})


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(node: ET.Element) -> None:
    """XML 1.0 cannot hold most control characters; text from a PDF may carry them."""
    for el in node.iter():
        if el.text:
            el.text = _CONTROL.sub("", el.text)
        for k, v in el.attrib.items():
            el.attrib[k] = _CONTROL.sub("", v)


def _review(case: ET.Element, r: dict[str, Any], d: dict[str, Any]) -> str:
    """Properties for the decision; returns the line that says it in words."""
    props = ET.SubElement(case, "properties")
    status = d.get("status") or "pending"
    values = {"review.status": status, "review.verdict": d.get("verdict") or "", "review.audit_verdict": r["verdict"],
              "review.comment": d.get("comment") or ""}
    for k, v in values.items():
        ET.SubElement(props, "property", {"name": k, "value": v})
    line = f"审核：{STATUS_LABELS.get(status, status)}"
    if status == "overridden" and d.get("verdict"):
        line += f"（{VERDICT_LABELS[r['verdict']]}→{VERDICT_LABELS[d['verdict']]}）"
    if d.get("comment"):
        line += f"；批注：{d['comment']}"
    return line


def to_junit(report: dict[str, Any]) -> str:
    root = ET.Element("testsuites", {"name": "auditor"})
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for d in report["documents"]:
        suite = ET.SubElement(root, "testsuite", {"name": d["path"]})
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        if d["status"] == "error":
            case = _case(suite, "read", d["path"])
            ET.SubElement(case, "error", {"type": d["error"]["code"], "message": d["error"]["message"]})
            counts["tests"] += 1
            counts["errors"] += 1
        for r in d["results"]:
            printed = (r.get("location") or {}).get("printed_page")
            page = (f" p{printed}(PDF p{r['page']})" if printed else f" p{r['page']}") if r.get("page") else ""
            case = _case(suite, f"{r['rule']}", f"{r['id']}{page} {r['message'][:120]}")
            counts["tests"] += 1
            detail = r["message"] + (f"\n原文：{r['text']}" if r.get("text") else "")
            for e in r.get("evidence", []):
                detail += f"\n证据：{e['table']} / {e['row']} / {e['column']} = {e['value']} {e.get('unit') or ''}"
            decision = r.get("review") or None
            verdict = r["verdict"]
            if decision:
                verdict = decision.get("effective") or verdict
                note = _review(case, r, decision)
                detail += "\n" + note
                if verdict in ("pass", "warn"):
                    ET.SubElement(case, "system-out").text = note if verdict == "pass" else f"{VERDICT_LABELS['warn']}：{detail}"
            if verdict == "fail":
                f = ET.SubElement(case, "failure", {"type": r["rule"], "message": r["message"]})
                f.text = detail
                counts["failures"] += 1
            elif verdict == "unverified":
                ET.SubElement(case, "skipped", {"message": f"{VERDICT_LABELS['unverified']}：{r['message']}"})
                counts["skipped"] += 1
            elif verdict == "warn" and not decision:
                out = ET.SubElement(case, "system-out")
                out.text = f"{VERDICT_LABELS['warn']}：{detail}"
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
    for k, v in totals.items():
        root.set(k, str(v))
    _clean(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
