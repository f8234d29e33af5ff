"""The C2PA signing key may be kept encrypted (PKCS#8 with a passphrase): it is opened in
memory with the passphrase from BWV_C2PA_KEY_PASSWORD, and a missing or wrong passphrase is
a clear message naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from app.core.errors import MediaError
from app.core.export.c2pa_signing import KEY_PASSWORD_ENV, _open_key
from tests.c2pa_ca import make_test_ca


def test_an_encrypted_key_opens_only_with_its_passphrase(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _ca, _chain, plain = make_test_ca(tmp_path)
    key = serialization.load_pem_private_key(plain.read_bytes(), password=None)
    locked = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                               serialization.BestAvailableEncryption(b"force secret"))
    path = tmp_path / "locked.pem"
    path.write_bytes(locked)
    monkeypatch.delenv(KEY_PASSWORD_ENV, raising=False)
    assert _open_key(plain.read_bytes(), plain)[0] == "ES256"  # unencrypted still works
    with pytest.raises(MediaError, match=f"locked.pem.*encrypted.*{KEY_PASSWORD_ENV}"):
        _open_key(locked, path)
    monkeypatch.setenv(KEY_PASSWORD_ENV, "not it")
    with pytest.raises(MediaError, match="does not open"):
        _open_key(locked, path)
    monkeypatch.setenv(KEY_PASSWORD_ENV, "force secret")
    algorithm, opened = _open_key(locked, path)
    assert algorithm == "ES256" and b"ENCRYPTED" not in opened
    assert serialization.load_pem_private_key(opened, None).private_numbers() == \
        key.private_numbers()  # type: ignore[union-attr]
    with pytest.raises(MediaError, match="not a PEM private key"):
        _open_key(b"nonsense", path)
