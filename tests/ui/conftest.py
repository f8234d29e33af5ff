"""UI tests: every test leaves no worker running behind it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _no_workers_left(qapp: object) -> Iterator[None]:
    yield
    from app.ui.workers import shutdown

    assert shutdown(10_000), "a background job did not stop"
