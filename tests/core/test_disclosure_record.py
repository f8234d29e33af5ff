"""The disclosure record says what was really done to the sound, in readable times."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.casework.disclosure_pack import RECORD_HTML, _sound, build_pack
from app.core.store.database import Store
from app.core.store.models import User
from tests.conftest import make_approved_export

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _text(record: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", record))


def test_record_names_the_muted_range_and_shows_no_raw_timestamps(
        store: Store, tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QTextDocument

    from app.ui.pdf import render_pdf

    with store.read() as session:  # the store's first user, its administrator, if any
        first = session.scalars(select(User).order_by(User.id)).first()
        admin = first.name if first is not None else "admin"
    export_id, _out = make_approved_export(store, tmp_path, admin)  # mutes 1.0-1.5 s
    rendered: list[str] = []

    def pdf(record: str, path: Path) -> None:
        rendered.append(record)
        render_pdf(record, path)

    pack = build_pack(store, "officer", export_id, tmp_path, render_pdf=pdf)
    assert rendered == [pack.record_html]
    assert (pack.path / "disclosure-record.pdf").stat().st_size > 0
    document = QTextDocument()
    document.setHtml(pack.record_html)
    for text in (_text((pack.path / RECORD_HTML).read_text(encoding="utf-8")),
                 document.toPlainText()):  # the text laid out on the PDF's pages
        assert "kept, 1 range muted (00:01.0–00:01.5)" in text
        assert not re.search(r"Sound\s+keep\b", text)
        assert not ISO_TIME.search(text), ISO_TIME.search(text)
        assert "1.000-1.500 s" not in text and "00:00.0–00:01.917" in text  # mute, plate box
        assert re.search(r"sup\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\s+checked", text)
        assert re.search(r"Exported\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", text)
        assert re.search(r"Made \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by officer", text)


@pytest.mark.parametrize(("plan", "audio", "expected"), [
    ({"audio": "keep", "mute": []}, [{"action": "copied bit-exact"}], "kept unchanged"),
    ({"audio": "drop", "mute": [{"start_s": 1.0, "end_s": 2.0}]}, [], "removed"),
    ({"audio": "keep", "mute": []}, [], "none (the recording has no sound)"),
    ({"audio": "keep", "mute": [{"start_s": 1.0, "end_s": 2.25},
                                {"start_s": 65.5, "end_s": 3725.125}]},
     [{"action": "re-encoded (aac) with muted ranges"}],
     "kept, 2 ranges muted (00:01.0–00:02.25, 01:05.5–01:02:05.125)"),
    # a disguised voice is said apart, never "muted" (a review found it called muted)
    ({"audio": "keep", "audio_ranges": [
        {"start_s": 2.0, "end_s": 2.5, "action": "disguise"},
        {"start_s": 5.0, "end_s": 5.5, "action": "mute"},
        {"start_s": 7.0, "end_s": 7.5, "action": "bleep"}]},
     [{"action": "re-encoded (aac) with muted ranges"}],
     "kept, 1 range muted (00:05.0–00:05.5); 1 range bleeped (00:07.0–00:07.5); 1 range "
     "voice disguised (pitch-shifted: not anonymisation, its words can still be understood) "
     "(00:02.0–00:02.5)"),
])
def test_sound_line(plan: dict[str, object], audio: list[dict[str, str]],
                    expected: str) -> None:
    assert _sound(plan, {"plan": plan, "audio": audio}) == expected


def _record_of(manifest: dict[str, object]) -> str:
    """The disclosure record's text for an export with ``manifest`` (made-up case, footage,
    export and approval)."""
    from datetime import UTC, date, datetime
    from types import SimpleNamespace

    from app.core.casework.disclosure_pack import disclosure_record

    case = SimpleNamespace(reference="SAR-1", case_type=SimpleNamespace(value="subject_access"),
                           status=SimpleNamespace(value="in_review"), deadline=date(2027, 1, 1),
                           exemption="", received_on=date(2026, 12, 1),
                           requester_reference="R1")
    footage = SimpleNamespace(id=1, file_name="clip.mp4", fps=10.0, recorded_at=None,
                              sha256="ab" * 32)
    export = SimpleNamespace(created_at=datetime(2026, 12, 2, tzinfo=UTC),
                             manifest_sha256="cd" * 32, path="/out/clip.mp4",
                             sha256="ef" * 32, size_bytes=1000, plan_sha256="12" * 32)
    return _text(disclosure_record(case, footage, export, manifest,  # type: ignore[arg-type]
                                   {"by": "sup", "at": "2026-12-02T10:00:00+00:00"}, {},
                                   "officer", "2026-12-02 10:00 UTC"))


def test_text_regions_have_their_own_table_in_the_record() -> None:
    """A number plate kept visible is listed under text regions, not among the people."""
    record = _record_of({"tracks": [
        {"id": 1, "category": "face", "first_frame": 0, "last_frame": 20, "action": "redacted"},
        {"id": 2, "category": "text", "first_frame": 5, "last_frame": 25,
         "action": "kept visible", "reason": "Police vehicle"}], "plan": {}})
    people, texts = record.split("People (face tracks")[1].split(
        "Text regions (number plates, screens, documents)")
    assert "redacted" in people and "Police vehicle" not in people
    assert "kept visible" in texts and "Police vehicle" in texts


@pytest.mark.parametrize("inverse", [False, True])
def test_the_method_says_heads_were_left_only_when_they_were(inverse: bool) -> None:
    """With heads left visible by the plan, an inverse export still hides them: the record
    said they were left visible (found by a read-only hunt)."""
    record = _record_of({"tracks": [], "plan": {"hide_heads": False, "inverse": inverse}})
    assert ("seen from behind left visible" in record) is not inverse


def test_the_signed_c2pa_action_counts_mutes_bleeps_and_disguises_apart() -> None:
    """The plan's audio ranges are counted (a review found "muted_ranges: 0" for every plan
    made since ranges replaced the old mute list), and a disguise is never a mute."""
    from app.core.export.pipeline import c2pa_summary

    data = {"redaction": {"tracks_redacted": 3, "tracks_kept_visible": 1, "manual_boxes": 0,
                          "redacted_frames": 90},
            "plan": {"mute": [{"start_s": 0.0, "end_s": 1.0}], "audio_ranges": [
                {"start_s": 2.0, "end_s": 2.5, "action": "disguise"},
                {"start_s": 5.0, "end_s": 5.5, "action": "mute"},
                {"start_s": 7.0, "end_s": 7.5, "action": "bleep"}]}}
    assert c2pa_summary(data) == {"tracks_redacted": 3, "tracks_kept_visible": 1,
                                  "manual_boxes": 0, "redacted_frames": 90,
                                  "muted_ranges": 2, "bleeped_ranges": 1,
                                  "disguised_ranges": 1}
