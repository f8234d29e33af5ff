"""Terminal progress bars (tqdm on stderr; hidden when stderr is not a terminal)."""

from __future__ import annotations

from types import TracebackType

from tqdm import tqdm


class ByteBar:
    """A bytes progress bar that fits ``progress(done, total)`` callbacks, one file at a time."""

    def __init__(self) -> None:
        self._bar: tqdm | None = None
        self._done = 0

    def start(self, label: str) -> None:
        self.close()
        self._bar = tqdm(desc=label, unit="B", unit_scale=True, unit_divisor=1024,
                         leave=False, disable=None, dynamic_ncols=True)
        self._done = 0

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            return
        if total and self._bar.total != total:
            self._bar.total = total
        self._bar.update(done - self._done)
        self._done = done

    def write(self, line: str) -> None:
        """Print a line without breaking the bar."""
        tqdm.write(line)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> ByteBar:
        return self

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
