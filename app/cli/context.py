"""What every command needs: settings, the signed-in user, and the (lazily opened) store.

How people sign in is the store's rule (``bwv user sign-in-mode``): with passwords (the
default) the user named by ``--user``/BWV_USER/the login name gives a password, read from
BWV_PASSWORD or asked for on the terminal; with ``os_user`` the name is trusted as it is.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.core.errors import InvalidInputError, SignInError
from app.core.people.permissions import Permission
from app.core.people.users import check_actor, resolve_actor
from app.core.policy.store_policy import SignIn, legacy_retention_warning, load_policy
from app.core.settings import Settings, load_settings
from app.core.sign_in.accounts import has_accounts, sign_in
from app.core.store.database import Store
from app.core.store.models import User


def ask_password(prompt: str = "Password: ", env: str = "BWV_PASSWORD") -> str:
    """A password from ``env``, else typed on the terminal (never echoed)."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise InvalidInputError(f"A password is needed: run bwv in a terminal, or set {env}.")
    return getpass.getpass(prompt)


def ask_new_password(env: str = "BWV_NEW_PASSWORD") -> str:
    """A new password from ``env``, else typed twice on the terminal."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = ask_password("New password: ", env)
    if ask_password("Repeat it: ", env) != first:
        raise InvalidInputError("The two passwords differ; nothing was changed.")
    return first


@dataclass
class Context:
    settings: Settings
    user_name: str
    database_url: str
    _store: Store | None = field(default=None, repr=False)
    _signed_in: str | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Context:
        settings = load_settings()
        return cls(settings, args.user or settings.effective_user,
                   args.database or settings.effective_database_url)

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.database_url, self.settings.data_path)
        return self._store

    def actor_name(self) -> str:
        """The signed-in user's name; signs in on first use (see the module docstring)."""
        if self._signed_in is None:
            with self.store.read() as session:
                mode, accounts = load_policy(session).sign_in, has_accounts(session)
                warning = legacy_retention_warning(self.settings.extra, session)
            if warning:
                print(f"bwv: warning: {warning}", file=sys.stderr)
            if mode is SignIn.PASSWORD:
                if not accounts:
                    raise SignInError("This store has no accounts yet: create its administrator "
                                      "with 'bwv user init NAME' (or start the app).")
                sign_in(self.store, self.user_name, ask_password(
                    f"Password for {self.user_name}: "))
            check_actor(self.store, self.user_name, Permission.VIEW, "use BWV Studio")
            self._signed_in = self.user_name
        return self._signed_in

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session, for a signed-in user."""
        self.actor_name()
        with self.store.read() as session:
            yield session

    @contextmanager
    def acting(self) -> Iterator[tuple[Session, User]]:
        """A transaction plus the signed-in user, for commands that change data."""
        name = self.actor_name()
        with self.store.transaction() as session:
            yield session, resolve_actor(session, name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
