"""Every key of the trainer, in one place, each with an id (as in the review app's bindings.py)."""

from __future__ import annotations

from textual.binding import Binding

MENU: list[Binding] = [
    Binding("enter", "open", "打开", id="train.open"),
    Binding("c", "resume", "继续练习", id="train.resume"),
    # app.quit: a screen has no quit action of its own, so a bare "quit" here did nothing
    Binding("q", "app.quit", "退出", id="train.quit"),
]

LESSON: list[Binding] = [
    Binding("right,l,space", "page(1)", "下一页", id="lesson.next", key_display="→"),
    Binding("left,h", "page(-1)", "上一页", id="lesson.prev", key_display="←"),
    # a rule's page (its examples) is taller than 24 rows
    Binding("j,down", "scroll(1)", "滚动", id="lesson.down", key_display="j/k ↑↓"),
    Binding("k,up", "scroll(-1)", "上滚", id="lesson.up", show=False),
    Binding("escape", "back", "返回", id="lesson.back", key_display="Esc"),
]

EXERCISE: list[Binding] = [
    Binding("j,down", "move(1)", "下移", id="exercise.down", key_display="j/↓"),
    Binding("k,up", "move(-1)", "上移", id="exercise.up", key_display="k/↑"),
    Binding("p", "judge('pass')", "通过", id="exercise.pass"),
    Binding("f", "judge('fail')", "不通过", id="exercise.fail"),
    Binding("s", "submit", "提交", id="exercise.submit"),
    Binding("t", "next_evidence", "下一证据", id="exercise.evidence", show=False),
    Binding("right_square_bracket,right", "go(1)", "下一题", id="exercise.next", key_display="]"),
    Binding("left_square_bracket,left", "go(-1)", "上一题", id="exercise.prev", key_display="[", show=False),
    Binding("escape", "back", "返回", id="exercise.back", key_display="Esc"),
]

PICKER: list[Binding] = [
    Binding("escape", "cancel", "取消", id="picker.cancel"),
]

# on the picker's list only: in its filter box j and k are letters
PICKER_LIST: list[Binding] = [
    Binding("j", "cursor_down", "下移", id="picker.down", show=False),
    Binding("k", "cursor_up", "上移", id="picker.up", show=False),
]

APP: list[Binding] = [
    Binding("ctrl+p", "command_palette", "命令", id="train.palette", show=False),
]
