"""Cleaning: raw text to `text_clean`, every edit recorded (normalization rules, glued-word splitting)."""
