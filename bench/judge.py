"""MTCNN as an independent face detector ("judge") for the benchmarks; never for the product.

    .venv/bin/python bench/judge.py IMAGE ... [--upscale 2] [--min-face 12]

The three ONNX networks in ``../shared/models/judge/`` (see its SOURCES.md) are facenet-pytorch's
port of MTCNN (Zhang et al., 2016); their SHA-256 is checked on load. :class:`MtcnnJudge` follows
facenet-pytorch's reference ``detect_face`` step for step: RGB scaled as (x - 127.5) / 128 in
NCHW; a pyramid (factor 0.709) from ``12 / min_face``; P-Net proposals (stride 2, cell 12,
score >= 0.6), NMS 0.5 per scale then 0.7 across scales, P-Net box regression and square-up;
R-Net (score > 0.7) on 24x24 crops, NMS 0.7, regression, square-up; O-Net (score > 0.7) on 48x48
crops, regression, NMS 0.7 by the smaller area ('Min'). Resizes are torch's ``mode="area"``
(adaptive average pooling), reproduced exactly; crops are clipped to the image, not padded,
as facenet-pytorch does. Unlike the reference, the frame is first upscaled (bilinear) by
``upscale`` so that faces down to ``min_face / upscale`` pixels are seen.

Run on images it prints the faces found and, for the WIDER val subset images, recall and
precision at IoU 0.5 against the ground truth.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import onnxruntime as ort

MODELS = Path(__file__).resolve().parents[2] / "shared" / "models" / "judge"
SHA256 = {
    "mtcnn_pnet.onnx": "c2d2f04aee148d0446fe865815cd65dde32abe86f10681bed5298d5c00ed759b",
    "mtcnn_rnet.onnx": "a5347215ed7fc6c344fb9a6462ba28c0b4da5088b7e39d8e85a6d804114c042f",
    "mtcnn_onet.onnx": "7f18f58a9324b0fe6c247701742efa3010835ec9895fb8f95013bfec18d8d1e6",
}
WIDER = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "images" / "wider_val"
Array = npt.NDArray[np.float32]


def _session(name: str, threads: int) -> ort.InferenceSession:
    data = (MODELS / name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256[name]:
        raise RuntimeError(f"{MODELS / name}: SHA-256 {digest} is not the expected "
                           f"{SHA256[name]}")
    options = ort.SessionOptions()
    # threads sleep between runs instead of spinning: beside other work (the product's own
    # networks, a second test process) spinning only takes the cores from it
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    if threads:
        options.intra_op_num_threads = threads
    return ort.InferenceSession(data, options, providers=["CPUExecutionProvider"])


def _bins(n_in: int, n_out: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Start and end of each output cell of torch's adaptive average pooling."""
    i = np.arange(n_out)
    return (i * n_in) // n_out, -((-(i + 1) * n_in) // n_out)


def integral(img: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """Summed-area table of an HxWxC image, (H+1) x (W+1) x C, exact integers."""
    h, w = img.shape[:2]
    dtype = np.int32 if h * w * 255 < 2**31 else np.int64
    out = np.zeros((h + 1, w + 1, img.shape[2]), dtype)
    np.cumsum(img, axis=0, dtype=dtype, out=out[1:, 1:])
    np.cumsum(out[1:, 1:], axis=1, out=out[1:, 1:])
    return out


def _box_means(table: npt.NDArray[np.int64], ys: npt.NDArray[np.intp],
               ye: npt.NDArray[np.intp], xs: npt.NDArray[np.intp],
               xe: npt.NDArray[np.intp]) -> Array:
    """Means of the boxes [ys, ye) x [xs, xe) (broadcast index arrays) from ``table``."""
    sums = table[ye, xe] - table[ys, xe] - table[ye, xs] + table[ys, xs]
    return (sums / ((ye - ys) * (xe - xs))[..., None]).astype(np.float32)


def area_resize(table: npt.NDArray[np.int64], oh: int, ow: int) -> Array:
    """``torch.nn.functional.interpolate(mode="area")`` (adaptive average pooling) to
    oh x ow x C of the image whose :func:`integral` is ``table`` (exact up to float32
    rounding). Separable: whole rows of the table first, then columns."""
    ys, ye = _bins(table.shape[0] - 1, oh)
    xs, xe = _bins(table.shape[1] - 1, ow)
    rows = np.take(table, ye, axis=0) - np.take(table, ys, axis=0)
    sums = np.take(rows, xe, axis=1) - np.take(rows, xs, axis=1)
    inverse = (1.0 / ((ye - ys)[:, None] * (xe - xs)[None, :])).astype(np.float32)
    return sums.astype(np.float32) * inverse[..., None]


def _blob(images: Array) -> Array:
    """N x H x W x 3 float RGB to the networks' normalised N x 3 x H x W input."""
    return np.ascontiguousarray(((images - 127.5) * 0.0078125).transpose(0, 3, 1, 2))


def nms(boxes: Array, threshold: float, mode: str = "union") -> npt.NDArray[np.intp]:
    """Indices kept by greedy NMS on ``x1, y1, x2, y2, score`` rows, best first.

    ``union``: torchvision's IoU (areas without +1); ``min``: facenet-pytorch's numpy
    'Min' (intersection over the smaller area, +1 pixel convention)."""
    if len(boxes) == 0:
        return np.zeros(0, np.intp)
    x1, y1, x2, y2, s = (boxes[:, i] for i in range(5))
    one = 1.0 if mode == "min" else 0.0
    area = (x2 - x1 + one) * (y2 - y1 + one)
    order = np.argsort(-s, kind="stable")
    keep = []
    while order.size:
        i = order[0]
        keep.append(i)
        rest = order[1:]
        iw = np.maximum(0.0, np.minimum(x2[i], x2[rest]) - np.maximum(x1[i], x1[rest]) + one)
        ih = np.maximum(0.0, np.minimum(y2[i], y2[rest]) - np.maximum(y1[i], y1[rest]) + one)
        inter = iw * ih
        if mode == "min":
            overlap = inter / np.minimum(area[i], area[rest])
        else:
            overlap = inter / np.maximum(area[i] + area[rest] - inter, 1e-12)
        order = rest[overlap <= threshold]
    return np.array(keep, np.intp)


def _bbreg(boxes: Array, reg: Array) -> Array:
    out = boxes.copy()
    w = boxes[:, 2] - boxes[:, 0] + 1
    h = boxes[:, 3] - boxes[:, 1] + 1
    out[:, 0] += reg[:, 0] * w
    out[:, 1] += reg[:, 1] * h
    out[:, 2] += reg[:, 2] * w
    out[:, 3] += reg[:, 3] * h
    return out


def _rerec(boxes: Array) -> Array:
    """Square up around the centre (the longer side)."""
    out = boxes.copy()
    h = boxes[:, 3] - boxes[:, 1]
    w = boxes[:, 2] - boxes[:, 0]
    side = np.maximum(w, h)
    out[:, 0] = boxes[:, 0] + w * 0.5 - side * 0.5
    out[:, 1] = boxes[:, 1] + h * 0.5 - side * 0.5
    out[:, 2] = out[:, 0] + side
    out[:, 3] = out[:, 1] + side
    return out


def _generate(reg: Array, prob: Array, scale: float, threshold: float) -> Array:
    """P-Net cells with ``prob >= threshold`` as ``x1, y1, x2, y2, score, dx1..dy2`` rows
    in pyramid-input pixels (``reg`` 4 x H' x W', ``prob`` H' x W')."""
    ys, xs = np.nonzero(prob >= threshold)
    bb = np.stack([xs, ys], axis=1).astype(np.float32)
    q1 = np.floor((2 * bb + 1) / scale)
    q2 = np.floor((2 * bb + 12) / scale)
    return np.concatenate([q1, q2, prob[ys, xs][:, None], reg[:, ys, xs].T],
                          axis=1).astype(np.float32)


class MtcnnJudge:
    """MTCNN face detector (facenet-pytorch's pipeline) on onnxruntime, CPU."""

    def __init__(self, upscale: float = 2.0, min_face: int = 12,
                 thresholds: tuple[float, float, float] = (0.6, 0.7, 0.7),
                 factor: float = 0.709, threads: int = 0, batch: int = 256) -> None:
        ort.set_default_logger_severity(3)
        self.upscale, self.min_face, self.factor = upscale, min_face, factor
        self.thresholds, self.batch = thresholds, batch
        self.pnet = _session("mtcnn_pnet.onnx", threads)
        self.rnet = _session("mtcnn_rnet.onnx", threads)
        self.onet = _session("mtcnn_onet.onnx", threads)

    def detect(self, rgb: npt.NDArray[np.uint8], upscale: float | None = None) -> Array:
        """Faces in an RGB image as ``(N, 5)`` rows x1, y1, x2, y2, score in its pixels
        (``upscale`` overrides the judge's own for this call)."""
        upscale = self.upscale if upscale is None else upscale
        img = rgb
        if upscale != 1.0:
            h0, w0 = rgb.shape[:2]
            img = cv2.resize(rgb, (round(w0 * upscale), round(h0 * upscale)),
                             interpolation=cv2.INTER_LINEAR)
        boxes = self._stages(np.ascontiguousarray(img))
        if len(boxes):
            boxes[:, :4] /= upscale
        return boxes

    def _run(self, session: ort.InferenceSession, blob: Array) -> list[Array]:
        outs: list[list[Array]] = []
        for start in range(0, len(blob), self.batch):
            outs.append(session.run(None, {"input": blob[start:start + self.batch]}))
        return [np.concatenate([o[i] for o in outs]) for i in range(len(outs[0]))]

    def _pyramid(self, table: npt.NDArray[np.int64]) -> Array:
        h, w = table.shape[0] - 1, table.shape[1] - 1
        scale = 12.0 / self.min_face
        minl = min(h, w) * scale
        found = []
        while minl >= 12:
            data = area_resize(table, int(h * scale + 1), int(w * scale + 1))
            reg, prob = self.pnet.run(["reg", "prob"], {"input": _blob(data[None])})
            boxes = _generate(reg[0], prob[0, 1], scale, self.thresholds[0])
            found.append(boxes[nms(boxes, 0.5)])
            scale *= self.factor
            minl *= self.factor
        return np.concatenate(found) if found else np.zeros((0, 9), np.float32)

    @staticmethod
    def _crops(table: npt.NDArray[np.int64], boxes: Array,
               size: int) -> tuple[Array, npt.NDArray[np.bool_]]:
        """Area-resized size x size crops of ``boxes`` clipped to the image (the reference's
        1-based ``pad``); the mask tells which boxes had a non-empty crop."""
        h, w = table.shape[0] - 1, table.shape[1] - 1
        b = np.trunc(boxes[:, :4]).astype(np.int64)
        x0, y0 = np.maximum(b[:, 0], 1) - 1, np.maximum(b[:, 1], 1) - 1
        x1, y1 = np.minimum(b[:, 2], w), np.minimum(b[:, 3], h)
        ok = (y1 > y0) & (x1 > x0)
        x0, y0, x1, y1 = x0[ok, None], y0[ok, None], x1[ok, None], y1[ok, None]
        i = np.arange(size)[None, :]
        ch, cw = y1 - y0, x1 - x0
        ys, ye = y0 + (i * ch) // size, y0 - ((-(i + 1) * ch) // size)
        xs, xe = x0 + (i * cw) // size, x0 - ((-(i + 1) * cw) // size)
        crops = _box_means(table, ys[:, :, None], ye[:, :, None], xs[:, None, :],
                           xe[:, None, :])
        return crops, ok

    def _stages(self, img: npt.NDArray[np.uint8]) -> Array:
        _, t2, t3 = self.thresholds
        table = integral(img)
        boxes = self._pyramid(table)
        boxes = boxes[nms(boxes, 0.7)]
        if len(boxes) == 0:
            return np.zeros((0, 5), np.float32)
        regw = (boxes[:, 2] - boxes[:, 0])[:, None]
        regh = (boxes[:, 3] - boxes[:, 1])[:, None]
        shift = boxes[:, 5:9] * np.concatenate([regw, regh, regw, regh], axis=1)
        boxes = _rerec(np.concatenate([boxes[:, :4] + shift, boxes[:, 4:5]], axis=1))
        # R-Net
        crops, ok = self._crops(table, boxes, 24)
        boxes = boxes[ok]
        if len(boxes) == 0:
            return np.zeros((0, 5), np.float32)
        reg, prob = self._run(self.rnet, _blob(crops))
        keep = prob[:, 1] > t2
        boxes = np.concatenate([boxes[keep, :4], prob[keep, 1:2]], axis=1)
        reg = reg[keep]
        pick = nms(boxes, 0.7)
        boxes = _rerec(_bbreg(boxes[pick], reg[pick]))
        if len(boxes) == 0:
            return np.zeros((0, 5), np.float32)
        # O-Net
        crops, ok = self._crops(table, boxes, 48)
        boxes = boxes[ok]
        if len(boxes) == 0:
            return np.zeros((0, 5), np.float32)
        out = dict(zip(("reg", "landmarks", "prob"), self._run(self.onet, _blob(crops)),
                       strict=True))
        keep = out["prob"][:, 1] > t3
        boxes = np.concatenate([boxes[keep, :4], out["prob"][keep, 1:2]], axis=1)
        boxes = _bbreg(boxes, out["reg"][keep])
        return boxes[nms(boxes, 0.7, "min")].astype(np.float32)


def iou_matrix(a: Array, b: Array) -> Array:
    """IoU of every ``x1, y1, x2, y2`` box of ``a`` with every box of ``b``."""
    if len(a) == 0 or len(b) == 0:
        return np.zeros((len(a), len(b)), np.float32)
    iw = np.clip(np.minimum(a[:, None, 2], b[None, :, 2])
                 - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    ih = np.clip(np.minimum(a[:, None, 3], b[None, :, 3])
                 - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = iw * ih
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    return (inter / np.maximum(area_a[:, None] + area_b[None, :] - inter, 1e-9)
            ).astype(np.float32)


def greedy_match(iou: Array, threshold: float) -> list[tuple[int, int]]:
    """One-to-one pairs (row, column) with IoU >= ``threshold``, highest IoU first."""
    pairs = []
    used_r: set[int] = set()
    used_c: set[int] = set()
    for flat in np.argsort(-iou, axis=None, kind="stable"):
        r, c = divmod(int(flat), iou.shape[1])
        if iou[r, c] < threshold:
            break
        if r not in used_r and c not in used_c:
            pairs.append((r, c))
            used_r.add(r)
            used_c.add(c)
    return pairs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("images", nargs="*", type=Path,
                        help="default: the WIDER val subset images")
    parser.add_argument("--upscale", type=float, default=2.0)
    parser.add_argument("--min-face", type=int, default=12)
    args = parser.parse_args()
    judge = MtcnnJudge(upscale=args.upscale, min_face=args.min_face)
    gt_file = WIDER / "wider_val_subset_gt.json"
    gt = json.loads(gt_file.read_text())["images"] if gt_file.exists() else {}
    images = args.images or sorted(WIDER.glob("*.jpg"))
    totals = [0, 0, 0, 0]  # matched at 0.5, at 0.3, ground truth, detections (annotated)
    for path in images:
        bgr = cv2.imread(str(path))
        if bgr is None:
            print(f"{path}: not an image")
            continue
        start = time.perf_counter()
        found = judge.detect(cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB))
        ms = (time.perf_counter() - start) * 1000
        line = f"{path.name}: {bgr.shape[1]}x{bgr.shape[0]}, {len(found)} faces, {ms:.0f} ms"
        if path.name in gt:
            faces = gt[path.name]["faces"]
            truth = np.array([[f["x"], f["y"], f["x"] + f["w"], f["y"] + f["h"]]
                              for f in faces], np.float32).reshape(-1, 4)
            iou = iou_matrix(truth, found)
            m5, m3 = len(greedy_match(iou, 0.5)), len(greedy_match(iou, 0.3))
            totals = [t + n for t, n in zip(totals, (m5, m3, len(truth), len(found)),
                                            strict=True)]
            line += f"; ground truth {len(truth)}, matched at IoU 0.5 / 0.3: {m5} / {m3}"
        print(line)
    m5, m3, n_truth, n_found = totals
    for label, matched in (("0.5", m5), ("0.3", m3)):
        if n_truth:
            print(f"IoU {label}: recall {matched / n_truth:.3f} ({matched}/{n_truth}), "
                  f"precision {matched / max(n_found, 1):.3f} ({matched}/{n_found})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
