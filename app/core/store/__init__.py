"""The evidence store: the database and its migrations, the schema, the hash-chained audit log
and its witness, the store's rules, and plain records of stored rows.
"""
