"""What every command needs: settings, the acting user's name, and the (lazily opened) store."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.core.database import Store
from app.core.models import User
from app.core.settings import Settings, load_settings
from app.core.users import resolve_actor


@dataclass
class Context:
    settings: Settings
    user_name: str
    database_url: str
    _store: Store | None = field(default=None, repr=False)

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

    @contextmanager
    def acting(self) -> Iterator[tuple[Session, User]]:
        """A transaction plus the acting user, for commands that change data."""
        with self.store.transaction() as session:
            yield session, resolve_actor(session, self.user_name)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
