"""Redaction plans (what to hide, how) and drawing them onto frames."""
