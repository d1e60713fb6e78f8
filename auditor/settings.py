"""The settings of one audit, resolved once and passed down (as ruff resolves its settings once).

A bureau's audit.toml (config.Config) plus what the command line or the API asked for (select,
ignore, fail-on) become one frozen Settings. api.py and cli.py build it; batch workers receive it
whole; engine.audit_document puts it on the Document (`doc.settings`) so the registry and every
check read the region, the rule selection, severities and tolerances from their own argument,
never from module state. Two calls with different Settings in one process (threads, a notebook,
a service) do not see each other's.

Patterns are the one thing read deep inside helpers with no document in reach: applied() sets the
call's pattern scope (patterns.Scope: layer folders and severities) in a ContextVar for the length
of the call, and the pattern caches key on it. It is per call and per thread, not process-wide.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from .config import Config, RuleSetting, widen

if TYPE_CHECKING:  # pragma: no cover
    from .patterns import Scope


@dataclass(frozen=True)
class Settings:
    """One audit's settings: the bureau's file and the rule selection chosen for this call."""

    config: Config = field(default_factory=Config)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] | None = None
    fail_on: str = "fail"

    @classmethod
    def resolve(cls, config: Config | None = None, *, select: list[str] | tuple[str, ...] | None = None,
                ignore: list[str] | tuple[str, ...] | None = None, fail_on: str | None = None) -> "Settings":
        """Flags and API arguments win over the file, then the defaults (Config.choose)."""
        config = config or Config()
        chosen_select, chosen_ignore, chosen_fail_on = config.choose(
            None if select is None else list(select), None if ignore is None else list(ignore), fail_on)
        return cls(config=config, select=None if chosen_select is None else tuple(chosen_select),
                   ignore=None if chosen_ignore is None else tuple(chosen_ignore), fail_on=chosen_fail_on)

    def with_selection(self, select: list[str] | tuple[str, ...] | None,
                       ignore: list[str] | tuple[str, ...] | None) -> "Settings":
        """The same settings with another rule selection (explicit arguments replace the file's)."""
        return Settings.resolve(self.config, select=select, ignore=ignore, fail_on=self.fail_on)

    @property
    def region(self) -> str | None:
        """The profile id the bureau names in audit.toml, instead of guessing it from the text."""
        return self.config.region

    @property
    def rules(self) -> dict[str, RuleSetting]:
        return self.config.rules

    @property
    def scope(self) -> "Scope":
        return self.config.scope()

    @contextlib.contextmanager
    def applied(self) -> Iterator["Settings"]:
        """Patterns are read with these settings' layers and severities until the block ends."""
        with self.config.scope_applied():
            yield self

    def patterns(self, name: str) -> Any:
        """patterns/<name>.yaml with this bureau's layers merged over it."""
        from .patterns import load  # here: importing the API stays without yaml

        with self.config.scope_applied():
            return load(name)

    def widen(self, result: Any) -> None:
        """A bureau's tolerance for the result's rule, if it set one (config.widen)."""
        widen(result, self.config)
