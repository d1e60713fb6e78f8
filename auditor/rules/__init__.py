"""The rule catalogue (texts and examples from patterns/rules/) and the registry of checks."""
