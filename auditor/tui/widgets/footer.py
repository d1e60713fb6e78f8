"""The key line at the bottom: every shown key on a wide terminal, the essential ones on a narrow one.

At 80 columns Textual's Footer cut off the last keys (改判, 批注, 帮助). Here keys of one group
(j k 移动, n N 待审) share one label, and below NARROW_WIDTH columns only bindings.FOOTER_NARROW
is shown; ? (help) and ctrl+p (the command palette) list everything else.
"""

from __future__ import annotations

from itertools import groupby

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel, KeyGroup

from .. import bindings

NARROW_WIDTH = 100  # the same breakpoint as MainScreen's -narrow layout


class ReviewFooter(Footer):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._narrow: bool | None = None

    @property
    def narrow(self) -> bool:
        return self.app.size.width < NARROW_WIDTH

    def on_resize(self) -> None:
        if self._narrow is not None and self.narrow != self._narrow:
            self.call_after_refresh(self.recompose)

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        narrow = self._narrow = self.narrow
        # before a document is loaded (or when it cannot be read) only q is enabled: show it
        loaded = getattr(self.screen, "session", None) is not None
        wanted = bindings.FOOTER_NARROW if narrow and loaded else None
        active = self.screen.active_bindings
        # one entry per action (j and down are one binding), in declaration order
        seen: dict[str, tuple[Binding, bool, str]] = {}
        for _node, b, enabled, tooltip in active.values():
            if not b.show or b.action in seen:
                continue
            if wanted is not None and b.id not in wanted:
                continue
            seen[b.action] = (b, enabled, tooltip)
        entries = list(seen.values())
        for group, members in groupby(entries, key=lambda e: e[0].group):
            items = list(members)
            if group is not None and len(items) > 1:
                with KeyGroup(classes="-compact" if group.compact else ""):
                    for b, enabled, tooltip in items:
                        yield FooterKey(b.key, _first_key(b), "", b.action, disabled=not enabled,
                                        tooltip=tooltip or b.description, classes="-grouped").data_bind(
                            compact=Footer.compact)
                yield FooterLabel(group.description)
            else:
                for b, enabled, tooltip in items:
                    label = bindings.FOOTER_LABELS.get(b.id or "", b.description) if narrow else b.description
                    yield FooterKey(b.key, self.app.get_key_display(b), label, b.action,
                                    disabled=not enabled, tooltip=tooltip or b.description).data_bind(
                        compact=Footer.compact)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _node, b, enabled, tooltip = palette
                yield FooterKey(b.key, self.app.get_key_display(b), b.description, b.action,
                                classes="-command-palette", disabled=not enabled,
                                tooltip=b.tooltip or b.description)


def _first_key(b: Binding) -> str:
    """In a group the keys stand side by side, so each shows its main key only ("j", not "j/↓")."""
    return (b.key_display or b.key).split("/")[0].split(",")[0]
