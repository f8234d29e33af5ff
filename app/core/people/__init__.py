"""People: users and roles, and what each role may do. Signing in, with its lock-out and
keys, is ``app.core.sign_in``."""
