"""Modal dialogs: override, comment, filter, help, explain. Each dismisses with its answer or None."""
