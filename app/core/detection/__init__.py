"""Face detection: MediaPipe BlazeFace on multi-scale tiles fused with CenterFace (ONNX).

Everything runs on the CPU from models vendored in ``models/`` (nothing is downloaded).
"""
