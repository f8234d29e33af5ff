"""Named detection presets: which detectors run, at what scale and threshold.

Chosen by ``bench/detect_recall.py``, ``bench/leaks.py`` and ``bench/throughput.py``; the
figures are in the README.

Two passes: the *quick* pass (CenterFace capped at ``centerface_max_megapixels``, plus
BlazeFace) runs every ``stride`` frames and keeps up with large, fast faces; the *fine* pass
(CenterFace on the whole frame at each of ``fine_scales``) runs every ``fine_stride``
frames and on still images, and finds faces down to about 10 px. Boxes are carried by motion
to the frames in between (``propagation``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from app.core.errors import InvalidInputError


@dataclass(frozen=True)
class Preset:
    name: str
    description: str
    centerface_threshold: float | None = 0.4  # None: CenterFace off
    centerface_scale: float = 1.0
    centerface_max_megapixels: float | None = None  # None: no cap on the input size
    mediapipe_threshold: float | None = 0.5  # None: MediaPipe off
    mediapipe_windows: tuple[int, ...] = field(default_factory=tuple)
    mediapipe_overlap: float = 0.3
    fusion_iou: float = 0.3
    fine_scales: tuple[float, ...] = ()  # empty: no fine pass (every pass is the quick one)
    fine_threshold: float = 0.2
    fine_max_megapixels: float | None = None  # None: no cap on the fine pass's input
    fine_stride: int = 1  # every N-th key frame of a video is a fine one
    stride: int = 1  # a key frame every N frames

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mediapipe_windows"] = list(self.mediapipe_windows)
        data["fine_scales"] = list(self.fine_scales)
        return data


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("fast", "Quick pass only (CenterFace at up to 0.25 MP plus BlazeFace) every 4th "
               "frame, boxes carried by motion in between; for previews of close-up footage. "
               "Misses faces under about 25 px.",
               centerface_threshold=0.3, centerface_max_megapixels=0.25,
               mediapipe_threshold=0.7, stride=4),
        Preset("balanced", "Quick pass (CenterFace at up to 0.35 MP plus BlazeFace) every 3rd "
               "frame and a fine pass (CenterFace at 1x and upscaled 2x, up to 3 MP, "
               "threshold 0.2) once a second, "
               "boxes carried by motion both ways in between. The default.",
               centerface_threshold=0.3, centerface_max_megapixels=0.35,
               mediapipe_threshold=0.7, fine_scales=(1.0, 2.0), fine_threshold=0.2,
               fine_max_megapixels=3.0, fine_stride=10, stride=3),
        Preset("thorough", "For dense crowds: the quick pass every 2nd frame and the fine "
               "pass (CenterFace at 1x and 2x, no cap, threshold 0.15) on every 3rd of those; "
               "several times slower than balanced.",
               centerface_threshold=0.3, centerface_max_megapixels=0.75,
               mediapipe_threshold=0.7, fine_scales=(1.0, 2.0), fine_threshold=0.15,
               fine_stride=3, stride=2),
    )
}
DEFAULT_PRESET = "balanced"

# The residual check on the finished export: the quick pass on every frame (the presets run
# it on one frame in 2-4 and carry boxes by motion to the rest, so on most frames the check
# is the only detector that looks). Lower thresholds were tried: at CenterFace 0.2 /
# BlazeFace 0.6 it "found" road signs and a whole shop front on a street clip, and the
# closed loop hid them.
CHECK_PRESET = Preset("check", "Residual check of an export: every frame.",
                      centerface_threshold=0.3, centerface_max_megapixels=0.35,
                      mediapipe_threshold=0.7, stride=1)


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise InvalidInputError(
            f"Unknown detection preset {name!r}: use one of {', '.join(PRESETS)}.") from None
