"""The evidence store: the database and its migrations, the schema, the hash-chained audit log
and its witness, and the store's rules. Plain records of stored rows for the UI and the CLI
are ``app.core.views.records``.
"""
