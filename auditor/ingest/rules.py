"""The ruling of a page as a reader sees it, for pdfplumber's table finder.

Two things printed tables do that the finder takes literally:

- cells filled with white boxes inset a few points from the black rules (Jiangsu's 法院/检察院
  budgets): invisible on paper, but their edges split every row and column into slivers;
- a table cut by a page break: the rows carried to the next page have their column rules but no
  rule above the first row (or below the last), so the finder drops that row and its figures land
  in the narrative.

`ruled_page` hides the first; `closing_lines` draws the missing rule where several column rules
start (or stop) at the same height with nothing across them.
"""

from __future__ import annotations

from typing import Any

from pdfplumber.table import merge_edges

_MIN_RULES = 3  # column rules that must share an open end: a table, not a box or a frame
_TOL = 3.0  # the finder's own snap/join tolerance


def _is_white(color: Any) -> bool:
    """Gray 1, RGB (1,1,1) or CMYK (0,0,0,0): paper colour."""
    if color is None:
        return False
    if isinstance(color, (int, float)):
        color = (color,)
    try:
        c = tuple(float(v) for v in color)
    except (TypeError, ValueError):
        return False
    if len(c) in (1, 3):
        return all(v >= 0.99 for v in c)
    if len(c) == 4:
        return all(v <= 0.01 for v in c)
    return False


def invisible(obj: dict) -> bool:
    """A white, unstroked rectangle: a cell's padding box, drawn but never seen."""
    return (
        obj.get("object_type") == "rect"
        and bool(obj.get("fill"))
        and not obj.get("stroke")
        and _is_white(obj.get("non_stroking_color"))
    )


def ruled_page(page: Any) -> Any:
    """The page without invisible boxes (filtered only when it has some: filtering costs)."""
    if any(invisible(r) for r in page.rects):
        return page.filter(lambda o: not invisible(o))
    return page


def _groups(values: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """(y, x) pairs grouped by y within the tolerance."""
    out: list[list[tuple[float, float]]] = []
    for y, x in sorted(values):
        if out and y - out[-1][0][0] <= 1.5:
            out[-1].append((y, x))
        else:
            out.append([(y, x)])
    return out


def closing_lines(page: Any) -> list[dict]:
    """Horizontal rules a page break left out, as explicit edges for the table finder.

    Where at least three column rules start (or stop) at one height and no drawn rule covers
    half of their span there, the row is open: close it with a rule from the first to the last.
    """
    edges = [e for e in page.edges if e.get("orientation") in ("h", "v")]  # curves' slants have none
    if not edges:
        return []
    merged = merge_edges(edges, _TOL, _TOL, _TOL, _TOL)
    verticals = [e for e in merged if e["orientation"] == "v" and e["bottom"] - e["top"] >= 5]
    if len(verticals) < _MIN_RULES:
        return []
    horizontals = [e for e in merged if e["orientation"] == "h"]
    out: list[dict] = []
    for end in ("top", "bottom"):
        for group in _groups([(e[end], e["x0"]) for e in verticals]):
            xs = sorted({round(x, 1) for _, x in group})
            if len(xs) < _MIN_RULES:
                continue
            y = sum(v for v, _ in group) / len(group)
            x0, x1 = xs[0], xs[-1]
            covered = sum(
                max(0.0, min(h["x1"], x1) - max(h["x0"], x0)) for h in horizontals if abs(h["top"] - y) <= _TOL
            )
            if covered >= 0.5 * (x1 - x0):
                continue
            # other column rules run on through this height: it is inside the table (a header's
            # sub-columns under their group's line), not an edge a page break left open; a rule
            # drawn across would cut the merged cells beside them
            if any(v["top"] < y - _TOL and v["bottom"] > y + _TOL and x0 <= v["x0"] <= x1 for v in verticals):
                continue
            out.append(
                {
                    "object_type": "closing_edge",
                    "orientation": "h",
                    "x0": x0,
                    "x1": x1,
                    "top": y,
                    "bottom": y,
                    "width": x1 - x0,
                    "height": 0.0,
                }
            )
    return out
