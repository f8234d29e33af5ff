"""Cases, flags, users and settings through the core services, with their audit events."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework import case_flow, cases
from app.core.errors import (
    ConflictError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    SignInError,
)
from app.core.library import flags
from app.core.library.ingest import ingest_paths
from app.core.media.timecode import format_time, parse_time
from app.core.people import users
from app.core.people.users import resolve_actor
from app.core.settings import Settings, load_settings, save_settings
from app.core.store.database import Store
from app.core.store.models import AuditEvent, Role
from tests.conftest import make_video


def _actions(store: Store) -> list[str]:
    with store.read() as session:
        return [e.action for e in session.scalars(select(AuditEvent).order_by(AuditEvent.seq))]


def test_first_user_is_administrator_who_adds_the_others(store: Store) -> None:
    with store.transaction() as session:
        alice = resolve_actor(session, "alice")
        assert alice.role is Role.ADMINISTRATOR
        with pytest.raises(SignInError, match="'bob' has no account"):
            resolve_actor(session, "bob")  # no more self-registration after the first
        users.add_user(session, alice, "bob", Role.DISCLOSURE_OFFICER)
        bob = resolve_actor(session, "bob")
        with pytest.raises(PermissionDeniedError, match="only an administrator can add"):
            users.add_user(session, bob, "mallory", Role.SUPERVISOR)
        users.update_user(session, alice, "bob", role="supervisor")
        users.add_user(session, alice, "carol", Role.CASE_STAFF)
        with pytest.raises(ConflictError):
            users.add_user(session, alice, "carol", "case_staff")
        with pytest.raises(InvalidInputError, match="Unknown role"):
            users.add_user(session, alice, "dave", "boss")
        users.update_user(session, alice, "carol", active=False)
        with pytest.raises(ConflictError, match="only active administrator"):
            users.update_user(session, alice, "alice", role="supervisor")
    with store.transaction() as session, pytest.raises(SignInError, match="deactivated"):
        resolve_actor(session, "carol")
    assert _actions(store) == ["user.create", "user.create", "user.update", "user.create",
                               "user.update"]


def test_cases_create_edit_link(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4")])
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        rec = cases.create_case(session, actor, " FOI-7 ", "foi", "Pub fight",
                                date(2026, 12, 22))
        assert rec.reference == "FOI-7" and rec.status.value == "received"
        with pytest.raises(ConflictError):
            cases.create_case(session, actor, "FOI-7", "foi")
        with pytest.raises(InvalidInputError, match="Unknown case type"):
            cases.create_case(session, actor, "X", "parking")
        cases.edit_case(session, actor, "FOI-7", title="Pub fight 2")
        case_flow.change_status(session, actor, "FOI-7", "in_review")
        cases.edit_case(session, actor, "FOI-7", title="Pub fight 2")  # no change, no event
        assert cases.link_footage(session, actor, "FOI-7", 1) is True
        assert cases.link_footage(session, actor, "FOI-7", 1) is False
        with pytest.raises(NotFoundError):
            cases.link_footage(session, actor, "NOPE", 1)
    with store.read() as session:
        (listed,) = cases.list_cases(session)
    assert (listed.title, listed.status.value, listed.footage_ids) == ("Pub fight 2",
                                                                       "in_review", (1,))
    assert _actions(store)[-4:] == ["case.create", "case.edit", "case.status",
                                    "case.link_footage"]


def test_flags_add_edit_delete_are_audited(store: Store, tmp_path: Path) -> None:
    ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4", frames=24, fps=12)])
    with store.transaction() as session:
        actor = resolve_actor(session, "tester")
        flag = flags.add_flag(session, actor, 1, 0.5, "use_of_force", end_s=1.0, label="grab")
        assert (flag.start_frame, flag.end_frame) == (6, 12)
        with pytest.raises(InvalidInputError, match="outside"):
            flags.add_flag(session, actor, 1, 5.0, "evidence")
        with pytest.raises(InvalidInputError, match="between"):
            flags.add_flag(session, actor, 1, 1.0, "evidence", end_s=0.5)
        with pytest.raises(InvalidInputError, match="Unknown flag category"):
            flags.add_flag(session, actor, 1, 1.0, "funny")
        edited = flags.edit_flag(session, actor, flag.id, start_s=0.25, note="see body cam 2")
        assert edited.start_frame == 3 and edited.note == "see body cam 2"
        flags.delete_flag(session, actor, flag.id)
        with pytest.raises(NotFoundError):
            flags.delete_flag(session, actor, flag.id)
        assert flags.list_flags(session, 1) == []
    with store.read() as session:
        events = list(session.scalars(
            select(AuditEvent).where(AuditEvent.object_type == "flag").order_by(AuditEvent.seq)))
    assert [e.action for e in events] == ["flag.add", "flag.edit", "flag.delete"]
    assert json.loads(events[1].details)["start_frame"] == [6, 3]
    assert json.loads(events[2].details)["label"] == "grab"  # the deleted flag's content is kept


def test_evidential_change_needs_a_reason(store: Store, tmp_path: Path) -> None:
    from app.core.library.footage import set_evidential

    ingest_paths(store, "tester", [make_video(tmp_path / "a.mp4")])
    with store.transaction() as session, pytest.raises(InvalidInputError, match="reason"):
        set_evidential(session, resolve_actor(session, "tester"), 1, True, "  ")


def test_settings_round_trip_env_override_and_damage(isolated_env: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings()
    assert settings.ui_theme == "system"
    assert settings.effective_database_url.endswith("bwv-home/data/bwv.sqlite3")
    save_settings(Settings(ui_theme="dark", database_url="sqlite:////tmp/x.db"))
    loaded = load_settings()
    assert loaded.ui_theme == "dark" and loaded.effective_database_url == "sqlite:////tmp/x.db"
    monkeypatch.setenv("BWV_DATABASE_URL", "postgresql://u@h/db")
    assert load_settings().effective_database_url == "postgresql://u@h/db"
    (isolated_env / "config" / "settings.json").write_text("{ broken")
    with pytest.raises(InvalidInputError, match=r"settings\.json cannot be read"):
        load_settings()


def test_a_database_url_in_a_message_never_shows_its_password() -> None:
    """A refused database URL is named in the message (and so in logs and on screen) with
    its password hidden, whether it could be parsed or not."""
    from app.core.errors import BwvError
    from app.core.store.database import make_engine

    for url in ("postgresql+nodriver://officer:s3cret@db/bwv",
                "post gres://officer:s3cret@db/bwv", "postgresql:/officer:s3cret@db/bwv",
                "officer:s3cret@db/bwv", "postgresql+nodriver://officer:s3c@ret@db/bwv",
                "postgresql://officer:s3cret@db:noport/bwv"):
        with pytest.raises(BwvError) as caught:
            make_engine(url)
        message = str(caught.value)
        assert "s3c" not in message and "ret@" not in message and "***@" in message, message


def test_a_database_server_that_never_answers_is_given_up_on_with_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A PostgreSQL server that takes the connection and says nothing (gone, or a firewall
    in between) is given up on after ``CONNECT_TIMEOUT_S``, with the URL in the message (it
    waited out the system's TCP retries, about two minutes, with the window frozen); a URL's
    own ``connect_timeout`` wins."""
    import contextlib
    import socket
    import threading

    from app.core.errors import BwvError
    from app.core.store import database

    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # accepts (the kernel does), never answers
    port = silent.getsockname()[1]
    monkeypatch.setattr(database, "CONNECT_TIMEOUT_S", 1)
    for libpq in ("PGCONNECT_TIMEOUT", "PGSERVICE"):
        monkeypatch.delenv(libpq, raising=False)
    outcome: list[BaseException] = []

    def open_store(url: str) -> None:
        try:
            database.Store(url, tmp_path / "data")
        except BaseException as exc:  # told to the test's thread
            outcome.append(exc)

    try:
        for url in (f"postgresql+psycopg://officer:s3cret@127.0.0.1:{port}/bwv",
                    f"postgresql+psycopg://officer@127.0.0.1:{port}/bwv?connect_timeout=2"):
            worker = threading.Thread(target=open_store, args=(url,), daemon=True)
            worker.start()
            worker.join(60)
            assert not worker.is_alive(), f"{url}: still waiting for the server after 60 s"
            error = outcome.pop()
            assert isinstance(error, BwvError), repr(error)
            assert f"127.0.0.1:{port}" in str(error) and "s3cret" not in str(error), error
        made: list[dict[str, object]] = []
        create = database._create
        monkeypatch.setattr(database, "_create", lambda parsed, url, **kwargs: made.append(
            kwargs.get("connect_args", {})) or create(parsed, url, **kwargs))
        base = "postgresql+psycopg://u@127.0.0.1/bwv"
        for url in (base, base.replace("+psycopg", "+psycopg2"), f"{base}?connect_timeout=7",
                    f"{base}?service=bwv", base.replace("+psycopg", "+pg8000")):
            with contextlib.suppress(BwvError):  # (pg8000 is not installed: no matter)
                database.make_engine(url)
        timeouts = [m.get("connect_timeout") for m in made]  # (keepalives: test_store_busy)
        assert timeouts == [1, 1, None, None, None], made
        assert made[-2] == {} and made[-1] == {}  # (a service's file, or not libpq)
        for libpq in ("PGCONNECT_TIMEOUT", "PGSERVICE"):  # libpq's own settings win too
            monkeypatch.setenv(libpq, "3")
            database.make_engine(base)
            assert "connect_timeout" not in made[-1]
            monkeypatch.delenv(libpq)
    finally:
        silent.close()


@pytest.mark.parametrize("text,seconds", [("90", 90.0), ("1:30", 90.0), ("01:01:30.5", 3690.5)])
def test_parse_time(text: str, seconds: float) -> None:
    assert parse_time(text) == seconds
    assert parse_time(format_time(seconds)) == seconds


@pytest.mark.parametrize("text", ["", "abc", "-1", "1:75", "1::2"])
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(InvalidInputError):
        parse_time(text)
