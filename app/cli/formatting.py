"""Plain-text rendering of records for the terminal."""

from __future__ import annotations

from datetime import UTC, datetime

from app.core.media.timecode import format_time
from app.core.redaction.plan_outline import FOOTAGE
from app.core.retention.rules import RetentionState
from app.core.views.records import CaseRecord, FlagRecord, FootageRecord
from app.core.wording import Said


def when(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if value else "-"


def table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def retention_text(f: FootageRecord) -> str:
    status = f.retention()
    state = status.state
    if state is RetentionState.DELETED:
        return f"DELETED {when(f.deleted_at)}"
    if state is RetentionState.LEGAL_HOLD:
        return "kept (legal hold)"
    if state is RetentionState.EVIDENTIAL:
        return "kept (evidential)"
    if state is RetentionState.OPEN_CASE:
        return "kept (open case " + ", ".join(f.open_case_refs) + ")"
    if status.days_left is None:
        return "-"
    if state is RetentionState.DUE:
        return "overdue"
    return f"{when(f.retention_until)} ({status.days_left} days)"


def footage_rows(items: list[FootageRecord]) -> str:
    return table(
        ["#", "file", "duration", "frames", "size", "recorded", "retention", "cases"],
        [[str(f.id), f.file_name, format_time(f.duration_s), str(f.frame_count),
          f"{f.width}x{f.height}", when(f.recorded_at), retention_text(f),
          ",".join(f.case_refs) or "-"] for f in items])


def footage_details(f: FootageRecord) -> str:
    audio = "; ".join(f"#{a['index']} {a['codec']} {a['channels']}ch {a['sample_rate']} Hz"
                      for a in f.audio_streams) or "none"
    fields = [
        ("Footage", f"#{f.id}"), ("Original", f.original_path), ("SHA-256", f.sha256),
        ("Size", f"{f.size_bytes:,} bytes"), ("Container", f.container),
        ("Video", f"{f.video_codec} {f.width}x{f.height}, rotation {f.rotation}°"),
        ("Frame rate", f"{f.fps:.3f} fps" + (" (variable)" if f.variable_frame_rate else "")),
        ("Frames", str(f.frame_count)), ("Duration", format_time(f.duration_s)),
        ("Audio", audio), ("Recorded", when(f.recorded_at)),
        ("Device", f.device_id or "-"), ("Officer", f.officer_id or "-"),
        ("Ingested", f"{when(f.ingested_at)} by {f.ingested_by or '-'}"),
        ("Evidential", "yes" if f.evidential else "no"),
        ("Legal hold", f"yes ({f.legal_hold_reason})" if f.legal_hold else "no"),
        ("Retention", retention_text(f)),
        *([("Deleted", f"{when(f.deleted_at)}: {f.deletion_note}")] if f.deleted_at else []),
        ("Cases", ", ".join(f.case_refs) or "-"),
    ]
    return "\n".join(f"{k + ':':<12} {v}" for k, v in fields)


def due_text(c: CaseRecord) -> str:
    state = c.deadline_state()
    if c.deadline is None or state.days_left is None:
        return "-"
    if state.finished:
        text = "finished"
    elif state.overdue:
        text = f"OVERDUE by {-state.days_left} days"
    else:
        text = f"{state.days_left} days left"
    return f"{c.deadline.isoformat()} ({text})"


def case_rows(items: list[CaseRecord]) -> str:
    return table(["reference", "type", "status", "deadline", "footage", "title"],
                 [[c.reference, c.case_type.value, c.status.value, due_text(c),
                   str(len(c.footage_ids)), c.title] for c in items])


def flag_rows(items: list[FlagRecord]) -> str:
    return table(["#", "start", "frame", "end", "category", "label", "author"],
                 [[str(f.id), format_time(f.start_time_s), str(f.start_frame),
                   format_time(f.end_time_s) if f.end_time_s is not None else "-",
                   f.category.value, f.label, f.author or "-"] for f in items])


def outline_text(lines: list[Said]) -> str:
    """``plan_outline`` lines: each plan's footage, then its lines indented."""
    return "\n".join(f"  {line}" if line.template == FOOTAGE else f"      {line}"
                     for line in lines)
