"""Extraction: the finders (dates, places, parties, people, events) and the per-article rows they make."""
