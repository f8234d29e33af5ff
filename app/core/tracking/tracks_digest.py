"""What a run's track numbers refer to: a digest of the tracks themselves.

A plan names tracks by number. The same detection run gives the same tracks only while the
tracker is the same: a newer version of the tracker (or other tracker settings) may number
the same run's people otherwise, and a "keep visible" of track 3 would then show someone
else. So a plan records this digest of the tracks it was made on beside the run's settings
hash, and is applied only where both match (``plan_edits.made_elsewhere``).
"""

from __future__ import annotations

import hashlib

from app.core.tracking.tracker import Track


def tracks_sha256(tracks: list[Track]) -> str:
    """SHA-256 of each track's number, kind, span and boxes (to a hundredth of a pixel),
    in order: equal exactly when the tracks are."""
    digest = hashlib.sha256()
    for track in tracks:
        digest.update(f"{track.id}|{track.category}|{track.first_frame}|{track.last_frame}|"
                      f"{sorted(track.carried)}\n".encode())
        for frame in sorted(track.keyframes):
            x1, y1, x2, y2, score = track.keyframes[frame]
            digest.update(f"{frame}:{x1:.2f},{y1:.2f},{x2:.2f},{y2:.2f},{score:.3f};".encode())
    return digest.hexdigest()
