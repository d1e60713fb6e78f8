"""`audit tui FILE`: a keyboard-first review app (Textual). Only this package imports Textual."""
