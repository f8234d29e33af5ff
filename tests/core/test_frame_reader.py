"""Frame-exact random access: frame N from the reader equals frame N of a full decode."""

from __future__ import annotations

import random
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np
import pytest

from app.core.media.frame_reader import FrameReader


def _all_frames(path: Path) -> list[tuple[float, np.ndarray]]:
    with av.open(str(path)) as c:
        s = c.streams.video[0]
        return [(float(f.pts * s.time_base), f.to_ndarray(format="rgb24"))
                for f in c.decode(s)]


@pytest.mark.parametrize("name", ["pyfeat_face_noface.mov", "pyfeat_no_face.mp4",
                                  "intel_face-demographics-walking.mp4"])
def test_random_access_and_stepping_match_a_full_decode(videos: Path, name: str) -> None:
    reference = _all_frames(videos / name)
    with FrameReader(videos / name) as reader:
        assert reader.frame_count == len(reference)
        order = list(range(len(reference)))
        random.Random(4).shuffle(order)
        for n in [*order[:12], 0, len(reference) - 1]:
            image = reader.frame(n)
            assert image.index == n and image.time_s == pytest.approx(reference[n][0])
            assert np.array_equal(image.rgb, reference[n][1]), f"frame {n} differs"
        start = reader.frame(10)
        stepped = [reader.frame(10 + k) for k in range(1, 6)]  # continues without seeking
        assert start.index == 10 and [s.index for s in stepped] == [11, 12, 13, 14, 15]
        assert all(np.array_equal(s.rgb, reference[s.index][1]) for s in stepped)
        assert reader.index_at(reference[7][0]) == 7
        assert reader.index_at(reference[7][0] + 1e-4) == 7
        assert reader.index_at(-5) == 0 and reader.index_at(1e9) == len(reference) - 1


def test_the_shape_of_a_pixel_turns_with_the_picture(tmp_path: Path) -> None:
    """4:3-wide pixels are shown 4/3 as wide as high; on a picture turned a quarter they
    are 3/4 as wide (the stored width is shown upright as height); square ones stay 1."""
    from tests.conftest import make_video

    wide = make_video(tmp_path / "wide.mp4", frames=3, size=(96, 72), aspect=Fraction(4, 3))
    square = make_video(tmp_path / "square.mp4", frames=3, size=(96, 72))
    raw = tmp_path / "raw.mov"  # the shape said by the container only (a MOV pasp box)
    with av.open(str(raw), "w") as out:
        v = out.add_stream("rawvideo", rate=12)
        v.width, v.height, v.pix_fmt = 96, 72, "rgb24"
        v.codec_context.sample_aspect_ratio = Fraction(4, 3)
        for _ in range(3):
            out.mux(v.encode(av.VideoFrame.from_ndarray(np.zeros((72, 96, 3), np.uint8),
                                                        format="rgb24")))
        out.mux(v.encode())
    with av.open(str(raw)) as c:
        assert c.streams.video[0].codec_context.sample_aspect_ratio is None  # (the case)
    for path, rotation, aspect in ((wide, 0, 4 / 3), (wide, 90, 3 / 4), (wide, 180, 4 / 3),
                                   (wide, 270, 3 / 4), (square, 90, 1.0), (raw, 0, 4 / 3)):
        with FrameReader(path, rotation) as reader:
            assert reader.pixel_aspect == pytest.approx(aspect)


def test_interlaced_pictures_are_looked_at_with_their_fields_laid_over_each_other(
        tmp_path: Path) -> None:
    """Analogue CCTV and DV are interlaced: each picture's odd rows are taken a field later,
    so whatever moves is combed, and a combed face is missed. The detectors (iter_frames)
    look at a recording, flagged interlaced or not, once its pictures are seen to be
    combed (media.combing), with its two fields laid over each other (the first picture
    too, with nothing before it to tell movement by: the recording is seen to be
    interlaced while it waits in the retimer). Progressive pictures and the pictures the
    player shows (every row, as exported) are untouched."""
    from app.core.media.decode import iter_frames

    def picture(i: int, field_late: int) -> np.ndarray:  # a bright bar moving 12 px a frame:
        made = np.zeros((72, 96, 3), np.uint8)  # the odd rows ``field_late`` px further on
        for rows, x in ((slice(0, None, 2), 12 * i), (slice(1, None, 2), 12 * i + field_late)):
            made[rows, 10 + x:30 + x] = 255
        return made

    def comb(rgb: np.ndarray) -> float:  # how much odd rows differ from both neighbours
        p = rgb.astype(int)
        return float(np.minimum(abs(p[1:-1:2] - p[0:-2:2]), abs(p[1:-1:2] - p[2::2])).mean())

    for name, flagged, late in (("flagged", True, 6), ("unflagged", False, 6),
                                ("progressive", False, 0)):
        path = tmp_path / f"{name}.mp4"
        with av.open(str(path), "w") as out:
            v = out.add_stream("libx264", rate=25)
            v.width, v.height, v.pix_fmt = 96, 72, "yuv420p"
            v.options = {"crf": "12", **({"x264-params": "tff=1"} if flagged else {})}
            for i in range(4):
                out.mux(v.encode(av.VideoFrame.from_ndarray(picture(i, late), format="rgb24")))
            out.mux(v.encode())
        looked = [d.frame.to_ndarray(format="rgb24") for d in iter_frames(path)]
        with FrameReader(path) as reader:
            shown = [reader.frame(i).rgb for i in range(4)]
        if not late:
            assert all(np.array_equal(a, b) for a, b in zip(looked, shown, strict=True))
            continue
        assert min(comb(rgb) for rgb in shown) > 20, name  # every row kept where people look
        assert max(comb(rgb) for rgb in looked) < 5, name  # no comb looked at


def test_a_progressive_picture_flagged_interlaced_keeps_every_row_looked_at(
        tmp_path: Path) -> None:
    """Some encoders flag progressive footage interlaced. The detectors looked at such a
    file one field at a time, so every face kept half its rows (a line on one row alone
    vanished); now a flagged picture is looked at with its fields laid over each other
    only where it is combed (media.combing) or nothing tells otherwise (the first: the
    line at half strength), else whole."""
    from app.core.media.decode import iter_frames

    made = np.zeros((72, 96, 3), np.uint8)
    made[35, 16:80] = 255  # one odd row: the other field's alone
    path = _flagged_interlaced(tmp_path / "misflagged.mp4", [made] * 3)
    with av.open(str(path)) as c:
        assert next(iter(c.decode(video=0))).interlaced_frame  # (the case)
    for decoded in iter_frames(path):
        rgb = decoded.frame.to_ndarray(format="rgb24").astype(int)
        line = rgb[33:38, 24:72].mean(axis=(1, 2)).max()
        assert line > (90 if decoded.index == 0 else 180), decoded.index


def test_a_small_mover_in_a_short_flagged_interlaced_clip_is_looked_at_uncombed(
        tmp_path: Path) -> None:
    """A file flagged interlaced that is: one small thing moving on a still PAL picture,
    too short for the watch to settle and combed on too few runs to count in a file that
    says it is progressive. The flag is believed from a lower share (and on the first
    picture, with nothing before it), so every picture is looked at with its fields laid
    over each other: the mover is not combed where the detectors look."""
    from app.core.media.decode import iter_frames

    def picture(i: int) -> np.ndarray:  # an 8 x 16 px patch, its odd rows 8 px further on
        made = np.full((576, 720, 3), 90, np.uint8)
        for rows, x in ((slice(0, None, 2), 16 * i), (slice(1, None, 2), 16 * i + 8)):
            band = made[280:288]
            band[rows, 300 + x:316 + x] = 240
        return made

    path = _flagged_interlaced(tmp_path / "small_mover.mp4", [picture(i) for i in range(3)])
    for decoded in iter_frames(path):
        rgb = decoded.frame.to_ndarray(format="rgb24").astype(int)
        area = rgb[278:290, 296:360, 1]
        comb = np.minimum(abs(area[1:-1:2] - area[0:-2:2]), abs(area[1:-1:2] - area[2::2]))
        assert comb.mean() < 5, (decoded.index, comb.mean())


def _flagged_interlaced(path: Path, pictures: list[np.ndarray]) -> Path:
    """``pictures`` (RGB, all one size) as H.264 flagged interlaced, top field first."""
    height, width = pictures[0].shape[:2]
    with av.open(str(path), "w") as out:
        v = out.add_stream("libx264", rate=25)
        v.width, v.height, v.pix_fmt = width, height, "yuv420p"
        v.options = {"crf": "4", "x264-params": "tff=1"}
        for rgb in pictures:
            out.mux(v.encode(av.VideoFrame.from_ndarray(rgb, format="rgb24")))
        out.mux(v.encode())
    return path


def test_thumbnails_of_non_square_pixels_are_as_wide_as_meant(tmp_path: Path) -> None:
    """The timeline's strip and a track's face picture (what a reviewer knows a person by)
    show 4:3-wide pixels 4/3 as wide: a 96x72 picture shown 16:9, a square box square."""
    from app.core.media.strip_thumbnails import strip_thumbnails
    from app.core.tracking.thumbnails import track_thumbnails
    from app.core.tracking.tracker import Track
    from tests.conftest import make_video

    for aspect, expected in ((Fraction(4, 3), 4 / 3), (None, 1.0)):
        clip = make_video(tmp_path / f"{expected}.mp4", frames=4, size=(96, 72), aspect=aspect)
        ((_t, strip),) = strip_thumbnails(clip, 0, 1, height=48)
        assert strip.shape[1] / strip.shape[0] == pytest.approx(96 / 72 * expected, rel=0.03)
        track = Track(1, {2: (30.0, 20.0, 54.0, 44.0, 0.9)})  # a square box
        track.finish(4, 0, 0)
        jpeg = track_thumbnails(clip, [track])[1]
        face = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
        assert face.shape[1] / face.shape[0] == pytest.approx(expected, rel=0.05)


def test_a_damaged_middle_is_said_at_the_frame_where_it_starts(videos: Path,
                                                               tmp_path: Path) -> None:
    """A clip whose middle tenth was overwritten: detection said "damaged after frame 0",
    counting only the frames it had handed on (some wait to be put in time order), while
    nine had been read; the player said frame 10. It now names the last frame read."""
    from app.core.errors import MediaError
    from app.core.media.decode import iter_frames

    data = bytearray((videos / "intel_face-demographics-walking-and-pause.mp4").read_bytes())
    middle = len(data) // 2
    data[middle:middle + len(data) // 10] = np.random.default_rng(3).integers(
        0, 256, len(data) // 10, np.uint8).tobytes()
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(bytes(data))
    read = 0
    with av.open(str(damaged)) as c, pytest.raises(av.error.FFmpegError):
        for _frame in c.decode(c.streams.video[0]):
            read += 1
    assert read > 1
    with pytest.raises(MediaError, match=r"damaged\.mp4: the video is damaged after frame "
                       ) as said:
        for _decoded in iter_frames(damaged):
            pass
    last = int(str(said.value).split("after frame ")[1].split()[0])
    assert 0 < last <= read - 1  # (decoding on threads may hold a few back: not counted)
