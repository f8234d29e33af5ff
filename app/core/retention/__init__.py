"""Retention: what is kept and why (the one rule), and the deletions it allows."""
