"""Where a case stands: found by its reference, its status changed (and audited), its
standing against its deadline. What the layers below casework (library, redaction, audio,
export) need of a case, so they never import casework itself; linking footage to a case is
the library's (``library.footage_links``)."""
