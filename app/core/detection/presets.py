"""Named detection presets: which detectors run, at what scale and threshold.

Chosen by ``bench/detect_recall.py`` and ``bench/throughput.py``; the figures are in the
README. ``stride`` is how often video frames are run through the detector (1 = every frame);
the tracker fills the frames in between.
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
    stride: int = 1
    verify_stride: int = 1  # the residual check looks at every N-th exported frame

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["mediapipe_windows"] = list(self.mediapipe_windows)
        return data


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset("fast", "CenterFace at up to 0.25 MP plus whole-frame BlazeFace on every 6th "
               "frame; for quick previews of close-up footage.",
               centerface_threshold=0.3, centerface_max_megapixels=0.25,
               mediapipe_threshold=0.7, stride=6, verify_stride=24),
        Preset("balanced", "CenterFace at up to 0.75 MP plus whole-frame BlazeFace on every "
               "4th frame, tracks filling the frames between. The default.",
               centerface_threshold=0.3, centerface_max_megapixels=0.75,
               mediapipe_threshold=0.7, stride=4, verify_stride=12),
        Preset("crowd", "CenterFace upscaled 1.5x plus BlazeFace on 256/128 px tiles on every "
               "frame, for crowds of 8-40 px faces; many times slower.",
               centerface_threshold=0.3, centerface_scale=1.5, mediapipe_threshold=0.7,
               mediapipe_windows=(256, 128), stride=1, verify_stride=2),
    )
}
DEFAULT_PRESET = "balanced"


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise InvalidInputError(
            f"Unknown detection preset {name!r}: use one of {', '.join(PRESETS)}.") from None
