"""Writing redacted copies (H.264 MP4), their manifests, and the residual-face check."""
