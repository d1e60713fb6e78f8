"""Command palette (ctrl+p): every key binding of the review screen, plus exports and quick filters.

Built from bindings.py so the palette and the keys never disagree.
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider

from . import bindings


class ReviewCommands(Provider):
    def _commands(self) -> Iterator[tuple[str, str, Callable]]:
        from .screens.main import MainScreen

        screen = self.screen
        if not isinstance(screen, MainScreen):
            return
        for b in bindings.MAIN:
            if b.action == "clear_search":
                continue
            yield b.description, f"按键 {bindings.key_label(b)}", partial(screen.run_action, b.action)
        yield "导出 CSV", "写出 FILE.review.csv（结论、审核、批注）", partial(screen.run_action, "export('csv')")
        yield "导出 XLSX", "写出 FILE.review.xlsx（结论、审核、批注）", partial(screen.run_action, "export('xlsx')")
        yield "只看非通过", "筛选：不通过、存疑、无法核对", partial(screen.quick_filter, "open")
        yield "清除筛选", "显示全部结果", partial(screen.quick_filter, None)
        yield "按结论排序", "不通过在前，其次存疑、无法核对、通过", partial(screen.set_order, "verdict")
        yield "按审核顺序排列", "恢复默认顺序：叙述、表内、表间、公开完整性，各组按原文顺序", partial(screen.set_order, "audit")

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(title, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = max(matcher.match(title), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(title), callback, help=help_text)
