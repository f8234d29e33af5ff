"""Whole-store checks, at the top: the audit trail replayed event by event
(``trail_replay``, ``bwv audit verify``) and every stored file against its recorded hash
(``integrity_check``). They read everything below and nothing imports them but the UI and
the CLI."""
