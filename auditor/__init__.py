"""auditor: proofreads Chinese government budget disclosures, exactly and explainably.

    from auditor import audit
    report = audit("说明.pdf")          # see auditor.api

Importing the package is light: the API is loaded on first use, and nothing imports Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .version import __version__

__all__ = ["audit", "Report", "DocumentReport", "__version__"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import DocumentReport, Report, audit


def __getattr__(name: str) -> Any:
    if name in ("audit", "Report", "DocumentReport"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'auditor' has no attribute {name!r}")
