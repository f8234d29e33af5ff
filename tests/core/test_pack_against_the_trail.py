"""A disclosure pack vouches only for the bytes the export's own audit event vouches for.

Someone who can edit the database file and the export's folder (no password, no key) can
replace an approved export's video, fix its manifest's output hash and the ``exports`` row
to match: the files then agree with the row, but not with the export's ``export.create``
event (hash-chained and signed), which the pack is checked against.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.core.casework.disclosure_pack import build_pack
from app.core.casework.export_event import recorded_export
from app.core.errors import BwvError, ConflictError, MediaError
from app.core.integrity.anchors import write_checkpoint
from app.core.people.users import resolve_actor
from app.core.sign_in import accounts
from app.core.store import audit
from app.core.store.database import Store
from app.core.store.models import AuditEvent, ExportRecord
from app.verifier.bundle_check import check
from app.verifier.findings import Outcome
from tests.conftest import make_approved_export

PASSWORDS = {"officer": "officer's long password", "sup": "supervisor's long password"}


Made = tuple[Store, int, Path, Path]


@pytest.fixture(params=["signed", "os_user"])
def made(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Made]:
    """An approved export of case SAR-9 in a store on an SQLite file: with passwords (every
    event signed), or with sign-in by operating-system name (no signatures). Returns the
    store, the export's number, its folder and the original recording it was made from.
    Something is done after the export (a checkpoint), so its event is not the newest."""
    with Store(f"sqlite:///{tmp_path / 'store.sqlite3'}", tmp_path / "data") as store:
        if request.param == "signed":
            with store.transaction() as session:
                accounts.create_first_administrator(session, "admin",
                                                    "admin's long password")
            export_id, out = make_approved_export(store, tmp_path, "admin", PASSWORDS)
        else:
            export_id, out = make_approved_export(store, tmp_path, "admin")
        with store.transaction() as session:
            write_checkpoint(session, store.store_id, resolve_actor(session, "officer"),
                             tmp_path / "head.bwv-anchor.json")
        yield store, export_id, out, tmp_path / "bwv.mp4"


def _sql(store: Store, sql: str, **params: object) -> None:
    """An edit of the database file itself (no app, no password)."""
    with store.engine.begin() as conn:
        conn.execute(text(sql), params)


def _replace_video_as_the_hunter_did(store: Store, export_id: int, out: Path,
                                     original: Path) -> None:
    """The export's video becomes the unredacted original plus one byte; the manifest's
    output hash and size and the row's sha256, size_bytes and manifest_sha256 follow it."""
    video = original.read_bytes() + b"\0"
    (out / "SAR-9.mp4").write_bytes(video)
    sha = hashlib.sha256(video).hexdigest()
    manifest = json.loads((out / "SAR-9.manifest.json").read_text(encoding="utf-8"))
    manifest["output"]["sha256"], manifest["output"]["size_bytes"] = sha, len(video)
    manifest_text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (out / "SAR-9.manifest.json").write_text(manifest_text, encoding="utf-8")
    _sql(store, "UPDATE exports SET sha256=:sha, size_bytes=:size, manifest_sha256=:msha "
         "WHERE id=:id", sha=sha, size=len(video),
         msha=hashlib.sha256(manifest_text.encode()).hexdigest(), id=export_id)


def _drop_audit_triggers(store: Store) -> None:
    _sql(store, "DROP TRIGGER audit_events_no_update")
    _sql(store, "DROP TRIGGER audit_events_no_delete")


def _export_event(store: Store, export_id: int) -> AuditEvent:
    with store.read() as session:
        return session.scalars(select(AuditEvent).where(
            AuditEvent.action == "export.create",
            AuditEvent.object_id == str(export_id))).one()


def _refused(store: Store, export_id: int, tmp_path: Path, error: type[BwvError],
             *words: str) -> None:
    """Packing (as a folder and as a zip) is refused with a message holding ``words``, and
    nothing that looks like a pack, finished or not, is left, nor any pack recorded."""
    packs = tmp_path / "packs"
    packs.mkdir(exist_ok=True)
    for as_zip in (False, True):
        with pytest.raises(error) as raised:
            build_pack(store, "officer", export_id, packs, as_zip=as_zip)
        for word in words:
            assert word in str(raised.value), (word, str(raised.value))
        assert list(packs.iterdir()) == []
    with store.read() as session:
        assert session.scalars(select(AuditEvent).where(
            AuditEvent.action == "pack.create")).first() is None


def test_an_untouched_export_is_packed_and_the_pack_verifies(
        made: Made, tmp_path: Path) -> None:
    store, export_id, out, _original = made
    recorded = json.loads(_export_event(store, export_id).details)
    packs = tmp_path / "packs"
    packs.mkdir()
    folder = build_pack(store, "officer", export_id, packs)
    packed_zip = build_pack(store, "officer", export_id, packs, as_zip=True)
    assert folder.files["SAR-9.mp4"] == recorded["sha256"]
    assert folder.files["SAR-9.manifest.json"] == recorded["manifest_sha256"]
    assert (folder.path / "SAR-9.mp4").read_bytes() == (out / "SAR-9.mp4").read_bytes()
    if _export_event(store, export_id).signature is None:
        return  # bwv-verify fails an unsigned seal (nothing proves who made it)
    for target in (folder.path, packed_zip.path):
        assert [f.message for f in check(target).findings
                if f.outcome is Outcome.FAIL] == [], target


def test_a_video_replaced_with_its_manifest_and_row_is_not_packed(
        made: Made, tmp_path: Path) -> None:
    store, export_id, out, original = made
    _replace_video_as_the_hunter_did(store, export_id, out, original)
    seq = _export_event(store, export_id).seq
    _refused(store, export_id, tmp_path, MediaError, f"export #{export_id}",
             str(out.resolve() / "SAR-9.mp4"), "redacted video", f"event #{seq}",
             "not the one the audit trail recorded")


def test_a_manifest_replaced_with_its_row_is_not_packed(
        made: Made, tmp_path: Path) -> None:
    """The video is the real one, but the manifest says a face was left on purpose."""
    store, export_id, out, _original = made
    manifest = json.loads((out / "SAR-9.manifest.json").read_text(encoding="utf-8"))
    manifest["plan"].setdefault("reasons", {})["track:1"] = "Requester - kept visible"
    manifest_text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (out / "SAR-9.manifest.json").write_text(manifest_text, encoding="utf-8")
    _sql(store, "UPDATE exports SET manifest_sha256=:msha WHERE id=:id",
         msha=hashlib.sha256(manifest_text.encode()).hexdigest(), id=export_id)
    _refused(store, export_id, tmp_path, MediaError, f"export #{export_id}",
             str(out.resolve() / "SAR-9.manifest.json"), "the manifest of export")


def test_an_export_event_rewritten_to_match_is_not_trusted(
        made: Made, tmp_path: Path) -> None:
    """The forger also writes the new hashes into the export's event and re-hashes it: its
    link to the next event breaks (and, signed, its signature no longer verifies)."""
    store, export_id, out, original = made
    _replace_video_as_the_hunter_did(store, export_id, out, original)
    with store.read() as session:
        row = session.get(ExportRecord, export_id)
        assert row is not None
        new = {"sha256": row.sha256, "size_bytes": row.size_bytes,
               "manifest_sha256": row.manifest_sha256}
    event = _export_event(store, export_id)
    details = {**json.loads(event.details), **new}
    event.details = audit.canonical_json(details)
    _drop_audit_triggers(store)
    _sql(store, "UPDATE audit_events SET details=:d, hash=:h WHERE seq=:seq",
         d=event.details, h=audit.event_hash(event), seq=event.seq)
    _refused(store, export_id, tmp_path, ConflictError, f"export #{export_id}",
             f"event #{event.seq}", "was altered or is not signed")


def test_an_export_event_re_signed_by_another_key_is_not_trusted(
        made: Made, tmp_path: Path) -> None:
    """Rewritten with every later link re-hashed (the chain then walks cleanly): only the
    signature, checked with the key the trail registered for the exporter, can tell."""
    store, export_id, out, original = made
    if _export_event(store, export_id).signature is None:
        pytest.skip("an unsigned store proves nothing about who wrote an event")
    from app.core.chain import signing

    _replace_video_as_the_hunter_did(store, export_id, out, original)
    _drop_audit_triggers(store)
    forger = signing.new_key()
    with store.transaction() as session:
        row = session.get(ExportRecord, export_id)
        assert row is not None
        prev = audit.GENESIS_HASH
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)):
            if event.action == "export.create" and event.object_id == str(export_id):
                event.details = audit.canonical_json({
                    **json.loads(event.details), "sha256": row.sha256,
                    "size_bytes": row.size_bytes, "manifest_sha256": row.manifest_sha256})
                seq = event.seq
            if event.prev_hash != prev or audit.event_hash(event) != event.hash:
                event.prev_hash = prev
                event.hash = audit.event_hash(event)
                event.signature = signing.sign_event(forger, event.hash)
            prev = event.hash
    _refused(store, export_id, tmp_path, ConflictError, f"export #{export_id}",
             f"event #{seq}", "was altered or is not signed")


def test_an_export_without_its_event_is_not_packed(
        made: Made, tmp_path: Path) -> None:
    store, export_id, out, original = made
    _replace_video_as_the_hunter_did(store, export_id, out, original)
    _drop_audit_triggers(store)
    _sql(store, "DELETE FROM audit_events WHERE seq=:seq",
         seq=_export_event(store, export_id).seq)
    _refused(store, export_id, tmp_path, ConflictError, f"export #{export_id}",
             str(out.resolve() / "SAR-9.mp4"), "holds no record of export")


@pytest.mark.parametrize("column", ["plan_sha256", "case_id", "footage_id"])
def test_a_row_that_is_not_the_recorded_export_is_refused(
        made: Made, column: str) -> None:
    store, export_id, _out, _original = made
    with store.read() as session:
        row = session.get(ExportRecord, export_id)
        assert row is not None
        with session.no_autoflush:  # changed here only, never written
            setattr(row, column, "0" * 64 if column == "plan_sha256" else 999)
            with pytest.raises(ConflictError, match=f"Export #{export_id} in the store is not"):
                recorded_export(session, row)
        session.rollback()
