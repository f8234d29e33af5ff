"""``bwv`` accounts, found by a read-only hunt: the only administrator locked by anyone's
guesses, speech-pack approval on SQLite, a password typed as the user name, blank passwords,
unprintable user names and a database password in an error message."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.core.sign_in import lockout
from tests.cli.test_cli import run
from tests.core.test_speech_model_pack import _pack

ADMIN_PW = "admin password 1"
SUE_PW = "supervisor pass"
DAVE_PW = "DavePass1234"


def _store_with_people(capsys: pytest.CaptureFixture[str],
                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BWV_USER", "admin")
    monkeypatch.setenv("BWV_NEW_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "init", "admin")[0] == 0
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    for name, role, password in (("sue", "supervisor", SUE_PW),
                                 ("dave", "disclosure_officer", DAVE_PW)):
        monkeypatch.setenv("BWV_NEW_PASSWORD", password)
        assert run(capsys, "user", "add", name, "--role", role)[0] == 0


def _as(monkeypatch: pytest.MonkeyPatch, name: str, password: str) -> None:
    monkeypatch.setenv("BWV_USER", name)
    monkeypatch.setenv("BWV_PASSWORD", password)


def _trail(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> str:
    _as(monkeypatch, "admin", ADMIN_PW)
    code, out, _ = run(capsys, "audit", "export", "--all", "--format", "jsonl")
    assert code == 0
    return out


@pytest.mark.password_sign_in
def test_guesses_hold_the_only_administrator_for_a_while_then_they_sign_in(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 1 (t9_lock_last_admin.sh): five wrong passwords locked 'admin' for good."""
    _store_with_people(capsys, monkeypatch)
    for i in range(5):
        _as(monkeypatch, "admin", f"guess{i}-xxxxx")
        assert run(capsys, "case", "list")[0] == 2
    _as(monkeypatch, "admin", ADMIN_PW)
    code, _, err = run(capsys, "user", "list")
    assert code == 2 and "opens again by itself at" in err and "unlock admin" not in err
    _as(monkeypatch, "sue", SUE_PW)
    code, _, err = run(capsys, "user", "unlock", "admin", "--reason", "locked out")
    assert code == 2 and "only an administrator" in err
    real = lockout._now
    monkeypatch.setattr(lockout, "_now", lambda: real() + timedelta(minutes=16))
    _as(monkeypatch, "admin", ADMIN_PW)
    code, out, _ = run(capsys, "user", "list")
    assert code == 0 and "sue" in out
    events = [json.loads(line) for line in _trail(capsys, monkeypatch).splitlines()]
    locked = [e for e in events if e["action"] == "user.locked"]
    assert len(locked) == 1 and "opens_at" in json.dumps(locked[0])
    assert run(capsys, "audit", "verify")[0] == 0
    # an officer's lock still lasts until an administrator lifts it
    for _ in range(5):
        _as(monkeypatch, "dave", "a wrong guess")
        run(capsys, "case", "list")
    _as(monkeypatch, "dave", DAVE_PW)
    monkeypatch.setattr(lockout, "_now", lambda: real() + timedelta(days=3))
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "bwv user unlock dave" in err


@pytest.mark.password_sign_in
def test_an_administrator_approves_a_speech_pack_on_sqlite(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Item 2 (t3_pack_approve.sh): 'database is locked' after ten seconds, every time."""
    _store_with_people(capsys, monkeypatch)
    pack = _pack(tmp_path / "pack")
    _as(monkeypatch, "sue", SUE_PW)
    code, _, err = run(capsys, "speech-pack", "approve", str(pack))
    assert code == 2 and "administrator" in err and "locked" not in err
    _as(monkeypatch, "admin", ADMIN_PW)
    code, out, err = run(capsys, "speech-pack", "approve", str(pack))
    digest = hashlib.sha256((pack / "SHA256SUMS").read_bytes()).hexdigest()
    assert code == 0 and digest in out, err
    assert digest in run(capsys, "speech-pack", "list")[1]


@pytest.mark.password_sign_in
def test_a_password_typed_as_the_user_name_is_not_kept(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 3 (t7_name_as_password.sh)."""
    _store_with_people(capsys, monkeypatch)
    _as(monkeypatch, DAVE_PW, "dave")
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "Wrong user name or password" in err and DAVE_PW not in err
    trail = _trail(capsys, monkeypatch)
    assert DAVE_PW not in trail
    failed = [json.loads(line) for line in trail.splitlines()
              if '"user.sign_in_failed"' in line]
    assert [e["actor"] for e in failed] == ["(unknown name)"]
    assert failed[0]["details"] == {"reason": "unknown_name", "name_length": len(DAVE_PW)}


@pytest.mark.password_sign_in
def test_blank_passwords_and_unprintable_names_are_refused(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Items 4 and 5 (t8_edges.sh)."""
    monkeypatch.setenv("BWV_USER", "admin")
    monkeypatch.setenv("BWV_NEW_PASSWORD", " " * 10)
    code, _, err = run(capsys, "user", "init", "admin")
    assert code == 2 and "only spaces" in err
    _store_with_people(capsys, monkeypatch)
    monkeypatch.setenv("BWV_NEW_PASSWORD", " " * 10)
    code, _, err = run(capsys, "user", "passwd", "dave")
    assert code == 2 and "only spaces" in err
    monkeypatch.setenv("BWV_NEW_PASSWORD", "xxxxxxxxxxxx")
    for name in ("bad\nname", "nul\x01x", "esc\x1b[31m"):
        code, _, err = run(capsys, "user", "add", name, "--role", "case_staff")
        assert code == 2 and "characters that do not print" in err
    out = run(capsys, "user", "list")[1]
    assert "bad" not in out and "nul" not in out and "esc" not in out
    monkeypatch.setenv("BWV_NEW_PASSWORD", "with inner spaces")
    assert run(capsys, "user", "passwd", "dave")[0] == 0
    _as(monkeypatch, "dave", "with inner spaces")
    assert run(capsys, "case", "list")[0] == 0


def test_no_part_of_a_database_password_is_printed(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Item 6: the driver's 'failed to resolve host 'RETPW@127.0.0.1'' was printed."""
    url = "postgresql+psycopg://u:SEC@RETPW@127.0.0.1:1/db"
    code, out, err = run(capsys, "--database", url, "case", "list")
    assert code != 0 and "Cannot open the database" in err
    assert "RETPW" not in out + err and "SEC" not in out + err
