"""Accounts: users and roles, what each role may do, sign-in with its lock-out."""
