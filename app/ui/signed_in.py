"""Who is signed in at this window: one object the shell makes from a sign-in (the account
record the store checked, ``UserRecord``) and hands to every view. A view acts as
``user.name`` at the moment it acts, so a switch of user (File > Switch user) reaches every
view at once, and no view holds a name of its own. The core still resolves and checks the
account at every operation (a deactivated account or a replaced key is refused there)."""

from __future__ import annotations

from app.core.store.models import Role
from app.core.views.records import UserRecord


class SignedIn:
    """The signed-in user of one window."""

    def __init__(self, user: UserRecord) -> None:
        self._user = user

    @property
    def name(self) -> str:
        return self._user.name

    @property
    def role(self) -> Role:
        return self._user.role

    def become(self, user: UserRecord) -> None:
        """Another person signed in (their sign-in checked by the caller)."""
        self._user = user
