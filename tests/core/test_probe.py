"""Probing: real frame counts, VFR, rotation, metadata; clear errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import MediaError
from app.core.media.probe import probe
from tests.conftest import EXPECTED_FRAMES, make_video


@pytest.mark.parametrize("name", sorted(EXPECTED_FRAMES))
def test_real_clips_have_their_true_frame_count(videos: Path, name: str) -> None:
    info = probe(videos / name)
    assert info.frame_count == EXPECTED_FRAMES[name]
    assert info.width > 0 and info.height > 0 and info.duration_s > 0


def test_hevc_vfr_mov_is_described(videos: Path) -> None:
    info = probe(videos / "pyfeat_face_noface.mov")
    assert (info.video_codec, info.width, info.height) == ("hevc", 960, 540)
    assert info.variable_frame_rate
    assert 6.3 < info.duration_s < 6.5
    assert [a["codec"] for a in info.audio_streams] == ["aac"]
    assert info.recorded_at is not None and info.recorded_at.year == 2023


def test_edit_list_discards_are_not_counted_as_truncation(videos: Path) -> None:
    # The container index lists 98 samples, 3 of them edit-list discards: 95 real frames.
    assert probe(videos / "pyfeat_no_face.mp4").frame_count == 95


def test_constant_rate_and_audio(videos: Path) -> None:
    info = probe(videos / "pyfeat_single_face.mp4")
    assert not info.variable_frame_rate and info.fps == 30.0
    assert info.audio_codecs == "mp3"


def test_rotation_and_tags_from_a_generated_file(tmp_path: Path) -> None:
    path = make_video(tmp_path / "rot.mp4", rotation=90, audio=True, metadata={
        "creation_time": "2026-11-01T10:00:00Z", "device_id": "CAM-0042", "artist": "PC 1234"})
    info = probe(path)
    assert info.rotation == 90
    assert info.frame_count == 12
    assert info.recorded_at is not None and info.recorded_at.isoformat().startswith("2026-11-01")
    assert (info.device_id, info.officer_id) == ("CAM-0042", "PC 1234")
    assert len(info.audio_streams) == 1


def test_truncated_file_is_reported(videos: Path, tmp_path: Path) -> None:
    data = (videos / "pyfeat_WolfgangLanger_Pexels.mp4").read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError, match=r"cut\.mp4: truncated or incomplete.*of the 472"):
        probe(cut)


def test_truncated_file_with_index_at_the_end(tmp_path: Path) -> None:
    source = make_video(tmp_path / "whole.mp4", frames=48)
    data = source.read_bytes()
    assert data.find(b"moov") > data.find(b"mdat")  # PyAV writes the index last
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(MediaError, match=r"cut\.mp4: not a video file, or damaged"):
        probe(cut)


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"hello, I am a text file renamed to look like a video\n" * 20, "not a video file"),
])
def test_non_video_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fake.mp4"
    path.write_bytes(content)
    with pytest.raises(MediaError, match=rf"fake\.mp4: .*{message}"):
        probe(path)


@pytest.mark.parametrize("name", ["readme.txt", "notes.nfo", "statement.asc"])
def test_a_text_file_is_not_taken_for_a_video(tmp_path: Path, name: str) -> None:
    """FFmpeg plays a text file named .txt (and the like) as a picture of its characters:
    a README was ingested as 37 s of 640x400 "ansi" video, with a retention clock."""
    path = tmp_path / name
    path.write_text("Statement of the officer in the case.\n" * 200, encoding="utf-8")
    with pytest.raises(MediaError, match=rf"{name.replace('.', '[.]')}: is a text file, not a"
                                         " video"):
        probe(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(MediaError, match=r"nothing\.mp4: file not found"):
        probe(tmp_path / "nothing.mp4")
    with pytest.raises(MediaError, match="is a folder"):
        probe(tmp_path)


def test_audio_only_file_is_not_video(tmp_path: Path) -> None:
    import av
    import numpy as np

    path = tmp_path / "voice.m4a"
    with av.open(str(path), "w") as out:
        a = out.add_stream("aac", rate=48000)
        frame = av.AudioFrame.from_ndarray(np.zeros((1, 1024), np.float32), format="flt",
                                           layout="mono")
        frame.sample_rate = 48000
        out.mux(a.encode(frame))
        out.mux(a.encode())
    with pytest.raises(MediaError, match=r"voice\.m4a: contains no video stream"):
        probe(path)


def test_damage_found_while_reading_names_the_file_and_closes_it(tmp_path: Path) -> None:
    """``reading`` (probe, the waveform and speech audio read through it): an FFmpeg error
    part-way becomes the caller's message naming the file, and the file is closed."""
    import av

    from app.core.media.decode import SOUND_DAMAGED, reading

    path = make_video(tmp_path / "v.mp4", frames=3)
    with pytest.raises(MediaError) as raised, reading(path, SOUND_DAMAGED) as container:
        opened = container
        raise av.error.InvalidDataError(1094995529, "Invalid data found")
    assert str(raised.value).startswith(f"{path}: the sound cannot be decoded (")
    assert raised.value.template == SOUND_DAMAGED
    with pytest.raises(Exception):  # noqa: B017  (closed: PyAV refuses any further use)
        next(opened.demux())


def test_codecs_are_named_by_their_format_and_one_frame_is_one_frame(
        tmp_path: Path, isolated_env: Path) -> None:
    """AV1 was listed as "libdav1d" (the decoder's name), and a one-picture file was
    ingested as "1 frames"."""
    from app.core.library.ingest import ingest_paths
    from app.core.store.database import Store

    av1 = make_video(tmp_path / "clip.mkv", frames=3, size=(64, 48), codec="libsvtav1")
    assert probe(av1).video_codec == "av1"
    one = make_video(tmp_path / "one.mp4", frames=1, size=(64, 48))
    store = Store(f"sqlite:///{tmp_path / 's.sqlite3'}", isolated_env / "data")
    try:
        [result] = ingest_paths(store, "tester", [one])
    finally:
        store.close()
    assert "(1 frame, " in result.message, result.message


def test_a_bare_stream_without_timestamps_is_refused_saying_so(tmp_path: Path) -> None:
    """A bare H.264 stream (as some recorders export .h264 files) holds frames but no
    times: it was refused as holding "no frames"."""
    import av

    source = make_video(tmp_path / "clip.mp4", frames=12)
    bare = tmp_path / "clip.h264"
    with av.open(str(source)) as inp, av.open(str(bare), "w", format="h264") as out:
        stream = out.add_stream_from_template(inp.streams.video[0])
        for packet in inp.demux(video=0):
            if packet.dts is not None:
                packet.stream = stream
                out.mux(packet)
    with av.open(str(bare)) as c:  # frames, but no times
        assert all(p.pts is None for p in c.demux(video=0))
    with pytest.raises(MediaError, match="carries no timestamps"):
        probe(bare)
