"""A force's Dask cluster, joined over mutual TLS: where it is and this machine's certificate
(``ClusterTls``), the security settings, and the client that joins it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP, BwvError, InvalidInputError

JOIN_TIMEOUT_S = 30


@dataclass(frozen=True)
class ClusterTls:
    """A force's Dask cluster: its scheduler's ``tls://host:port`` address, the certificate
    authority that signed its members' certificates, and this machine's certificate and key."""

    scheduler: str
    ca_file: Path
    cert_file: Path
    key_file: Path


def tls_security(cluster: ClusterTls) -> Any:
    """Dask's mutual-TLS settings for joining ``cluster`` (a clear message for a plain
    address or a missing file)."""
    from distributed.security import Security

    if not cluster.scheduler.startswith("tls://"):
        raise InvalidInputError(QT_TRANSLATE_NOOP(
            "CoreMessages", "{address}: a cluster is joined over mutual TLS only; give its "
            "scheduler as tls://host:port."), address=cluster.scheduler)
    for path in (cluster.ca_file, cluster.cert_file, cluster.key_file):
        if not path.is_file():
            raise InvalidInputError(QT_TRANSLATE_NOOP(
                "CoreMessages", "{path}: no such certificate or key file."), path=path)
    return Security(tls_ca_file=str(cluster.ca_file),  # type: ignore[no-untyped-call]
                    tls_client_cert=str(cluster.cert_file),
                    tls_client_key=str(cluster.key_file), require_encryption=True)


def join_cluster(cluster: ClusterTls, security: Any) -> Any:
    """A client of the force's scheduler (a clear message when it cannot be reached or
    refuses this machine's certificate)."""
    from distributed import Client

    try:
        return Client(cluster.scheduler, security=security,  # type: ignore[no-untyped-call]
                      timeout=JOIN_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BwvError(QT_TRANSLATE_NOOP(
            "CoreMessages", "Cannot join the cluster at {address}: {problem}"),
            address=cluster.scheduler, problem=str(exc) or type(exc).__name__) from exc
