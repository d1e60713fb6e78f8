"""The package version, in a module of its own: reports print it, and importing it must not load
the package's API (no import circle through auditor/__init__)."""

__version__ = "0.1.0"
