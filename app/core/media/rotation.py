"""Display rotation: stored frames are turned counter-clockwise by ``rotation`` degrees
(0/90/180/270, as in the file's display matrix) before they are shown or run through the
detector, and boxes found on the upright picture are mapped back to stored pixels."""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from app.core.errors import QT_TRANSLATE_NOOP

MIRRORED = QT_TRANSLATE_NOOP(
    "CoreMessages", "{path}: the recording is stored mirrored (its display matrix flips the "
    "picture, or is not a valid turn), which BWV Studio cannot yet redact safely: its faces "
    "would be looked for on a picture turned differently from the one shown. Re-encode it "
    "without the mirror and ingest that.")


def display_matrix_of(frame: Any) -> tuple[int, ...] | None:
    """A decoded frame's display matrix (9 integers, FFmpeg layout), if it has one."""
    from av.sidedata.sidedata import Type

    data = frame.side_data.get(Type.DISPLAYMATRIX) if frame is not None else None
    return struct.unpack("=9i", bytes(data)) if data is not None else None


def mirrors(matrix: Sequence[int] | None) -> bool:
    """Whether a display matrix flips the picture (a negative determinant), which a
    rotation alone cannot describe, or is no turn at all (zero: FFmpeg reads an angle that
    is not one)."""
    return matrix is not None and matrix[0] * matrix[4] - matrix[1] * matrix[3] <= 0


def upright(image: npt.NDArray[np.uint8], rotation: int) -> npt.NDArray[np.uint8]:
    """The picture as it is displayed."""
    k = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(image, k)) if k else image


def boxes_to_stored(boxes: npt.NDArray[np.float32], rotation: int, stored_w: int,
                    stored_h: int) -> npt.NDArray[np.float32]:
    """Map ``x1, y1, x2, y2, ...`` boxes from upright pixels back to stored pixels."""
    k = (rotation // 90) % 4
    if k == 0 or len(boxes) == 0:
        return boxes
    out = boxes.copy()
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    if k == 1:  # upright = stored turned 90° ccw: stored (x, y) = (W - y_u, x_u)
        out[:, 0], out[:, 2] = stored_w - y2, stored_w - y1
        out[:, 1], out[:, 3] = x1, x2
    elif k == 2:
        out[:, 0], out[:, 2] = stored_w - x2, stored_w - x1
        out[:, 1], out[:, 3] = stored_h - y2, stored_h - y1
    else:  # k == 3: stored (x, y) = (y_u, H - x_u)
        out[:, 0], out[:, 2] = y1, y2
        out[:, 1], out[:, 3] = stored_h - x2, stored_h - x1
    return out


def box_to_upright(box: tuple[float, float, float, float], rotation: int, stored_w: int,
                   stored_h: int) -> tuple[float, float, float, float]:
    """Map one ``x, y, w, h`` box from stored pixels to the upright picture."""
    x, y, w, h = box
    k = (rotation // 90) % 4
    if k == 0:
        return box
    if k == 1:  # upright (x_u, y_u) = (y, W - x)
        return (y, stored_w - x - w, h, w)
    if k == 2:
        return (stored_w - x - w, stored_h - y - h, w, h)
    return (stored_h - y - h, x, h, w)  # k == 3: upright (x_u, y_u) = (H - y, x)


def box_to_stored(box: tuple[float, float, float, float], rotation: int, stored_w: int,
                  stored_h: int) -> tuple[float, float, float, float]:
    """Map one ``x, y, w, h`` box from the upright picture to stored pixels."""
    x, y, w, h = box
    out = boxes_to_stored(np.array([[x, y, x + w, y + h]], np.float32), rotation, stored_w,
                          stored_h)[0]
    return (float(out[0]), float(out[1]), float(out[2] - out[0]), float(out[3] - out[1]))


def to_stored(image: npt.NDArray[np.uint8], rotation: int) -> npt.NDArray[np.uint8]:
    """Undo :func:`upright`: the picture as it is stored."""
    k = (rotation // 90) % 4
    return np.ascontiguousarray(np.rot90(image, -k)) if k else image
