"""Every key of the review app, in one place, each with an id (so a keymap can rebind it).

The footer, the help dialog and the command palette all read these lists; nothing else declares keys.
"""

from __future__ import annotations

from textual.binding import Binding

# keys the footer shows side by side under one label ("j k 移动")
MOVE = Binding.Group("移动")
PENDING = Binding.Group("待审")
FAIL = Binding.Group("不通过")

MAIN: list[Binding] = [
    Binding("j,down", "move(1)", "下移", id="move.down", key_display="j/↓", group=MOVE),
    Binding("k,up", "move(-1)", "上移", id="move.up", key_display="k/↑", group=MOVE),
    # the next finding still to review (不通过/存疑 not yet accepted or overridden, then 无法核对)
    Binding("n", "next_pending(1)", "下一待审", id="move.next_pending", group=PENDING),
    Binding("N,p", "next_pending(-1)", "上一待审", id="move.prev_pending", key_display="N", group=PENDING),
    Binding("right_square_bracket", "next_fail(1)", "下一不通过", id="move.next_fail", key_display="]",
            group=FAIL, show=False),
    Binding("left_square_bracket", "next_fail(-1)", "上一不通过", id="move.prev_fail", key_display="[",
            group=FAIL, show=False),
    Binding("f", "filter", "筛选", id="view.filter"),
    Binding("slash", "search", "搜索", id="view.search", key_display="/"),
    Binding("a", "accept", "确认", id="review.accept"),
    Binding("o", "override", "改判", id="review.override"),
    Binding("c", "comment", "批注", id="review.comment"),
    Binding("e", "explain", "规则说明", id="view.explain"),
    Binding("t", "next_evidence", "下一证据", id="view.next_evidence", show=False),
    Binding("x", "export('xlsx')", "导出", id="file.export", show=False),
    Binding("question_mark", "help", "帮助", id="app.help", key_display="?"),
    Binding("escape", "clear_search", "清除搜索", id="view.clear_search", key_display="Esc", show=False),
]

APP: list[Binding] = [
    Binding("q", "quit", "退出", id="app.quit"),
    Binding("ctrl+p", "command_palette", "命令", id="app.palette", show=False),
]

# what the footer keeps below 100 columns (the palette key is always shown at its right end);
# / (search), ] [ (next/previous 不通过), x (export) and q (quit) are in help (?) and the palette
FOOTER_NARROW: tuple[str, ...] = (
    "move.down", "move.up", "move.next_pending", "move.prev_pending", "view.filter",
    "review.accept", "review.override", "review.comment", "view.explain", "app.help",
)
# shorter footer labels below 100 columns (help and the palette keep the full description)
FOOTER_LABELS: dict[str, str] = {"view.explain": "说明"}

# (section shown in the help dialog, binding ids)
SECTIONS: list[tuple[str, list[str]]] = [
    ("移动", ["move.down", "move.up", "move.next_pending", "move.prev_pending", "move.next_fail",
            "move.prev_fail", "view.next_evidence"]),
    ("查看", ["view.filter", "view.search", "view.clear_search", "view.explain"]),
    ("审核", ["review.accept", "review.override", "review.comment", "file.export"]),
    ("其他", ["app.help", "app.palette", "app.quit"]),
]


def by_id() -> dict[str, Binding]:
    return {b.id: b for b in MAIN + APP if b.id}


def key_label(b: Binding) -> str:
    """What the user presses, as shown in help: "j/↓", "?", "ctrl+p"."""
    return b.key_display or b.key.split(",")[0]
