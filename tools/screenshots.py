"""Render the main window and the redaction workspace to PNG files (run under Xvfb).

    tools/dev screenshots            # -> screenshots/ (git-ignored)

By default the footage is synthetic (drawn here), so the images can go into the README; with
--testdata it uses ../shared/testdata clips for review (never commit those images).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def synthetic_clip(path: Path, frames: int = 120, fps: int = 24) -> Path:
    """A street-like scene with two moving 'people' (no real faces)."""
    from fractions import Fraction

    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 960, 540, "yuv420p"
        sound = out.add_stream("aac", rate=48000)
        for i in range(frames):
            img = np.zeros((540, 960, 3), np.uint8)
            img[:] = (70, 80, 95)
            cv2.rectangle(img, (0, 380), (960, 540), (60, 60, 60), -1)
            for k in range(6):
                cv2.rectangle(img, (40 + k * 160, 120), (140 + k * 160, 380), (90, 100, 120), -1)
            for n, (x0, speed, colour) in enumerate(((120, 3, (40, 60, 160)),
                                                     (760, -2, (150, 60, 40)))):
                x = x0 + speed * i
                cv2.rectangle(img, (x - 30, 260), (x + 30, 420), colour, -1)
                cv2.circle(img, (x, 230), 28, (170, 190, 210), -1)
                cv2.putText(img, f"P{n + 1}", (x - 14, 350), cv2.FONT_HERSHEY_SIMPLEX, 0.6,
                            (255, 255, 255), 1)
            cv2.putText(img, f"BWV-CAM-07  2026-11-24 21:{i // fps:02d}", (20, 40),
                        cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
            frame = av.VideoFrame.from_ndarray(img[:, :, ::-1].copy(), format="rgb24")
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
        samples = 48000 * frames // fps  # speech-like bursts, for the waveform lane
        t = np.arange(samples) / 48000
        voice = (0.4 * np.sin(2 * np.pi * 220 * t) * (np.sin(2 * np.pi * 0.7 * t) > 0.2)
                 * np.abs(np.sin(2 * np.pi * 3 * t))).astype(np.float32)
        for start in range(0, samples, 1024):
            chunk = av.AudioFrame.from_ndarray(voice[start:start + 1024].reshape(1, -1),
                                               format="flt", layout="mono")
            chunk.sample_rate, chunk.pts = 48000, start
            chunk.time_base = Fraction(1, 48000)
            out.mux(sound.encode(chunk))
        out.mux(sound.encode())
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--testdata", action="store_true")
    parser.add_argument("--language", default="en", help="en or cy")
    parser.add_argument("--theme", default="system", help="system, light or dark")
    args = parser.parse_args()
    os.environ.setdefault("BWV_NO_AUDIO", "1")
    tmp = Path(tempfile.mkdtemp(prefix="bwv-shots-"))
    for var, sub in (("BWV_DATA_DIR", "data"), ("BWV_CONFIG_DIR", "config"),
                     ("BWV_LOG_DIR", "logs"), ("XDG_CONFIG_HOME", "xdg")):
        os.environ[var] = str(tmp / sub)
    os.environ["BWV_USER"] = "disclosure.officer"

    from PySide6.QtCore import QTimer

    from app.core.casework import cases
    from app.core.library import flags
    from app.core.library.ingest import ingest_paths
    from app.core.people.users import resolve_actor
    from app.core.settings import load_settings
    from app.core.store.database import open_store
    from app.core.views.records import UserRecord
    from app.ui.application import create_application
    from app.ui.main_window import MainWindow

    app = create_application(sys.argv)
    from app.ui.i18n import install_translators
    from app.ui.resources import apply_theme

    install_translators(args.language)
    apply_theme(app, args.theme)
    store = open_store()
    if args.testdata:
        videos = ROOT.parent / "shared" / "testdata" / "videos"
        clips = [videos / "intel_face-demographics-walking-and-pause.mp4",
                 videos / "pyfeat_face_noface.mov", videos / "mmaction2_demo.mp4"]
    else:
        clips = [synthetic_clip(tmp / "BWV-CAM-07_2026-11-24_2101.mp4")]
    from datetime import date, timedelta

    with store.transaction() as session:
        officer = resolve_actor(session, "disclosure.officer")
        cases.create_case(session, officer, "SAR-2026-0142", "subject_access",
                          "Request from a member of the public")
        cases.set_requester(session, officer, "SAR-2026-0142", name="A. Member",
                            requester_reference="AM-2026-11", contact="by post")
        cases.create_case(session, officer, "FOI-2026-0077", "foi", "Town centre disorder",
                          received_on=date.today() - timedelta(days=40))
        cases.create_case(session, officer, "CE-2026-0009", "court_exhibit",
                          "R v Example: exhibit JB/3", deadline=date.today() + timedelta(days=9))
    ingest_paths(store, "disclosure.officer", clips, case_ref="SAR-2026-0142")
    with store.transaction() as session:
        actor = resolve_actor(session, "disclosure.officer")
        officer_record = UserRecord.of(actor)  # signed in as the officer
        flags.add_flag(session, actor, 1, 0.5, "evidence", label="Arrival")
        flags.add_flag(session, actor, 1, 1.5, "use_of_force", end_s=2.5, label="Restraint")
        flags.add_flag(session, actor, 1, 3.2, "sensitive_minor", label="Child in view")
    window = MainWindow(store, load_settings(), officer_record)
    window.resize(1366, 768)  # a small laptop screen: nothing may be wider
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def select() -> None:
        window.library.table.selectRow(0)

    def step() -> None:
        window.player.show_frame(40)

    def save(name: str) -> None:
        target = args.out / name
        window.grab().save(str(target))
        print(f"wrote {target}")

    ws = window.workspace

    def workspace() -> None:
        save("main-window.png")
        window.open_workspace()
        ws.analysed.connect(lambda _n: QTimer.singleShot(1500, edit))
        QTimer.singleShot(2500, ws.detect)

    def edit() -> None:
        from PySide6.QtCore import QRectF

        ws.player.show_frame(30)
        if ws.tracks:  # real faces: keep the first person visible
            from app.core.redaction.plan_edits import TrackAction

            ws.controls.reason.setCurrentText("Requester - kept visible")
            ws.commands.set_track_action(ws.tracks[0].id, TrackAction.KEEP)
        ws.controls.reason.setCurrentText("Third party - s.40(2) FOIA / DPA 2018")
        ws.commands.add_manual_box(QRectF(176, 185, 88, 96) if not args.testdata
                                   else QRectF(240, 5, 70, 45))
        ws.lanes.range = (1.0, 1.8)
        ws.commands.mute_selection()
        QTimer.singleShot(1500, lambda: (save("workspace.png"),
                                         ws.side_tabs.setCurrentWidget(ws.review_panel),
                                         ws.controls.preview_button.setChecked(True)))
        QTimer.singleShot(3000, approved)

    def approved() -> None:
        """A supervisor approves the plan (answering its open items); the export dialog."""
        from app.core.people.users import add_user
        from app.core.redaction.approval import decide
        from app.core.redaction.open_items import open_items
        from app.core.store.models import Role
        from app.ui.workers import db_pool

        save("workspace-preview.png")
        db_pool().waitForDone()  # the last plan edit is saved
        assert ws.footage is not None
        footage_id, plan = ws.footage.id, ws.plan
        with store.transaction() as session:
            add_user(session, resolve_actor(session, "disclosure.officer"), "sergeant",
                     Role.SUPERVISOR)
            answers = {i.key: "all reviewed"
                       for i in open_items(session, footage_id, ws.case_id, plan)}
            decide(session, resolve_actor(session, "sergeant"), footage_id, ws.case_id,
                   plan.sha256(), True, "checked", answers)
        dialog = ws.open_export()

        def shot() -> None:
            if dialog is not None:
                target = args.out / "export-dialog.png"
                dialog.grab().save(str(target))
                print(f"wrote {target}")
                dialog.reject()
            finish()

        QTimer.singleShot(1500, shot)

    def finish() -> None:
        window.centre.setCurrentWidget(window.cases)
        window.cases.select_case("SAR-2026-0142")
        QTimer.singleShot(1500, retention)

    def retention() -> None:
        save("cases.png")
        window.show_retention()
        QTimer.singleShot(1500, close)

    def close() -> None:
        dialog = window.retention_dialog
        if dialog is not None:
            target = args.out / "retention.png"
            dialog.grab().save(str(target))
            print(f"wrote {target}")
        window.close()
        app.quit()

    QTimer.singleShot(800, select)
    QTimer.singleShot(2500, step)
    QTimer.singleShot(4000, workspace)
    app.exec()
    from app.ui.workers import shutdown

    shutdown()  # as the app does: no worker may outlive the store
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
