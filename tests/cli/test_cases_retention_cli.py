"""``bwv`` for accounts with passwords, the case flow, packs, retention and export checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import run
from tests.conftest import make_video

ADMIN_PW = "admin password 1"


@pytest.mark.password_sign_in
def test_password_sign_in_from_the_first_administrator(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BWV_USER", "root")
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "no accounts yet" in err and "bwv user init" in err
    monkeypatch.setenv("BWV_NEW_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "init", "root")[0] == 0
    monkeypatch.delenv("BWV_PASSWORD", raising=False)
    code, _, err = run(capsys, "case", "list")  # no terminal, no BWV_PASSWORD
    assert code == 2 and "BWV_PASSWORD" in err
    monkeypatch.setenv("BWV_PASSWORD", "not the password")
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "Wrong user name or password" in err
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    assert run(capsys, "case", "list")[0] == 0
    monkeypatch.setenv("BWV_NEW_PASSWORD", "officer password")
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer")[0] == 0
    code, out, _ = run(capsys, "user", "list")
    assert "olive" in out and "disclosure_officer" in out
    monkeypatch.setenv("BWV_USER", "olive")
    monkeypatch.setenv("BWV_PASSWORD", "officer password")
    code, _, err = run(capsys, "user", "add", "x", "--role", "supervisor")
    assert code == 2 and "only an administrator can add users" in err
    assert run(capsys, "case", "create", "FOI-1", "--type", "foi")[0] == 0
    code, out, _ = run(capsys, "audit", "export", "--all", "--format", "jsonl")
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions.count("user.sign_in_failed") == 1 and "case.create" in actions


def test_case_flow_requester_and_retention_from_the_command_line(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    old = make_video(tmp_path / "old.mp4", frames=6,
                     metadata={"creation_time": "2020-01-01T08:00:00Z"})
    assert run(capsys, "ingest", str(old))[0] == 0
    assert run(capsys, "case", "create", "SAR-1", "--type", "subject_access")[0] == 0
    assert run(capsys, "case", "requester", "SAR-1", "--name", "Jane Example",
               "--their-reference", "JE-1")[0] == 0
    code, out, _ = run(capsys, "case", "show", "SAR-1")
    assert "Jane Example" in out and "Next status: in_review, refused, closed" in out
    code, _, err = run(capsys, "case", "status", "SAR-1", "approved")
    assert code == 2 and "cannot go to approved" in err
    code, _, err = run(capsys, "case", "status", "SAR-1", "closed")
    assert code == 2 and "Say why" in err
    code, out, _ = run(capsys, "case", "status", "SAR-1", "closed", "--reason", "withdrawn")
    assert code == 0 and "received -> closed" in out

    code, out, _ = run(capsys, "retention", "report", "--due")
    assert code == 0 and "old.mp4" in out and "1 item(s) due" in out
    code, out, _ = run(capsys, "retention", "apply", "--dry-run")
    assert code == 0 and "would mark deleted" in out and "nothing was changed" in out
    code, _, err = run(capsys, "retention", "apply")  # no terminal to confirm on
    assert code == 2 and "--yes" in err
    monkeypatch.setenv("BWV_USER", "tester")  # the administrator
    code, out, _ = run(capsys, "retention", "apply", "--yes")
    assert code == 0 and "marked deleted" in out and "1 item(s) deleted" in out
    assert old.exists()  # outside every managed folder: only marked
    code, out, _ = run(capsys, "footage", "show", "1")
    assert "DELETED" in out


def test_audit_verify_reports_a_changed_export(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path) -> None:
    video = make_video(tmp_path / "v.mp4", frames=12)
    out = tmp_path / "out.mp4"
    assert run(capsys, "redact", str(video), "-o", str(out), "--preset", "fast",
               "--no-verify")[0] == 0
    code, text, _ = run(capsys, "audit", "verify")
    assert code == 0 and "Exports: 1 match" in text
    out.write_bytes(out.read_bytes()[:-10] + b"0123456789")
    code, text, _ = run(capsys, "audit", "verify")
    assert code == 1 and "EXPORT CHANGED" in text and "OK:" in text


def test_a_forced_re_export_supersedes_the_earlier_record(capsys: pytest.CaptureFixture[str],
                                                          tmp_path: Path) -> None:
    """Issue 15, item 7: `bwv redact --force` over an earlier export made `bwv audit verify`
    fail for ever ("manifest CHANGED"): a documented action looked like tampering."""
    video = make_video(tmp_path / "v.mp4", frames=12)
    out = tmp_path / "out.mp4"
    assert run(capsys, "redact", str(video), "-o", str(out), "--preset", "fast",
               "--no-verify")[0] == 0
    assert run(capsys, "redact", "1", "-o", str(out), "--preset", "fast", "--no-verify",
               "--force", "--style", "solid")[0] == 0
    code, text, _ = run(capsys, "audit", "verify")
    assert code == 0 and "Exports: 1 match" in text and "1 replaced by a later export" in text
    out.write_bytes(out.read_bytes()[:-10] + b"0123456789")  # the newest is still checked
    code, text, _ = run(capsys, "audit", "verify")
    assert code == 1 and "EXPORT CHANGED: export #2" in text


def test_apply_deletes_only_what_was_confirmed(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import sys

    from app.core.library.retention_actions import set_legal_hold
    from app.core.people.users import add_user, resolve_actor
    from app.core.settings import load_settings
    from app.core.store.database import Store
    from app.core.store.models import Role

    old = {"creation_time": "2020-01-01T08:00:00Z"}
    first = make_video(tmp_path / "a.mp4", frames=6, metadata=old)
    second = make_video(tmp_path / "b.mp4", frames=7, metadata=old)
    assert run(capsys, "ingest", str(first), str(second))[0] == 0
    settings = load_settings()

    def hold(on: bool) -> None:
        with Store(settings.effective_database_url, settings.data_path) as store, \
                store.transaction() as session:
            if on:
                add_user(session, resolve_actor(session, "tester"), "sup", Role.SUPERVISOR)
            set_legal_hold(session, resolve_actor(session, "sup"), 2, on, "claim")

    hold(True)
    prompts: list[str] = []

    def answer(prompt: str) -> str:  # meanwhile another supervisor lifts the hold
        prompts.append(prompt)
        hold(False)
        return "y"

    monkeypatch.setattr(builtins, "input", answer)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    code, out, _ = run(capsys, "retention", "apply")
    assert "Delete these 1 item(s)" in prompts[0]
    assert code == 0 and "1 item(s) deleted" in out and "became due after the report" in out


def test_overdue_and_retention_follow_the_one_rule(capsys: pytest.CaptureFixture[str],
                                                    tmp_path: Path) -> None:
    """Issue 14, item 13: ``bwv case list`` called a closed case past its deadline OVERDUE
    (the app says "Finished"), and footage past its retention date linked to an open case
    was "overdue" although retention keeps it."""
    old = make_video(tmp_path / "old.mp4", frames=6,
                     metadata={"creation_time": "2020-01-01T08:00:00Z"})
    assert run(capsys, "ingest", str(old))[0] == 0
    for ref in ("SAR-OPEN", "SAR-DONE"):
        assert run(capsys, "case", "create", ref, "--type", "subject_access",
                   "--received", "2020-02-03")[0] == 0
    assert run(capsys, "case", "status", "SAR-DONE", "closed", "--reason", "withdrawn")[0] == 0
    out = run(capsys, "case", "list")[1]
    rows = {line.split()[0]: line for line in out.splitlines() if line.startswith("SAR-")}
    assert "OVERDUE" in rows["SAR-OPEN"]
    assert "OVERDUE" not in rows["SAR-DONE"] and "finished" in rows["SAR-DONE"]

    def retention() -> str:
        out = run(capsys, "footage", "show", "1")[1]
        return next(line for line in out.splitlines() if line.startswith("Retention:"))

    assert retention().endswith("overdue")  # 2020 footage, no case: due
    assert run(capsys, "case", "link", "SAR-OPEN", "1")[0] == 0
    assert retention().endswith("kept (open case SAR-OPEN)")
    out = run(capsys, "retention", "report")[1]
    assert "linked to open case SAR-OPEN" in out


@pytest.mark.password_sign_in
def test_failed_sign_ins_lock_an_account_and_an_administrator_unlocks_it(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BWV_USER", "root")
    monkeypatch.setenv("BWV_NEW_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "init", "root")[0] == 0
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    assert run(capsys, "user", "lockout", "2")[0] == 0
    monkeypatch.setenv("BWV_NEW_PASSWORD", "officer password")
    assert run(capsys, "user", "add", "olive", "--role", "disclosure_officer")[0] == 0
    monkeypatch.setenv("BWV_USER", "olive")
    monkeypatch.setenv("BWV_PASSWORD", "a wrong guess")
    for _ in range(2):
        assert "Wrong user name or password" in run(capsys, "case", "list")[2]
    monkeypatch.setenv("BWV_PASSWORD", "officer password")
    code, _, err = run(capsys, "case", "list")
    assert code == 2 and "locked" in err and "bwv user unlock olive" in err
    monkeypatch.setenv("BWV_USER", "root")
    monkeypatch.setenv("BWV_PASSWORD", ADMIN_PW)
    code, out, _ = run(capsys, "user", "unlock", "olive", "--reason", "called her back")
    assert code == 0 and "olive unlocked" in out
    monkeypatch.setenv("BWV_USER", "olive")
    monkeypatch.setenv("BWV_PASSWORD", "officer password")
    assert run(capsys, "case", "list")[0] == 0
