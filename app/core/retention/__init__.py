"""Retention: what is kept and why (the one rule). The deletions it allows are the
library's (``library.retention_actions``)."""
