"""Whole-store checks, at the top: the audit trail replayed event by event
(``trail_replay``), and the one check behind ``bwv audit verify`` and Tools > Verify
integrity (``integrity_check``: the chain, every signature, the replay, the anchors and
every recorded export re-hashed). They read everything below; nothing imports them but the
UI and the CLI."""
