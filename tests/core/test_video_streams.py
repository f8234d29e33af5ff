"""A file holding more than one video stream (a dashcam's rear camera, a thumbnail track
before the recording): ingest, the player, detection and the export read the recording, the
same one, say that the others are left out, and the manifest names them."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from app.core.export.pipeline import redact_footage
from app.core.library.ingest import ingest_paths
from app.core.media.decode import iter_frames
from app.core.media.frame_reader import FrameReader
from app.core.media.probe import probe
from app.core.redaction.plan import RedactionPlan
from app.core.store.database import Store
from tests.conftest import allow_unapproved_exports

SIZE = (96, 72)
FRAMES = 12


def _moving(i: int, size: tuple[int, int]) -> np.ndarray:
    w, h = size
    img = np.zeros((h, w, 3), np.uint8)
    img[:, :, 0] = (np.arange(w) * 4 + i * 10) % 256
    img[:, :, 1] = i * 15 % 256
    return img


def _several(path: Path, fmt: str, *, thumbnail_first: bool) -> Path:
    """The recording (SIZE, FRAMES moving pictures) with, before it, a one-picture MJPEG
    track of flat grey (``thumbnail_first``, as some tools write Matroska), or after it a
    second, smaller camera."""
    with av.open(str(path), "w", format=fmt) as out:
        thumb = None
        if thumbnail_first:
            thumb = out.add_stream("mjpeg", rate=1)
            thumb.width, thumb.height, thumb.pix_fmt = 64, 48, "yuvj420p"
        main = out.add_stream("libx264", rate=12)
        main.width, main.height, main.pix_fmt = *SIZE, "yuv420p"
        rear = None
        if not thumbnail_first:
            rear = out.add_stream("libx264", rate=12)
            rear.width, rear.height, rear.pix_fmt = 48, 32, "yuv420p"
        if thumb is not None:
            grey = av.VideoFrame.from_ndarray(np.full((48, 64, 3), 128, np.uint8), "rgb24")
            grey.pts = 0
            out.mux(thumb.encode(grey))
            out.mux(thumb.encode())
        for i in range(FRAMES):
            for stream, size in ((main, SIZE), (rear, (48, 32))):
                if stream is None:
                    continue
                frame = av.VideoFrame.from_ndarray(_moving(i, size), format="rgb24")
                frame.pts, frame.time_base = i, Fraction(1, 12)
                out.mux(stream.encode(frame))
        for stream in (main, rear):
            if stream is not None:
                out.mux(stream.encode())
    return path


def _recording(i: int) -> np.ndarray:
    return _moving(i, SIZE).astype(np.int16)


def test_a_thumbnail_track_before_the_recording_is_left_out(tmp_path: Path,
                                                            isolated_env: Path) -> None:
    """Ingest refused such a file as "a single still picture, not a video" (it read the
    thumbnail); now every reader takes the recording and the export leaves the thumbnail
    out, saying so."""
    src = _several(tmp_path / "thumb.mkv", "matroska", thumbnail_first=True)
    info = probe(src)
    assert (info.frame_count, info.width, info.height) == (FRAMES, *SIZE)
    assert any("1 more video stream(s) (#0 64x48 mjpeg); only stream 1" in w
               for w in info.warnings), info.warnings
    looked = [f.frame.to_ndarray(format="rgb24") for f in iter_frames(src)]
    assert len(looked) == FRAMES
    with FrameReader(src) as reader:
        shown = reader.frame(5).rgb
    for picture in (looked[5], shown):  # the recording's picture 5, not the flat thumbnail
        assert np.abs(picture.astype(np.int16) - _recording(5)).mean() < 8

    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    allow_unapproved_exports(store)
    ingest_paths(store, "tester", [src])
    result = redact_footage(store, "tester", 1, tmp_path / "r.mp4", RedactionPlan(),
                            preset="fast", verify=False)
    store.close()
    with av.open(str(result.output)) as c:
        assert len(c.streams.video) == 1
        assert [(f.width, f.height) for f in c.decode(video=0)] == [SIZE] * FRAMES
    left = json.loads(result.manifest.read_text())["output"]["streams_left_out"]
    assert left == [{"index": 0, "type": "video", "codec": "mjpeg", "width": 64,
                     "height": 48, "picture": False}]


def test_a_second_camera_after_the_recording_is_named_and_left_out(tmp_path: Path) -> None:
    src = _several(tmp_path / "dual.mp4", "mp4", thumbnail_first=False)
    info = probe(src)
    assert (info.frame_count, info.width, info.height) == (FRAMES, *SIZE)
    assert any("(#1 48x32 h264); only stream 0" in w for w in info.warnings), info.warnings
    plain = tmp_path / "one.mp4"
    with av.open(str(src)) as c, av.open(str(plain), "w") as out:
        stream = out.add_stream_from_template(c.streams.video[0])
        for packet in c.demux(c.streams.video[0]):
            if packet.dts is not None:
                packet.stream = stream
                out.mux(packet)
    assert probe(plain).warnings == []  # one video stream: nothing to say


def test_two_recordings_are_read_at_the_first_as_before(tmp_path: Path) -> None:
    """FFmpeg would play the second (more bits a second), but footage of such a file may
    already be stored with runs made on the first: every reader keeps to the first."""
    path = tmp_path / "two.mp4"
    rng = np.random.default_rng(3)
    with av.open(str(path), "w") as out:
        front, rear = (out.add_stream("libx264", rate=12) for _ in range(2))
        for stream in (front, rear):
            stream.width, stream.height, stream.pix_fmt = *SIZE, "yuv420p"
            stream.disposition = av.stream.Disposition.default  # both to be played
        for i in range(FRAMES):
            noise = rng.integers(0, 256, (SIZE[1], SIZE[0], 3), dtype=np.uint8)
            for stream, picture in ((front, _moving(i, SIZE)), (rear, noise)):
                frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
                frame.pts, frame.time_base = i, Fraction(1, 12)
                out.mux(stream.encode(frame))
        for stream in (front, rear):
            out.mux(stream.encode())
    with av.open(str(path)) as c:
        assert c.streams.best("video").index == 1  # what FFmpeg would play
    info = probe(path)
    assert any("(#1 96x72 h264); only stream 0" in w for w in info.warnings), info.warnings
    with FrameReader(path) as reader:
        shown = reader.frame(5).rgb
    looked = [f.frame.to_ndarray(format="rgb24") for f in iter_frames(path)]
    for picture in (looked[5], shown):
        assert np.abs(picture.astype(np.int16) - _recording(5)).mean() < 8


def test_mjpeg_video_first_in_matroska_is_read_as_before(tmp_path: Path) -> None:
    """Matroska counts no frames, so a first MJPEG track may be a thumbnail or a video: it
    is read (as before) when the file's first packets hold more than one of its pictures."""
    path = tmp_path / "two.mkv"
    with av.open(str(path), "w", format="matroska") as out:
        first = out.add_stream("mjpeg", rate=12)
        first.width, first.height, first.pix_fmt = *SIZE, "yuvj420p"
        second = out.add_stream("libx264", rate=12)
        second.width, second.height, second.pix_fmt = 64, 48, "yuv420p"
        for i in range(FRAMES):
            for stream, size in ((first, SIZE), (second, (64, 48))):
                frame = av.VideoFrame.from_ndarray(_moving(i, size), format="rgb24")
                frame.pts, frame.time_base = i, Fraction(1, 12)
                out.mux(stream.encode(frame))
        for stream in (first, second):
            out.mux(stream.encode())
    with av.open(str(path)) as c:
        assert c.streams.video[0].frames == 0  # not counted by the container
    info = probe(path)
    assert (info.video_codec, info.width, info.height, info.frame_count) == (
        "mjpeg", *SIZE, FRAMES)


def test_a_cover_picture_is_named_as_one_and_never_read(tmp_path: Path) -> None:
    path = tmp_path / "covered.mp4"
    with av.open(str(path), "w") as out:
        cover = out.add_stream("mjpeg", rate=1)
        cover.width, cover.height, cover.pix_fmt = 64, 48, "yuvj420p"
        cover.disposition = av.stream.Disposition.attached_pic
        main = out.add_stream("libx264", rate=12)
        main.width, main.height, main.pix_fmt = *SIZE, "yuv420p"
        grey = av.VideoFrame.from_ndarray(np.full((48, 64, 3), 128, np.uint8), "rgb24")
        grey.pts = 0
        out.mux(cover.encode(grey))
        out.mux(cover.encode())
        for i in range(FRAMES):
            frame = av.VideoFrame.from_ndarray(_moving(i, SIZE), format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, 12)
            out.mux(main.encode(frame))
        out.mux(main.encode())
    info = probe(path)
    assert (info.width, info.height, info.frame_count) == (*SIZE, FRAMES)
    assert any("a cover picture); only stream" in w for w in info.warnings), info.warnings
