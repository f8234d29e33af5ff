"""Shared fixtures: isolated settings and data folders, a real SQLite store, test media."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.engine import make_url

from tests import pg_server

if TYPE_CHECKING:
    from app.core.store.database import Store

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("BWV_NO_AUDIO", "1")  # VLC plays to a dummy audio output in tests

# Under pytest-xdist each worker's networks get their share of the cores (as `bwv worker`
# gives each job), so two workers do not run four inference threads on two cores.
if os.environ.get("PYTEST_XDIST_WORKER_COUNT"):
    from app.core.detection.network import share_cores

    share_cores(int(os.environ["PYTEST_XDIST_WORKER_COUNT"]))

REPO = Path(__file__).resolve().parents[1]
TESTDATA = Path(os.environ.get("BWV_TESTDATA", REPO.parent / "shared" / "testdata"))
VIDEOS = TESTDATA / "videos"

# Frame counts from shared/testdata/SOURCES.md (counted by decoding, not container guesses).
EXPECTED_FRAMES = {
    "intel_face-demographics-walking.mp4": 35,
    "intel_face-demographics-walking-and-pause.mp4": 41,
    "intel_head-pose-face-detection-female-and-male.mp4": 56,
    "mmaction2_demo.mp4": 280,
    "pyfeat_WolfgangLanger_Pexels.mp4": 472,
    "pyfeat_single_face.mp4": 72,
    "pyfeat_face_noface.mov": 169,
    "pyfeat_no_face.mp4": 95,
}


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, config and log folders and a known user."""
    home = tmp_path / "bwv-home"
    monkeypatch.setenv("BWV_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("BWV_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("BWV_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg"))  # QSettings
    monkeypatch.setenv("BWV_USER", "tester")
    monkeypatch.delenv("BWV_DATABASE_URL", raising=False)
    return home


# The store-dialect tests: what the store itself does (schema, migrations, the audit chain and
# its locks, accounts and sign-in, ingest's locking, interrupted exports, and every
# tampering attack) runs on SQLite and on PostgreSQL; every other store test (services
# whose SQL is the same through SQLAlchemy) runs on SQLite only.
BOTH_DATABASES = frozenset({
    "test_accounts", "test_audit", "test_case_links", "test_case_names", "test_cluster_tls",
    "test_concurrent_clients", "test_footage_pages", "test_ingest", "test_key_registry",
    "test_jobs", "test_kill_points", "test_migrations", "test_partial_files", "test_services",
    "test_store_busy",
    "test_tampering", "test_tampering_insiders", "test_timestamps"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave out the PostgreSQL copy of tests that do not depend on the store's dialect."""
    kept, left_out = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("db_url") == "postgresql" and item.module is not None \
                and item.module.__name__.rsplit(".", 1)[-1] not in BOTH_DATABASES:
            left_out.append(item)
        else:
            kept.append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store test runs on SQLite, and for the store-dialect tests (``BOTH_DATABASES``)
    also on a throwaway PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.sqlite3'}"
        return
    server: str = request.getfixturevalue("postgres_server")
    yield from _fresh_postgres_database(server)


def _fresh_postgres_database(server: str) -> Iterator[str]:
    from sqlalchemy import create_engine, text

    name = f"bwv_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A private PostgreSQL server for the test session (or BWV_TEST_POSTGRES_URL)."""
    given = os.environ.get("BWV_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    missing = pg_server.missing()
    if missing:
        pytest.skip(missing)
    with pg_server.private_server() as url:
        yield url


@pytest.fixture
def store(db_url: str, isolated_env: Path) -> Iterator[object]:
    from app.core.store.database import Store

    s = Store(db_url, isolated_env / "data")
    yield s
    s.close()


def allow_unapproved_exports(store: Any, actor: str = "tester") -> None:
    """Turn the store's approval rule off (as ``actor``, who must be an administrator, e.g.
    the store's first user): for tests of exporting itself, not of approval (a new store
    has the rule on: tests/cli/test_redact_cli.py checks it)."""
    from app.core.people.users import resolve_actor
    from app.core.policy.store_policy import set_policy

    with store.transaction() as session:
        set_policy(session, resolve_actor(session, actor), require_approval=False)


@pytest.fixture
def videos() -> Path:
    if not VIDEOS.is_dir():
        pytest.skip(f"shared test data not found at {VIDEOS} (set BWV_TESTDATA)")
    return VIDEOS


def wider_photo(name: str, min_width: float = 20) -> tuple[Any, Any]:
    """A WIDER crowd photo of ``../shared/testdata/crowds/images`` (RGB) and its official
    face boxes ``x1, y1, x2, y2`` of ``min_width`` px or more (invalid ones left out); the
    test is skipped, saying why, when the shared images are absent."""
    import json

    import cv2
    import numpy as np

    crowds = TESTDATA / "crowds" / "images"
    if not crowds.is_dir():
        pytest.skip(f"shared crowd images not found at {crowds}")
    entry = json.loads((crowds / "wider_val_subset_gt.json").read_text())["images"][name]
    gt = np.array([[f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"]]
                   for f in entry["faces"] if not f.get("invalid") and f["w"] >= min_width],
                  np.float32).reshape(-1, 4)
    return cv2.imread(str(crowds / name))[:, :, ::-1].copy(), gt


def make_video(path: Path, frames: int = 12, size: tuple[int, int] = (64, 48), fps: int = 12,
               rotation: int = 0, audio: bool = False, metadata: dict[str, str] | None = None,
               codec: str = "libx264", aspect: Fraction | None = None) -> Path:
    """Write a small real H.264 MP4 with PyAV: a moving gradient, optional AAC tone;
    ``aspect``: its pixels' shape (sample aspect ratio), when not square."""
    import av
    import numpy as np

    w, h = size
    # use_metadata_tags keeps custom keys (device_id ...) that the MP4 muxer otherwise drops.
    with av.open(str(path), "w", options={"movflags": "use_metadata_tags"}) as out:
        if metadata:
            out.metadata.update(metadata)
        v = out.add_stream(codec, rate=fps)
        v.width, v.height, v.pix_fmt = w, h, "yuv420p"
        if rotation:
            v.set_display_rotation(rotation)
        if aspect is not None:
            v.codec_context.sample_aspect_ratio = aspect
        a = out.add_stream("aac", rate=48000) if audio else None
        pictures = []
        for i in range(frames):
            img = np.zeros((h, w, 3), np.uint8)
            img[:, :, 0] = (np.arange(w) * 4 + i * 10) % 256
            img[:, :, 1] = i * 15 % 256
            pictures.append(img)
        write_frames(out, v, a, pictures, fps)
    return path


def write_frames(out: Any, video: Any, audio: Any, pictures: list[Any], fps: int) -> None:
    """Encode RGB ``pictures`` at ``fps`` (pts 0, 1, ...), then a tone on ``audio`` if any."""
    import av

    for i, img in enumerate(pictures):
        frame = av.VideoFrame.from_ndarray(img, format="rgb24")
        frame.pts = i
        frame.time_base = Fraction(1, fps)
        out.mux(video.encode(frame))
    out.mux(video.encode())
    if audio is not None:
        mux_tone(out, audio, len(pictures) / fps, 0.2)


def mux_tone(out: object, stream: object, seconds: float, amplitude: float) -> None:
    """Encode a 440 Hz mono tone of ``seconds`` into the 48 kHz audio ``stream`` of ``out``."""
    import av
    import numpy as np

    samples = int(48000 * seconds)
    t = np.arange(samples) / 48000
    tone = (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    for start in range(0, samples, 1024):
        frame = av.AudioFrame.from_ndarray(tone[start:start + 1024].reshape(1, -1),
                                           format="flt", layout="mono")
        frame.sample_rate, frame.pts = 48000, start
        frame.time_base = Fraction(1, 48000)
        out.mux(stream.encode(frame))  # type: ignore[attr-defined]
    out.mux(stream.encode())  # type: ignore[attr-defined]


def make_approved_export(store: Store, tmp_path: Path, admin_name: str,
                         passwords: dict[str, str] | None = None,
                         signing: Any = None, video: Path | None = None,
                         prepare: Any = None) -> tuple[int, Path]:
    """Case SAR-9 (requester Jane Example, JE-77): "officer" ingests, draws a box over a
    number plate and mutes a second (reasons given), "sup" approves the case, the officer
    exports it. Returns the export number and its folder. ``admin_name`` is the first user.
    With ``passwords`` (name -> password), "officer" and "sup" get passwords and signing
    keys and are signed in (so their events are signed). ``signing``: C2PA credentials.
    ``video`` replaces the generated clip; ``prepare(footage_id, plan)`` returns the plan to
    approve and export instead (e.g. with words hidden)."""
    from app.core.analysis import analyse
    from app.core.casework import case_flow, cases
    from app.core.export.pipeline import redact_footage
    from app.core.library.ingest import ingest_paths
    from app.core.people.users import add_user, resolve_actor
    from app.core.redaction import plan_edits
    from app.core.redaction.plan import Keyframe, RedactionPlan
    from app.core.redaction.plans import save_plan
    from app.core.sign_in.accounts import new_credentials, sign_in
    from app.core.store.models import Role

    video = video or make_video(tmp_path / "bwv.mp4", frames=24, fps=12, audio=True)
    with store.transaction() as session:
        admin = resolve_actor(session, admin_name)
        for name, role in (("officer", Role.DISCLOSURE_OFFICER), ("sup", Role.SUPERVISOR)):
            add_user(session, admin, name, role, new_credentials(passwords[name], name)
                     if passwords else None)
    for name, password in (passwords or {}).items():
        sign_in(store, name, password)
    with store.transaction() as session:
        officer = resolve_actor(session, "officer")
        cases.create_case(session, officer, "SAR-9", "subject_access")
        cases.set_requester(session, officer, "SAR-9", name="Jane Example",
                            requester_reference="JE-77", contact="jane@example.org")
    (result,) = ingest_paths(store, "officer", [video], case_ref="SAR-9")
    fid = result.footage_id
    assert fid is not None
    analysis = analyse(store, "officer", fid, "fast")
    plan = RedactionPlan(detection_run=analysis.run_key)
    plan, _text, _box = plan_edits.add_manual_box(plan, Keyframe(0, 4, 4, 20, 12), "plate",
                                                  "Vehicle registration", until=23)
    plan, _text = plan_edits.add_mute(plan, 1.0, 1.5, "Third party - s.40(2) FOIA / DPA 2018")
    if prepare is not None:
        plan = prepare(fid, plan)
    with store.transaction() as session:
        case_id = cases.get_case(session, "SAR-9").id
        save_plan(session, resolve_actor(session, "officer"), fid, case_id, plan)
    for who, status in (("officer", "redacted"), ("officer", "awaiting_approval"),
                        ("sup", "approved")):
        with store.transaction() as session:  # the approver answers the open items
            answers = {i.key: "looked at: no face there"
                       for i in case_flow.case_open_items(session, "SAR-9")}
            case_flow.change_status(session, resolve_actor(session, who), "SAR-9", status,
                                    "checked", answers=answers)
    out = tmp_path / "exports"
    out.mkdir()
    export = redact_footage(store, "officer", fid, out / "SAR-9.mp4", plan, case_ref="SAR-9",
                            preset="fast", signing=signing)
    assert export.export_id is not None
    return export.export_id, out
