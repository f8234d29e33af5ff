"""``bwv`` for evidence integrity: signed events, state replay, anchors, the witness."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from app.core.settings import load_settings
from app.core.store.database import Store
from tests.cli.test_cli import run

ADMIN_PW = "admin password 1"


def _root_and_olive(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The first administrator, root (signed in from here on), and an officer, olive."""
    monkeypatch.setenv("BWV_USER", "root")
    monkeypatch.setenv("BWV_NEW_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "init", "root")[0] == 0
    monkeypatch.setenv("BWV_NEW_PASSWORD", "officer password")
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer")[0] == 0


@pytest.mark.password_sign_in
def test_signed_trail_anchor_replay_and_witness_from_the_command_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    _root_and_olive(capsys, monkeypatch)
    code, out, _ = run(capsys, "user", "list")
    assert code == 0 and "signing key" in out and "none" not in out  # both can sign
    safe = tmp_path / "safe"
    safe.mkdir()
    code, out, _ = run(capsys, "audit", "anchor", "-o", str(safe / "today"))
    assert code == 0 and "signed by root" in out
    anchor = json.loads((safe / "today.bwv-anchor.json").read_text())
    assert anchor["signed_by"] == "root" and len(anchor["signature"]) == 128
    code, out, _ = run(capsys, "audit", "verify", "--anchors", str(safe))
    assert code == 0, out
    assert "TAMPERED" not in out and "Anchors: 1 of 1 held by the store" in out
    assert "0 unsigned" in out and "State: users, footage" in out

    settings = load_settings()
    with Store(settings.effective_database_url, settings.data_path) as store:
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE users SET role='administrator' WHERE name='olive'"))
        witness = store.data_dir / "audit-witness" / f"{store.store_id}.json"
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 1 and "TAMPERED (users)" in out and "olive" in out
    with Store(settings.effective_database_url, settings.data_path) as store, \
            store.engine.begin() as conn:
        conn.execute(text("UPDATE users SET role='disclosure_officer' WHERE name='olive'"))

    witness.unlink()
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "was deleted" in out
    assert not witness.exists()  # never re-created by itself
    code, _, err = run(capsys, "audit", "witness", "--reset", "--reason", " ")
    assert code == 2 and "reason" in err
    code, out, _ = run(capsys, "audit", "witness", "--reset", "--reason", "anchors checked")
    assert code == 0 and witness.exists()
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "was deleted" not in out

    code, _, err = run(capsys, "user", "workstation-role", "bwv_workstation")
    assert code == 2 and "PostgreSQL" in err


@pytest.mark.password_sign_in
def test_root_hand_over_and_vouching_from_the_command_line(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A store made before signing whose first account left: an administrator takes over
    the root; an officer reads out her key's fingerprint and the administrator vouches."""
    from tests.core.test_key_registry import _upgraded_store_without_its_first_account

    settings = load_settings()
    with Store(settings.effective_database_url, settings.data_path) as store:
        _upgraded_store_without_its_first_account(store)
    monkeypatch.setenv("BWV_USER", "olive")
    monkeypatch.setenv("BWV_PASSWORD", "olive's long password")
    code, out, err = run(capsys, "user", "claim-root", "--reason", "me")
    assert code != 0 and "take over the store's root key" in err, err
    code, out, _ = run(capsys, "user", "key")
    assert code == 0 and "NOT vouched" in out
    fingerprint = out.split("Your signing key: ")[1].split(" (")[0]

    monkeypatch.setenv("BWV_USER", "alice")
    monkeypatch.setenv("BWV_PASSWORD", "alice's long password")
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "alice, olive" in out  # neither key vouched for yet
    code, _, err = run(capsys, "user", "vouch", "olive", "--fingerprint", fingerprint)
    assert code != 0 and "vouched for" in err  # alice's own key is not yet vouched for
    code, out, _ = run(capsys, "user", "claim-root", "--reason", "boss retired")
    assert code == 0 and "now the store's root" in out
    code, _, err = run(capsys, "user", "vouch", "olive", "--fingerprint", "1234 5678 9abc def0")
    assert code != 0 and "not the fingerprint" in err
    code, out, _ = run(capsys, "user", "vouch", "olive", "--fingerprint", fingerprint)
    assert code == 0 and fingerprint in out
    code, out, _ = run(capsys, "user", "list")
    rows = {line.split()[0]: line for line in out.splitlines() if line.strip()}
    assert "root" in rows["alice"].split()[-1] and rows["olive"].split()[-1] == "vouched"
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "TAMPERED" not in out and "vouched for the signing keys" not in out


@pytest.mark.password_sign_in
def test_verify_on_a_computer_without_a_witness_says_so(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Review 4: verify's own sign-in is a change, after which a first witness is written at
    whatever head the store has (perhaps cut back): verify must judge the witness as it was
    before it signed in, and say that this computer has none."""
    import shutil

    from app.core.settings import config_dir

    monkeypatch.setenv("BWV_USER", "root")
    monkeypatch.setenv("BWV_NEW_PASSWORD", ADMIN_PW)
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "init", "root")[0] == 0
    settings = load_settings()
    with Store(settings.effective_database_url, settings.data_path) as store:
        witness = store.data_dir / "audit-witness"
    shutil.rmtree(witness)
    shutil.rmtree(config_dir() / "audit-witnessed")  # another computer: never held one
    code, out, _ = run(capsys, "audit", "verify")
    assert code == 0 and "holds no witness" in out, out


@pytest.mark.password_sign_in
def test_a_value_edited_into_the_store_is_named_not_an_internal_error(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _root_and_olive(capsys, monkeypatch)
    settings = load_settings()

    def edit(sql: str) -> None:
        with Store(settings.effective_database_url, settings.data_path) as store, \
                store.engine.begin() as conn:
            conn.execute(text(sql))

    edit("UPDATE users SET created_at='yesterday' WHERE name='olive'")
    code, out, err = run(capsys, "user", "list")
    assert code == 2 and "internal error" not in err, err
    assert "holds 'yesterday' where a date and time belongs" in err
    assert "Run 'bwv audit verify' to list them." in err
    code, out, err = run(capsys, "audit", "verify")
    assert code == 1 and "internal error" not in err, err
    assert "UNREADABLE: users #2, created_at: 'yesterday'" in out
    assert "OK: " in out  # the chain was still walked
    edit("UPDATE users SET role='chief' WHERE name='root'")  # the one signing in, too
    code, out, err = run(capsys, "audit", "verify")
    assert code == 1 and "Not signed in: The evidence store holds 'chief'" in err, err
    assert "UNREADABLE: users #1, role (changed outside BWV Studio)" in out  # where, not
    assert "UNREADABLE: users #2, created_at (changed" in out  # what: no one signed in
    assert "yesterday" not in out
