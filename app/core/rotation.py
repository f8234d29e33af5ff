"""Display rotation: stored frames are turned counter-clockwise by ``rotation`` degrees
(0/90/180/270, as in the file's display matrix) before they are shown or run through the
detector, and boxes found on the upright picture are mapped back to stored pixels."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


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
