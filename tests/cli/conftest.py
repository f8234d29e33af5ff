"""CLI tests act as BWV_USER on a store whose rule is 'os_user' sign-in (no password
prompts; test_accounts_cli.py covers password sign-in) and whose exports need no approval
(tests marked ``approval_rule`` keep the store's default: they do)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.people.users import resolve_actor
from app.core.policy.store_policy import set_policy
from app.core.settings import load_settings
from app.core.store.database import Store


@pytest.fixture(autouse=True)
def os_user_store(isolated_env: Path, request: pytest.FixtureRequest) -> None:
    if request.node.get_closest_marker("password_sign_in"):
        return
    settings = load_settings()
    with Store(settings.effective_database_url, settings.data_path) as store, \
            store.transaction() as session:
        set_policy(session, resolve_actor(session, "tester"), sign_in="os_user",
                   require_approval=None if request.node.get_closest_marker("approval_rule")
                   else False)
