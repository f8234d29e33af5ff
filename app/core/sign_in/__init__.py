"""Signing in: local accounts and their passwords, the lock-out after failed attempts, and
the keys an administrator vouches for. Above the store's shared rules (``policy``), which
the lock-out reads; the UI and the CLI sign in through here."""
