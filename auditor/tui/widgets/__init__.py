"""Widgets of the review screen: result list, summary bar, sentence, evidence table, explanation."""
