"""Best-frame thumbnails of tracks (one decoding pass over the frames they need)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from app.core.media.decode import iter_frames, main_video, open_container, pixel_shape, rgb_of
from app.core.media.rotation import upright
from app.core.progress import CancelToken
from app.core.tracking.tracker import Track


def track_thumbnails(source: Path, tracks: list[Track], rotation: int = 0, size: int = 96,
                     cancel: CancelToken | None = None) -> dict[int, bytes]:
    """A JPEG of each track's best detection (a little context around the face, upright)."""
    wanted: dict[int, list[Track]] = {}
    for track in tracks:
        wanted.setdefault(int(track.summary()["best_frame"]), []).append(track)
    thumbs: dict[int, bytes] = {}
    if not wanted:
        return thumbs
    last = max(wanted)
    with open_container(source) as container:  # pixels that are not square (PAL, HDV,
        wide = float(pixel_shape(main_video(container)) or 1)  # CCTV): as wide as meant
    for decoded in iter_frames(source, cancel):
        if decoded.index in wanted:
            rgb = rgb_of(decoded.frame)
            h, w = rgb.shape[:2]
            for track in wanted[decoded.index]:
                x1, y1, x2, y2, _ = track.keyframes[decoded.index]
                pad = 0.25 * max(x2 - x1, y2 - y1)
                crop = rgb[max(0, int(y1 - pad)):min(h, int(y2 + pad)),
                           max(0, int(x1 - pad)):min(w, int(x2 + pad))]
                if crop.size == 0:
                    continue
                if wide != 1:  # (stored pixels: across the stored rows)
                    crop = cv2.resize(crop, (max(1, round(crop.shape[1] * wide)),
                                             crop.shape[0]), interpolation=cv2.INTER_AREA)
                crop = upright(np.ascontiguousarray(crop), rotation)
                scale = size / max(crop.shape[:2])
                small = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
                ok, jpeg = cv2.imencode(".jpg", small[:, :, ::-1])
                if ok:
                    thumbs[track.id] = jpeg.tobytes()
        if decoded.index >= last:
            break
    return thumbs
