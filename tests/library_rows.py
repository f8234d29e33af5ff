"""Many footage rows and cases written straight into a store (no files): for the library's
paging tests and the force-scale benchmark (bench/library_scale.py)."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select, text

from app.core.store.database import Store
from app.core.store.models import Case, CaseStatus, CaseType, Footage, case_footage

BASE = datetime(2026, 1, 1, tzinfo=UTC)
CHUNK = 10_000


def add_library(store: Store, footage: int, cases: int, seed: int = 7,
                links_per_case: int = 5) -> None:
    """``footage`` items named ``bwv_<device>_<n>.mp4`` recorded over a year by 500 devices
    and 2,000 officers (some unknown), and ``cases`` cases (references ``SAR-<n>`` and
    ``FOI-<n>``, every fifth one closed) each linked to ``links_per_case`` random items."""
    rng = random.Random(seed)
    with store.transaction() as session:
        start = int(session.scalar(select(Footage.id).order_by(Footage.id.desc())) or 0)
        first_case = int(session.scalar(select(Case.id).order_by(Case.id.desc())) or 0)
    rows: list[dict[str, object]] = []
    for n in range(start + 1, start + footage + 1):
        recorded = BASE + timedelta(seconds=rng.randrange(365 * 86_400))
        device = f"BWV{rng.randrange(500):04d}"
        frames = rng.randrange(300, 36_000)
        rows.append({
            "id": n, "original_path": f"/dock/{device}/clip_{n}.mp4",
            "file_name": f"bwv_{device}_{n:06d}.mp4", "sha256": f"{n:064x}",
            "size_bytes": rng.randrange(10_000_000, 900_000_000), "file_mtime_ns": n,
            "container": "mov,mp4,m4a,3gp,3g2,mj2", "video_codec": "h264",
            "audio_codecs": "aac", "width": 1920 if n % 3 else 1280,
            "height": 1080 if n % 3 else 720, "rotation": 0, "fps": 30.0,
            "variable_frame_rate": False, "frame_count": frames,
            "duration_s": frames / 30.0, "audio_streams": [], "media_metadata": {},
            "recorded_at": recorded if n % 50 else None, "device_id": device,
            "officer_id": f"PC{rng.randrange(2000):04d}" if n % 7 else None,
            "ingested_at": recorded + timedelta(hours=8), "ingested_by_id": None,
            "retention_until": recorded + timedelta(days=31) if n % 11 else None,
            "evidential": n % 11 == 0, "legal_hold": False})
    case_rows = [{"id": c, "reference": f"{'SAR' if c % 2 else 'FOI'}-{c:05d}",
                  "title": "", "case_type": (CaseType.SUBJECT_ACCESS if c % 2
                                             else CaseType.FOI),
                  "status": CaseStatus.CLOSED if c % 5 == 0 else CaseStatus.RECEIVED,
                  "created_at": BASE, "requester_name": "", "requester_reference": "",
                  "requester_contact": ""}
                 for c in range(first_case + 1, first_case + cases + 1)]
    top = start + footage
    links = {(c, rng.randrange(1, top + 1)) for c in range(first_case + 1,
                                                           first_case + cases + 1)
             for _ in range(links_per_case)} if top else set()
    link_rows = [{"case_id": c, "footage_id": f, "linked_at": BASE} for c, f in sorted(links)]
    with store.transaction() as session:
        for table, chunked in ((Footage, rows), (Case, case_rows),
                               (case_footage, link_rows)):
            for i in range(0, len(chunked), CHUNK):
                session.execute(insert(table), chunked[i:i + CHUNK])
        if session.get_bind().dialect.name == "postgresql":  # ids given: move the sequences on
            for name in ("footage", "cases"):
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                     f"(SELECT max(id) FROM {name}))"))
