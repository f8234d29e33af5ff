"""What a supervisor reads before approving (``plan_outline``): approval was one click with
no summary of who is kept visible and why when nothing was open (found by a first-use
trial)."""

from __future__ import annotations

from app.core.redaction.plan import (
    AudioAction,
    AudioMode,
    AudioRange,
    Keyframe,
    ManualBox,
    RedactionPlan,
    TimeRange,
)
from app.core.redaction.plan_outline import FOOTAGE, plan_outline


def test_the_outline_names_who_is_kept_and_why_and_what_else_is_hidden() -> None:
    plan = RedactionPlan(
        keep_tracks=(3,), false_positive_tracks=(7,),
        manual_boxes=(ManualBox(1, (Keyframe(25, 0, 0, 10, 10), Keyframe(50, 0, 0, 10, 10)),
                                "tattoo"),),
        audio_ranges=(AudioRange(2, 4.0, 5.5, AudioAction.BLEEP, None, "postcode"),),
        mute=(TimeRange(1.0, 2.0),), clip=TimeRange(0.0, 8.0), hide_heads=False,
        reasons={"track:3": "Requester - kept visible", "track:7": "a bowl"})
    lines = plan_outline(plan, 4, "bwv 0001.mp4", 25.0)
    text = [str(line) for line in lines]
    assert lines[0].template == FOOTAGE and text[0] == "Footage #4: bwv 0001.mp4"
    assert "Kept visible: track 3 (Requester - kept visible)" in text
    assert "Left as it is, not a face: track 7 (a bowl)" in text
    assert "Heads of people seen from behind are left visible." in text
    assert "Hidden by hand: box 1, 00:01.0–00:02.0 (tattoo)" in text, text
    assert any(t.startswith("Sound ") and t.endswith(": muted (no reason given)")
               for t in text), text
    assert any(t.endswith(": bleeped (postcode)") for t in text), text
    assert any(t.startswith("Only ") for t in text)
    assert all(line.template != FOOTAGE for line in lines[1:])


def test_an_empty_plan_says_nobody_is_kept_and_an_inverse_says_so() -> None:
    text = [str(line) for line in plan_outline(RedactionPlan(), 1, "a.mp4", 25.0)]
    assert text[1].startswith("Every face, head and text region found is hidden")
    assert "Nobody is kept visible." in text and len(text) == 3
    inverse = RedactionPlan(inverse=True, keep_tracks=(2,), audio=AudioMode.DROP)
    text = [str(line) for line in plan_outline(inverse, 1, "a.mp4", 25.0)]
    assert text[1].startswith("Everything is hidden but the people kept visible")
    assert "Kept visible: track 2 (no reason given)" in text
    assert "Sound: left out of the copy." in text
