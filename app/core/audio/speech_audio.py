"""One audio track of a footage file, decoded to the 16 kHz mono float samples speech
models read."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import numpy.typing as npt

from app.core.errors import QT_TRANSLATE_NOOP, MediaError
from app.core.media.decode import SOUND_DAMAGED, reading
from app.core.progress import CancelToken

RATE = 16000
DRIFT = RATE // 100  # 10 ms: more between a frame's time and its place is a gap


def audio_track_count(path: Path) -> int:
    """How many audio tracks (streams) the file has; 0: no audio."""
    with reading(path, SOUND_DAMAGED) as container:
        return len(container.streams.audio)


def load_speech_audio(path: Path, track: int,
                      cancel: CancelToken | None = None) -> npt.NDArray[np.float32]:
    """Audio track ``track`` (0 = the first audio stream) as 16 kHz mono float32; sample 0 is
    at time 0 of the file's timestamps (the times mute ranges and the player use)."""
    with reading(path, SOUND_DAMAGED) as container:
        streams = container.streams.audio
        if not 0 <= track < len(streams):
            raise MediaError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path} has no audio track {number} (it has {count})."),
                path=path, number=track + 1, count=len(streams))
        stream = streams[track]
        resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        chunks: list[npt.NDArray[np.float32]] = []
        first: float | None = None
        length = 0  # samples so far
        for frame in container.decode(stream):
            if cancel is not None:
                cancel.check()
            if frame.pts is not None and frame.time_base:
                at = float(frame.pts * frame.time_base)
                if first is None:
                    first = at
                # every frame at its own time: a gap in the timestamps (a dropout, lost
                # packets) is silence here too, so later words keep their true times
                gap = round((at - first) * RATE) - length
                if gap > DRIFT:
                    chunks.append(np.zeros(gap, np.float32))
                    length += gap
                elif gap < -DRIFT and chunks:  # overlapping timestamps: drop the overlap
                    cut = min(-gap, length)
                    chunks, length = [np.concatenate(chunks)[:length - cut]], length - cut
            for out in resampler.resample(frame):
                chunks.append(np.asarray(out.to_ndarray(), np.float32).reshape(-1))
                length += len(chunks[-1])
        for out in resampler.resample(None):
            chunks.append(np.asarray(out.to_ndarray(), np.float32).reshape(-1))
    samples = np.concatenate(chunks) if chunks else np.zeros(0, np.float32)
    # index 0 is time 0 of the file's timestamps, as mute ranges and the player count time
    lead = round((first or 0.0) * RATE)
    if lead > 0:  # the track starts late: silence before it
        samples = np.concatenate([np.zeros(lead, np.float32), samples])
    elif lead < 0:  # encoder priming before time 0
        samples = samples[-lead:]
    return samples.astype(np.float32, copy=False)
