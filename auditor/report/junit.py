"""JUnit XML for CI dashboards: one testsuite per document, one testcase per claim or check, so the
passes show too. fail -> <failure>, unverified -> <skipped>, warn passes with its note in
<system-out>; an unreadable document is one testcase with <error>."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

from ..results import VERDICT_LABELS


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
            page = f" p{r['page']}" if r.get("page") else ""
            case = _case(suite, f"{r['rule']}", f"{r['id']}{page} {r['message'][:120]}")
            counts["tests"] += 1
            detail = r["message"] + (f"\n原文：{r['text']}" if r.get("text") else "")
            for e in r.get("evidence", []):
                detail += f"\n证据：{e['table']} / {e['row']} / {e['column']} = {e['value']} {e.get('unit') or ''}"
            if r["verdict"] == "fail":
                f = ET.SubElement(case, "failure", {"type": r["rule"], "message": r["message"]})
                f.text = detail
                counts["failures"] += 1
            elif r["verdict"] == "unverified":
                ET.SubElement(case, "skipped", {"message": f"{VERDICT_LABELS['unverified']}：{r['message']}"})
                counts["skipped"] += 1
            elif r["verdict"] == "warn":
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
