"""``bwv-verify``: checks an export folder or a disclosure pack with no database.

Depends only on the standard library, ``cryptography``, the evidence formats of
``app.core.chain`` (``chain_format``, ``ledger``) and the model hashes of
``app.core.detection.model_files`` (an import-linter contract keeps it so). What it checks
is listed in ``docs/VERIFYING.md``.
"""
