"""The redacted copy looks like the original outside what it hides, on every frame: in the
original's colour range and matrix, whether or not a frame was drawn on.

Before 2026-12-06 a full-range original (phones, MJPEG CCTV, dashcams) had its undrawn
frames shown with crushed blacks and clipped whites (mean error 8 levels), and a BT.709 one
(most HD cameras) its drawn frames with shifted colours (9 levels), so the picture flickered
as redaction came and went."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from app.core.export.video_export import export_video
from app.core.media.decode import rgb_of
from app.core.redaction.plan import ManualBox, RedactionPlan
from app.core.tracking.keyframe import Keyframe

W, H, N = 256, 144, 8
DRAWN = (3, 4)  # frames a manual box is drawn on, at the right edge
BOX = Keyframe(DRAWN[0], 200, 90, 40, 40)


def _picture() -> np.ndarray:
    """Saturated colours and ramps: a wrong matrix or range shows on them."""
    rgb = np.zeros((H, W, 3), np.uint8)
    rgb[..., 0] = np.linspace(0, 255, W)[None]
    rgb[..., 1] = np.linspace(0, 255, H)[:, None]
    rgb[..., 2] = 90
    rgb[:, : W // 4] = [200, 40, 40]
    rgb[:, W // 4: W // 2, 1] = 200
    rgb[90:130, 200:240] = np.kron(np.indices((10, 10)).sum(0) % 2, np.ones((4, 4)))[
        ..., None].astype(np.uint8) * 255  # detail where the box hides it
    return rgb


def _original(path: Path, pixels: str, tags: dict[str, int]) -> Path:
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=25)
        stream.width, stream.height, stream.pix_fmt = W, H, pixels
        for name, value in tags.items():
            setattr(stream.codec_context, name, value)
        for i in range(N):
            frame = av.VideoFrame.from_ndarray(_picture(), format="rgb24").reformat(
                format=pixels, dst_colorspace=tags.get("colorspace"))
            for name, value in tags.items():
                setattr(frame, name, value)
            frame.pts, frame.time_base = i, Fraction(1, 25)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    return path


@pytest.mark.parametrize(("pixels", "tags"), [
    ("yuvj420p", {}),  # full range, as phones, MJPEG CCTV and dashcams record
    ("yuv420p", {"colorspace": 1, "color_primaries": 1, "color_trc": 1}),  # BT.709 (HD)
    ("yuv420p", {}),  # nothing said: BT.601, limited
])
def test_every_frame_keeps_the_originals_colours(tmp_path: Path, pixels: str,
                                                 tags: dict[str, int]) -> None:
    src = _original(tmp_path / "original.mp4", pixels, tags)
    out = tmp_path / "copy.mp4"
    plan = RedactionPlan(manual_boxes=(ManualBox(1, (BOX, Keyframe(DRAWN[1], 200, 90, 40,
                                                                     40))),))
    export_video(src, out, [[] for _ in range(N)], plan, 0)
    with av.open(str(src)) as a, av.open(str(out)) as b:
        before, after = list(a.decode(video=0)), list(b.decode(video=0))
        stream_in, stream_out = a.streams.video[0], b.streams.video[0]
        for name in ("color_range", "colorspace", "color_primaries", "color_trc"):
            assert getattr(stream_out.codec_context, name) == getattr(
                stream_in.codec_context, name), name
    assert len(after) == N
    errors = [float(np.abs(rgb_of(x).astype(int)[:, :180] - rgb_of(y).astype(int)[:, :180])
                    .mean()) for x, y in zip(before, after, strict=True)]
    assert max(errors) < 2.5, errors  # drawn or not: 8 and 9 levels before the mend
    drawn = rgb_of(after[DRAWN[0]])[95:125, 205:235].astype(int)
    assert np.abs(drawn - _picture()[95:125, 205:235]).mean() > 5  # the box was drawn


def test_an_rgb_original_is_not_called_rgb_in_its_copy(tmp_path: Path) -> None:
    """A PNG or QuickTime-animation original's pictures are RGB (FFmpeg tags them with the
    RGB "matrix"): the YUV copy must not carry that tag, or every player shows wrong
    colours; nor is it full range because RGB is."""
    src = tmp_path / "original.mov"
    with av.open(str(src), "w") as out:
        stream = out.add_stream("png", rate=25)
        stream.width, stream.height, stream.pix_fmt = W, H, "rgba"
        for i in range(N):
            rgba = np.dstack([_picture(), np.full((H, W), 255, np.uint8)])
            frame = av.VideoFrame.from_ndarray(rgba, format="rgba")
            frame.pts, frame.time_base = i, Fraction(1, 25)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    with av.open(str(src)) as a:
        assert a.streams.video[0].codec_context.colorspace == 0  # RGB, as FFmpeg tags it
    out_path = tmp_path / "copy.mp4"
    plan = RedactionPlan(manual_boxes=(ManualBox(1, (BOX, Keyframe(DRAWN[1], 200, 90, 40,
                                                                     40))),))
    export_video(src, out_path, [[] for _ in range(N)], plan, 0)
    with av.open(str(src)) as a, av.open(str(out_path)) as b:
        context = b.streams.video[0].codec_context
        assert (context.colorspace, context.color_range) == (2, 0)  # unspecified: BT.601
        errors = [float(np.abs(rgb_of(x).astype(int)[:, :180]
                               - rgb_of(y).astype(int)[:, :180]).mean())
                  for x, y in zip(a.decode(video=0), b.decode(video=0), strict=True)]
    assert max(errors) < 4, errors


@pytest.mark.parametrize(("codec", "pixels", "container"), [
    ("ffv1", "gray", "mkv"),  # infrared CCTV kept losslessly
    ("gif", "rgb8", "gif"),  # an animated GIF (decoded as a palette or BGRA)
])
def test_grey_and_palette_originals_keep_their_look(tmp_path: Path, codec: str, pixels: str,
                                                    container: str) -> None:
    src = tmp_path / f"original.{container}"
    with av.open(str(src), "w") as out:
        stream = out.add_stream(codec, rate=25)
        stream.width, stream.height, stream.pix_fmt = W, H, pixels
        for i in range(N):
            frame = av.VideoFrame.from_ndarray(_picture(), format="rgb24").reformat(
                format=pixels)
            frame.pts, frame.time_base = i, Fraction(1, 25)
            out.mux(stream.encode(frame))
        out.mux(stream.encode())
    out_path = tmp_path / "copy.mp4"
    plan = RedactionPlan(manual_boxes=(ManualBox(1, (BOX, Keyframe(DRAWN[1], 200, 90, 40,
                                                                     40))),))
    export_video(src, out_path, [[] for _ in range(N)], plan, 0)
    with av.open(str(src)) as a, av.open(str(out_path)) as b:
        assert b.streams.video[0].codec_context.colorspace == 2  # nothing said: BT.601
        errors = [float(np.abs(_as_4_2_0(rgb_of(x))[:, :180]
                               - rgb_of(y).astype(int)[:, :180]).mean())
                  for x, y in zip(a.decode(video=0), b.decode(video=0), strict=True)]
    assert len(errors) == N and max(errors) < 2.5, errors


def _as_4_2_0(rgb: np.ndarray) -> np.ndarray:
    """``rgb`` through plain BT.601 4:2:0 and back: what any H.264 copy can keep of it (a
    dithered palette picture loses 13 levels of colour detail this way alone)."""
    frame = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv420p")
    return np.asarray(frame.to_ndarray(format="rgb24"), dtype=int)
