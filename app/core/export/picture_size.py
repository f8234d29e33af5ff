"""The export's picture: its size and its pixels' shape, from the original's.

* H.264 4:2:0 needs an even width and height: a picture of an odd one gets one more column
  (or row) on the right (or at the bottom), a copy of the last one as redacted, so nothing
  is scaled and nothing the redaction hid is shown again (manifest: ``output.padded``).
* Pixels that are not square (PAL, HDV, CCTV) keep their shape, so the copy is shown as
  wide as the original.
* The colour description (range, matrix, primaries, transfer) of a YUV original is the
  copy's too, and every picture is encoded in it (:func:`encodable`): a full-range original
  (phones, MJPEG CCTV, dashcams) stays full range, a BT.709 one BT.709, so a frame drawn on
  (converted to RGB and back) and a frame passed through look the same; an RGB, grey or
  palette original becomes plain BT.601 limited YUV (:func:`colour_description`). Before
  2026-12-06 a full-range or PNG-coded original's undrawn frames came out 8 levels off,
  and a BT.709 one's drawn and undrawn frames differed by about 9.
* The display matrix (rotation) is the first frame's.
* Pictures of another size than the file declares (its size changes part-way) are scaled
  to it when decoded (``media.decode.as_sized``; manifest: ``output.rescaled_frames``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import av
import numpy as np

from app.core.media.decode import first_picture, first_size, is_yuv, pixel_shape, rgb_of
from app.core.media.rotation import display_matrix_of

RESCALED_NOTE = ("the picture size changes part-way through the original: these pictures were "
                 "scaled to the size it declares, {width}x{height}, for detection and "
                 "export")
PIXELS = "yuv420p"  # H.264 4:2:0, 8 bits: what every player plays
# FFmpeg's colour matrices (AVColorSpace) as the scaler knows them: BT.709, FCC, BT.601
# (BT.470BG and SMPTE 170M, 5: the scaler's default), SMPTE 240M, BT.2020
MATRICES = {1: 1, 4: 4, 5: 5, 6: 5, 7: 7, 9: 9, 10: 9}
# The colour codes (ITU-T H.273) a copy carries over: the matrices the scaler converts by
# (above), and the primaries and transfers (BT.709 ... PQ, HLG) H.264's encoder knows
H264_CODES = {"colorspace": frozenset(MATRICES),
              "color_primaries": frozenset({1, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
              "color_trc": frozenset(range(1, 19)) - {2, 3}}
PADDED_NOTE = ("one column or row added on the right or at the bottom, a copy of the last "
               "(H.264 4:2:0 needs an even width and height); nothing scaled")


def shape_picture(source: Any, out: Any) -> tuple[tuple[int, int], bool]:
    """Give the video stream ``out`` the size, pixel format and pixel shape of ``source``'s
    copy; the original's size (as declared, before anything is decoded) and whether it was
    made even."""
    size = first_size(source)
    out.width, out.height = even_size(*size)
    out.pix_fmt = PIXELS
    for name, value in colour_description(source.codec_context).items():
        setattr(out.codec_context, name, value)
    aspect = pixel_shape(source)
    if aspect and aspect != 1:
        out.codec_context.sample_aspect_ratio = aspect
    return size, (out.width, out.height) != size


def colour_description(given: Any) -> dict[str, int]:
    """What of a source's colour description (its codec context) the H.264 copy carries:
    for a YUV source its range and, where H.264 has a code for them, its matrix, primaries
    and transfer; nothing for an RGB, grey or palette source (PNG, QuickTime animation,
    raw RGB: its pictures become YUV by the default matrix, and an RGB "matrix" on a YUV
    stream would make every player show wrong colours)."""
    if not is_yuv(given.pix_fmt or ""):
        return {}
    carried = {"color_range": given.color_range}
    for name, known in H264_CODES.items():
        if int(getattr(given, name)) in known:
            carried[name] = getattr(given, name)
    return carried


def encodable(frame: Any, out: Any) -> Any:
    """``frame`` as the copy's encoder ``out`` takes it, in the original's colour
    description (:func:`shape_picture`): a drawn (RGB) picture converted by the original's
    matrix and range; a decoded one of another pixel format (full-range J, 10-bit, 4:2:2)
    converted keeping its range; one already right as it is."""
    taken = out.codec_context
    # matrix and range named, never left to the frame: an RGB original's frames say "RGB"
    # and full range, which the scaler would take for BT.709 and keep full; nothing said
    # is BT.601 and limited, as readers take it
    kept = taken.color_range or 1
    if not is_yuv(frame.format.name):  # drawn (RGB), or an RGB, grey or palette original's
        return frame.reformat(format=PIXELS, dst_colorspace=MATRICES.get(taken.colorspace, 5),
                              dst_color_range=kept)
    if frame.format.name != PIXELS or (frame.color_range or 1) != kept:
        return frame.reformat(format=PIXELS, src_color_range=frame.color_range or None,
                              dst_color_range=kept)
    return frame


def display_matrix(path: Path) -> tuple[int, ...] | None:
    """The first frame's display matrix (9 integers, FFmpeg layout), if the file has one."""
    return display_matrix_of(first_picture(path))


def even_size(width: int, height: int) -> tuple[int, int]:
    """The encoded size of a ``width`` x ``height`` picture."""
    return width + width % 2, height + height % 2


def padded(frame: Any, width: int, height: int) -> Any:
    """``frame`` (a PyAV video frame) at the even size ``width`` x ``height``; the frame
    itself when it is that size already."""
    if (frame.width, frame.height) == (width, height):
        return frame
    rgb = rgb_of(frame)
    rgb = np.pad(rgb, ((0, height - frame.height), (0, width - frame.width), (0, 0)),
                 mode="edge")
    return av.VideoFrame.from_ndarray(np.ascontiguousarray(rgb), format="rgb24")
