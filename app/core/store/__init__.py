"""The evidence store: the database and its migrations, the schema, the hash-chained audit log
and its witness. The rules every workstation of a store shares are ``app.core.policy``; plain
records of stored rows for the UI and the CLI are ``app.core.views.records``.
"""
