"""Tracks: detections of one face linked across frames, with every frame's box filled in.

Association is greedy on IoU against each track's constant-velocity prediction, falling back
to centre distance for small, fast faces whose boxes no longer overlap. Under the run's
``tracker_rules`` 2 (every preset since 2026-12-04) the predicted box keeps between 2/3 and
3/2 of the last box's size (``PREDICTED_SIZE``): carrying on the motion of all four edges
(rule 1) predicted a box that had shrunk fast (a zoom, or one network's tight box after
another's loose one) inside out, so the face's next box matched nothing and began a new
track. Boxes carried by motion between detections (see ``detection.propagation``) are
linked like detections and marked ``propagated``. Where a track still has a gap, boxes are
interpolated linearly; before its first and after its last box it is extrapolated along its
motion and grown with the distance (``padded``), ``pad_before``/``pad_after`` frames, so a
face never "flashes" visible between or around detections. Under rules 3 (2026-12-05) a
box under its network's threshold (kept at the picture's edge by the preset's edge drop)
makes a track only if it is found again or joins a face found surely: alone it is dropped,
and the tracks are numbered without it. Under rules 4 (the default since the same day) a
face lost for a while (``max_gap`` at most) and a box nothing took are linked when that box
can only be that face (``_found_again``): one person, not two tracks and a "same person?"
question; the boxes of the gap are interpolated and grown as padding grows, since the face
was not seen there (``found_again``). Whatever the rules, no face is linked across a cut to
another shot (``FrameDetections.cut``, runs made since 2026-12-07), and no track's boxes are
padded past one (``shot_cuts.within_shot``).
"""

from __future__ import annotations

import enum
import itertools
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from app.core.detection import boxes as bx
from app.core.detection.propagation import MOTION
from app.core.detection.shot_cuts import shot_of, within_shot
from app.core.detection.video import DetectionRun, region_of
from app.core.tracking.found_again import found_again as _found_again


class BoxKind(enum.StrEnum):
    DETECTED = "detected"
    PROPAGATED = "propagated"  # carried from a detection by image motion
    INTERPOLATED = "interpolated"
    PADDED = "padded"
    MANUAL = "manual"
    FOUND_BY_CHECK = "found_by_check"  # added by the residual check of the export
    CROWD_GAP = "crowd_gap"  # a gap between the hidden faces of a crowd (no track's box)


@dataclass(frozen=True)
class TrackerSettings:
    iou_threshold: float = 0.15
    centre_distance: float = 1.5  # match if centres are within this many box widths
    max_gap_s: float = 1.0  # a track ends after this long without a detection
    pad_before_s: float = 0.25
    pad_after_s: float = 0.5

    def as_dict(self) -> dict[str, float]:
        return {"iou_threshold": self.iou_threshold, "centre_distance": self.centre_distance,
                "max_gap_s": self.max_gap_s, "pad_before_s": self.pad_before_s,
                "pad_after_s": self.pad_after_s}


@dataclass(frozen=True)
class TrackBox:
    """A track's box on one frame, in stored pixels."""

    frame: int
    x: float
    y: float
    w: float
    h: float
    kind: BoxKind
    score: float = 0.0
    category: str = "face"  # what the track hides: see Track.category
    # a head's whole person on this frame, x1, y1, x2, y2 (Track.wholes), where known
    whole: tuple[float, float, float, float] | None = None
    # in a gap the tracker bridged (rule 4): the box on the straight line between its ends,
    # x, y, w, h, before it was grown (what a face kept visible keeps: render)
    line: tuple[float, float, float, float] | None = None

    def kept(self) -> TrackBox:
        """The box a face kept visible keeps: in a bridged gap the line's, not grown (a
        larger kept region would show more round it in an inverse export, and excuse more
        of a bystander's face beside it)."""
        if self.line is None:
            return self
        x, y, w, h = self.line
        return replace(self, x=x, y=y, w=w, h=h, line=None)


FACE = "face"
TEXT = "text"  # a plate, a screen or a document (region_follow)
HEAD = "head"  # the head of a person whose face is not seen: from behind (people)


@dataclass
class Track:
    """One person (or a manual region) across frames; or, with ``category`` "text", one
    text region (a plate, screen or document), hidden as a rectangle round the box itself;
    or, with ``category`` "head", the head of a person seen from behind (the box is the
    head: hidden as it is, not grown from a face; on frames where a face kept visible is
    its person's, that face stands for it: ``render.kept_face_stands_for``)."""

    id: int
    keyframes: dict[int, tuple[float, float, float, float, float]] = field(default_factory=dict)
    first_frame: int = 0  # first frame with a box (padding included)
    last_frame: int = 0
    carried: set[int] = field(default_factory=set)  # keyframes whose box motion carried
    # keyframes a lost face was found again on (tracker rule 4): the boxes of the gap before
    # each are grown with the distance from its ends, as padding grows
    bridged: set[int] = field(default_factory=set)
    pad_before: int = 0  # frames its boxes are carried on before its first box (finish)
    pad_after: int = 0  # ... and after its last box, and after a box before a bridged gap
    category: str = FACE
    shot: int = 0  # the shot of an edited clip it lies in (0: the first; shot_cuts)
    # a head track's whole person (x1, y1, x2, y2) on its keyframes, for plans that hide
    # whole people (runs made before people were stored have none)
    wholes: dict[int, tuple[float, float, float, float]] = field(default_factory=dict)
    _sorted: list[int] = field(default_factory=list, repr=False)
    _ends: tuple[np.ndarray, np.ndarray] = field(
        default_factory=lambda: (np.zeros(4), np.zeros(4)), repr=False)

    def finish(self, frame_count: int, pad_before: int, pad_after: int) -> None:
        self._sorted = sorted(self.keyframes)
        self.pad_before, self.pad_after = pad_before, pad_after
        self.first_frame = max(0, self._sorted[0] - pad_before)
        self.last_frame = min(frame_count - 1, self._sorted[-1] + pad_after)
        self.settle()

    def settle(self) -> None:
        """Sort the keyframes and measure the motion at both ends (after any change)."""
        self._sorted = sorted(self.keyframes)
        self.carried &= set(self.keyframes)
        self.bridged &= set(self.keyframes)
        self.wholes = {f: w for f, w in self.wholes.items() if f in self.keyframes}
        self._ends = (_end_velocity(self.keyframes, self._sorted[:3]),
                      _end_velocity(self.keyframes, self._sorted[-3:]))

    @property
    def detected_frames(self) -> list[int]:
        return self._sorted

    def box_at(self, frame: int) -> TrackBox | None:
        """The box on ``frame``: detected, interpolated between detections, or padded."""
        if not self._sorted or frame < self.first_frame or frame > self.last_frame:
            return None
        keys = self._sorted
        if frame in self.keyframes:
            x1, y1, x2, y2, s = self.keyframes[frame]
            kind = BoxKind.PROPAGATED if frame in self.carried else BoxKind.DETECTED
            return TrackBox(frame, x1, y1, x2 - x1, y2 - y1, kind, s, self.category,
                            self.wholes.get(frame))
        if frame < keys[0] or frame > keys[-1]:
            before = frame < keys[0]
            end = keys[0] if before else keys[-1]
            x1, y1, x2, y2 = _extrapolate(self.keyframes[end], self._ends[0 if before else 1],
                                          frame - end)
            return TrackBox(frame, x1, y1, x2 - x1, y2 - y1, BoxKind.PADDED,
                            self.keyframes[end][4], self.category)
        i = bisect_right(keys, frame)
        a, b = keys[i - 1], keys[i]
        t = (frame - a) / (b - a)
        ka, kb = np.array(self.keyframes[a]), np.array(self.keyframes[b])
        x1, y1, x2, y2, s = ka + (kb - ka) * t
        line = None
        if b in self.bridged:  # a face lost and found again: it was not seen in between
            line = (float(x1), float(y1), float(x2 - x1), float(y2 - y1))
            x1, y1, x2, y2 = self._bridged(frame, i, (x1, y1, x2, y2))
        whole = None
        if a in self.wholes and b in self.wholes:
            wa, wb = np.array(self.wholes[a]), np.array(self.wholes[b])
            w = wa + (wb - wa) * t
            whole = (float(w[0]), float(w[1]), float(w[2]), float(w[3]))
        return TrackBox(frame, float(x1), float(y1), float(x2 - x1), float(y2 - y1),
                        BoxKind.INTERPOLATED, float(min(ka[4], kb[4])), self.category,
                        whole, line)

    def _bridged(self, frame: int, i: int, line: tuple[float, float, float, float]
                 ) -> tuple[float, float, float, float]:
        """A box in the gap before the bridged keyframe ``keys[i]``: the straight line
        between the gap's ends grown with the distance from the nearer one, and at least
        what the two tracks of rule 3 padded there (the box before the gap carried on along
        its motion for ``pad_after`` frames, the one after carried back for
        ``pad_before``), so finding the face again never uncovers a frame."""
        keys = self._sorted
        a, b = keys[i - 1], keys[i]
        ka, kb = np.array(self.keyframes[a][:4]), np.array(self.keyframes[b][:4])
        boxes = [grown(line, (kb - ka) / (b - a), min(frame - a, b - frame))]
        if frame - a <= self.pad_after:
            boxes.append(_extrapolate(self.keyframes[a],
                                      _end_velocity(self.keyframes, keys[max(0, i - 3):i]),
                                      frame - a))
        if b - frame <= self.pad_before:
            boxes.append(_extrapolate(self.keyframes[b],
                                      _end_velocity(self.keyframes, keys[i:i + 3]),
                                      frame - b))
        return (min(q[0] for q in boxes), min(q[1] for q in boxes),
                max(q[2] for q in boxes), max(q[3] for q in boxes))

    def box_reaching(self, frame: int) -> tuple[float, float, float, float]:
        """``x, y, w, h`` on ``frame``: its box, or beyond its padding its end box carried
        on there as padding carries it (moving on, grown with the distance)."""
        box = self.box_at(frame)
        if box is not None:
            return box.x, box.y, box.w, box.h
        before = frame < self._sorted[0]
        end = self._sorted[0] if before else self._sorted[-1]
        x1, y1, x2, y2 = _extrapolate(self.keyframes[end], self._ends[0 if before else 1],
                                      frame - end)
        return x1, y1, x2 - x1, y2 - y1

    def summary(self) -> dict[str, Any]:
        """First/last frame, detections, mean size, best score and the best frame's box."""
        detected = [self.keyframes[f] for f in self._sorted if f not in self.carried] or [
            self.keyframes[f] for f in self._sorted]
        sizes = [max(k[2] - k[0], k[3] - k[1]) for k in detected]
        best = max(self._sorted, key=lambda f: (f not in self.carried, self.keyframes[f][4]))
        bx1, by1, bx2, by2, bscore = self.keyframes[best]
        return {"id": self.id, "category": self.category,
                "first_frame": self.first_frame, "last_frame": self.last_frame,
                "first_detected": self._sorted[0], "last_detected": self._sorted[-1],
                "detections": len(detected), "mean_size": round(float(np.mean(sizes)), 1),
                "max_score": round(float(bscore), 4), "best_frame": best,
                "best_box": [round(bx1, 1), round(by1, 1), round(bx2 - bx1, 1),
                             round(by2 - by1, 1)]}


PREDICTED_SIZE = (2 / 3, 3 / 2)  # rule 2: a predicted box's size against the last box's


@dataclass
class _Live:
    track: Track
    last_frame: int
    box: np.ndarray  # x1, y1, x2, y2
    velocity: np.ndarray

    def predict(self, frame: int, rules: int = 2) -> np.ndarray:
        """Where the box should be on ``frame``: moved on by its velocity (rule 2: its
        size kept within ``PREDICTED_SIZE`` of the last box's, about the moved centre)."""
        predicted: np.ndarray = self.box + self.velocity * (frame - self.last_frame)
        if rules < 2:
            return predicted
        low, high = PREDICTED_SIZE
        size = self.box[2:] - self.box[:2]
        centre = (predicted[:2] + predicted[2:]) / 2
        half = np.clip(predicted[2:] - predicted[:2], low * size, high * size) / 2
        clamped: np.ndarray = np.concatenate((centre - half, centre + half))
        return clamped


def build_tracks(run: DetectionRun, frame_count: int, fps: float,
                 settings: TrackerSettings | None = None) -> list[Track]:
    """Link the run's detections into tracks with stable ids (1, 2, ... in order of birth).

    Padding and the gap a track may bridge grow with the run's stride, so a face entering
    or staying between two detections is never left uncovered, whatever the stride. The
    run's preset names the linking rules (``Preset.tracker_rules``): a stored run is linked
    as it was when a plan numbered its tracks.
    """
    settings = settings or TrackerSettings()
    rules = run.preset.tracker_rules
    fps = fps if fps > 0 else 25.0
    stride = run_stride(run)
    max_gap = max(1, round(settings.max_gap_s * fps), 2 * stride)
    live: list[_Live] = []
    done: list[Track] = []
    next_id = 1
    firm: dict[int, int] = {}  # per track: detections at or above their network's threshold
    unsure: dict[int, int] = {}  # ... and under it (kept by the edge drop: at the edge)
    previous = -1  # the last frame with boxes or a detection: a track not on it is lost
    shot_starts = run.shot_starts()
    for frame in run.frames:
        if frame.cut:  # another shot: no face goes on across the cut
            done, live = done + [t.track for t in live], []
        if not frame.detected and not frame.boxes:
            continue
        f = frame.index
        still = []
        for t in live:
            if f - t.last_frame > max_gap:
                done.append(t.track)
            else:
                still.append(t)
        live = still
        dets = np.array([[d.x, d.y, d.x + d.w, d.y + d.h, d.score] for d in frame.boxes],
                        np.float32).reshape(-1, 5)
        carried = [d.detector == MOTION for d in frame.boxes]
        sure = [run.preset.firm(d.detector, d.score) for d in frame.boxes]
        pairs = _associate(live, dets, f, settings, rules)
        found_again = _found_again(live, dets, previous, run.width, run.height, pairs) \
            if rules >= 4 else []
        previous = f
        matched_dets = set()
        for ti, di in pairs + found_again:
            t = live[ti]
            new_box = dets[di, :4].astype(np.float64)
            gap = f - t.last_frame
            if (ti, di) in found_again:  # the motion before the gap says nothing now
                t.track.bridged.add(f)
                t.velocity = (new_box - t.box) / gap
            else:
                t.velocity = 0.5 * t.velocity + 0.5 * (new_box - t.box) / max(gap, 1)
            t.box, t.last_frame = new_box, f
            t.track.keyframes[f] = tuple(float(v) for v in dets[di])  # type: ignore[assignment]
            if carried[di]:
                t.track.carried.add(f)
            else:
                _count(firm if sure[di] else unsure, t.track.id)
            matched_dets.add(di)
        for di in range(len(dets)):
            if di in matched_dets:
                continue
            track = Track(next_id)
            next_id += 1
            track.keyframes[f] = tuple(float(v) for v in dets[di])  # type: ignore[assignment]
            if carried[di]:
                track.carried.add(f)
            else:
                _count(firm if sure[di] else unsure, track.id)
            live.append(_Live(track, f, dets[di, :4].astype(np.float64), np.zeros(4)))
    done += [t.track for t in live]
    # A box the edge drop kept (under its network's threshold, at the picture's edge)
    # stands only if it is found again or joins a face found surely: a face cut by the edge
    # of a body-worn camera's picture is there for more than one detection, and a box seen
    # once under the threshold is as likely a wall fitting or a corner of a cartoon.
    if rules >= 3:
        done = [t for t in done if firm.get(t.id, 0) or unsure.get(t.id, 0) != 1]
        for number, track in enumerate(sorted(done, key=lambda t: t.id), 1):
            track.id = number  # numbered 1, 2, ... in order of birth, as without the drop
        next_id = len(done) + 1
    pad_before = max(round(settings.pad_before_s * fps), stride)
    pad_after = max(round(settings.pad_after_s * fps), stride)
    for track in done:
        track.finish(frame_count, pad_before, pad_after)
        track.first_frame, track.last_frame = within_shot(
            shot_starts, min(track.keyframes), track.first_frame, track.last_frame)
    texts = region_tracks(run, frame_count, next_id, TEXT)
    next_id = max((t.id for t in texts), default=next_id - 1) + 1
    heads = region_tracks(run, frame_count, next_id, HEAD)
    tracks = sorted(done, key=lambda t: t.id) + texts + heads
    for track in tracks:  # (text and heads are never carried across a cut: region_follow)
        track.shot = shot_of(shot_starts, min(track.keyframes))
    return tracks


def region_tracks(run: DetectionRun, frame_count: int, first_id: int,
                  category: str) -> list[Track]:
    """The run's followed regions of ``category`` (found on every frame by
    ``region_follow``): text regions or heads, region N numbered ``first_id + N - 1``."""
    tracks: dict[int, Track] = {}
    for frame in run.frames:
        for d in frame.text if category == TEXT else frame.heads:
            number, found = region_of(d.detector)
            track = tracks.setdefault(number, Track(first_id + number - 1, category=category))
            track.keyframes[frame.index] = (d.x, d.y, d.x + d.w, d.y + d.h, d.score)
            if not found:
                track.carried.add(frame.index)
        for d in frame.people if category == HEAD else []:  # a head's whole person
            number, _found = region_of(d.detector)
            if number in tracks and frame.index in tracks[number].keyframes:
                tracks[number].wholes[frame.index] = (d.x, d.y, d.x + d.w, d.y + d.h)
    for track in tracks.values():
        track.finish(frame_count, 0, 0)  # carried back and on by motion: no padding
    return [tracks[n] for n in sorted(tracks)]


def _count(counts: dict[int, int], track_id: int) -> None:
    counts[track_id] = counts.get(track_id, 0) + 1


def _end_velocity(keyframes: dict[int, tuple[float, float, float, float, float]],
                  frames: list[int]) -> np.ndarray:
    """Per-frame motion of the box edges over a track's first or last few boxes."""
    if len(frames) < 2:
        return np.zeros(4)
    a, b = frames[0], frames[-1]
    velocity: np.ndarray = (np.array(keyframes[b][:4]) - np.array(keyframes[a][:4])) / (b - a)
    return velocity


def grown(box: tuple[float, float, float, float], velocity: np.ndarray,
           frames: int) -> tuple[float, float, float, float]:
    """``box`` grown on every side as a box carried ``frames`` frames from a detection at
    ``velocity`` is (``_extrapolate``'s margin)."""
    x1, y1, x2, y2 = (float(v) for v in box)
    size = max(x2 - x1, y2 - y1)
    margin = min(0.05 * frames * size + 0.5 * frames * float(np.abs(velocity).max()),
                 0.5 * size)
    return x1 - margin, y1 - margin, x2 + margin, y2 + margin


def _extrapolate(box: tuple[float, float, float, float, float], velocity: np.ndarray,
                 frames: int) -> tuple[float, float, float, float]:
    """A box moved on by its velocity ``frames`` frames (negative: back in time) and grown
    with that distance: past a track's ends the face is assumed to keep moving, not to stop.
    Its centre follows the motion of the box's centre; each side keeps at least its length
    at the end (it grows where the box was growing that way in time, and never shrinks: a
    box that shrank between its last detections must not vanish, or turn inside out, while
    the face it stands for is still there)."""
    x1, y1, x2, y2 = (float(v) for v in box[:4])
    vx1, vy1, vx2, vy2 = (float(v) for v in velocity)
    cx = (x1 + x2) / 2 + (vx1 + vx2) / 2 * frames
    cy = (y1 + y2) / 2 + (vy1 + vy2) / 2 * frames
    w = max(x2 - x1, x2 - x1 + (vx2 - vx1) * frames)
    h = max(y2 - y1, y2 - y1 + (vy2 - vy1) * frames)
    return grown((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2), velocity, abs(frames))


def run_stride(run: DetectionRun) -> int:
    """The longest distance between two frames the detector looked at."""
    seen = [f.index for f in run.frames if f.detected]
    return max((b - a for a, b in itertools.pairwise(seen)), default=1)


def _associate(live: list[_Live], dets: np.ndarray, frame: int,
               settings: TrackerSettings, rules: int) -> list[tuple[int, int]]:
    if not live or len(dets) == 0:
        return []
    predicted = np.ones((len(live), 5), np.float32)  # x1, y1, x2, y2, score 1
    predicted[:, :4] = [t.predict(frame, rules) for t in live]
    ious = bx.iou_matrix(predicted, dets)
    pc = (predicted[:, :2] + predicted[:, 2:4]) / 2
    dc = (dets[:, :2] + dets[:, 2:4]) / 2
    dist = np.linalg.norm(pc[:, None, :] - dc[None, :, :], axis=2)
    width = np.maximum(predicted[:, 2] - predicted[:, 0], 1)[:, None]
    near = dist / width
    # Score: IoU where boxes overlap, else a small bonus for being close.
    score = np.where(ious >= settings.iou_threshold, 1 + ious,
                     np.where(near <= settings.centre_distance, 1 - near / 2, 0))
    pairs = []
    used_t, used_d = set(), set()
    for k in np.argsort(-score, axis=None, kind="stable"):
        ti, di = divmod(int(k), len(dets))
        if score[ti, di] <= 0:
            break
        if ti in used_t or di in used_d:
            continue
        used_t.add(ti)
        used_d.add(di)
        pairs.append((ti, di))
    return pairs


def boxes_by_frame(tracks: list[Track], frame_count: int) -> list[list[tuple[int, TrackBox]]]:
    """For every frame, the ``(track id, box)`` pairs present on it."""
    frames: list[list[tuple[int, TrackBox]]] = [[] for _ in range(frame_count)]
    for track in tracks:
        for f in range(track.first_frame, track.last_frame + 1):
            box = track.box_at(f)
            if box is not None:
                frames[f].append((track.id, box))
    return frames
