"""Pictures of an odd width or height in an H.264 4:2:0 export, whose sizes must be even:
one more column (or row) is added on the right (or at the bottom), a copy of the last
one as redacted, so nothing is scaled and nothing the redaction hid is shown again. The
manifest records it (``output.padded``)."""

from __future__ import annotations

from typing import Any

import av
import numpy as np

PADDED_NOTE = ("one column or row added on the right or at the bottom, a copy of the last "
               "(H.264 4:2:0 needs an even width and height); nothing scaled")


def even_size(width: int, height: int) -> tuple[int, int]:
    """The encoded size of a ``width`` x ``height`` picture."""
    return width + width % 2, height + height % 2


def padded(frame: Any, width: int, height: int) -> Any:
    """``frame`` (a PyAV video frame) at the even size ``width`` x ``height``; the frame
    itself when it is that size already."""
    if (frame.width, frame.height) == (width, height):
        return frame
    rgb = frame.to_ndarray(format="rgb24")
    rgb = np.pad(rgb, ((0, height - frame.height), (0, width - frame.width), (0, 0)),
                 mode="edge")
    return av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
