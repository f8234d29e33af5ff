"""What the fork server of this process's worker processes imports once, before it forks
them (``fork_server.use_fork_server``): the job code with its media and network libraries,
and MediaPipe's task API (through the detector's own loader, which leaves out its audio and
drawing parts). A worker process forked from it, and one its Nanny starts again after a
crash, begins with all of it imported instead of spending about a second of a core
importing it anew. No model is opened here; importing
onnxruntime starts one idle thread of its own, which forked children do not inherit (they
end through ``os._exit``, as Dask's do: a child that ran the interpreter's normal exit
could wait for ever in onnxruntime's clean-up).

Set first, so every worker is born with them: Ctrl+C ignored (the command that owns the
workers stops them by closing the cluster), and Dask's thread settings for numerical
libraries (it sets them in a spawned worker before anything loads; here they must be set
before the libraries load in the server)."""

from __future__ import annotations

import contextlib
import os
import signal

signal.signal(signal.SIGINT, signal.SIG_IGN)
for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_name, "1")  # Dask's "pre-spawn-environ", but its trim threshold

import distributed  # noqa: E402  (imports numpy)

from app.core.detection.mediapipe_tasks import mediapipe_tasks  # noqa: E402
from app.core.jobs import cluster, worker_setup  # noqa: E402

with contextlib.suppress(Exception):  # a worker that needs it fails there, with its message
    mediapipe_tasks()
PRELOADED = (distributed, cluster, worker_setup)
