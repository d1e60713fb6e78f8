"""Screens of the review app (one: the main review screen; dialogs live in dialogs/)."""
