"""What a local cluster's fork server imports once, before it forks the worker processes:
the job code with its media and network libraries, and MediaPipe's task API (through the
detector's own loader). A worker process forked from it, and a worker its Nanny starts
again after a crash, begins with all of it imported instead of spending about a second of
a core importing it anew. Imports only: no model is opened and no thread started, so
forking stays safe."""

from __future__ import annotations

from app.core.detection.mediapipe_face import mediapipe_tasks
from app.core.jobs import cluster, worker_setup

PRELOADED = (cluster, worker_setup, mediapipe_tasks())
