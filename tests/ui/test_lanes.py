"""The lanes under the video as it plays: what they show is drawn once and the playhead
over it (a full paint of a long run's lanes took 23 ms, 25 times a second), and the picture
is the same as drawn afresh; a change of what they show is drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.core.redaction import plan_edits
from app.core.redaction.plan import RedactionPlan, TimeRange
from app.ui.workspace import lanes as lanes_module
from app.ui.workspace.lanes import LanesView
from tests.core.test_plan_edits import _tracks


def _view(qtbot: QtBot, plan: RedactionPlan) -> LanesView:
    view = LanesView()
    qtbot.addWidget(view)
    view.resize(600, view.sizeHint().height())
    view.set_content(3.1, lambda f: f / 10, _tracks(), plan, [])
    view.show()
    return view


def _picture(view: LanesView) -> QImage:
    return view.grab().toImage()


def test_the_lanes_are_drawn_once_and_the_playhead_over_them(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = RedactionPlan(mute=[TimeRange(1.0, 1.5)])
    view = _view(qtbot, plan)
    _picture(view)
    painted: list[int] = []
    action = lanes_module.track_action
    monkeypatch.setattr(lanes_module, "track_action",
                        lambda p, t: painted.append(t) or action(p, t))
    view.set_position(2.0)
    view.range = (0.5, 0.8)
    moved = _picture(view)
    assert painted == []  # the playhead and the range moved; nothing else was drawn again
    fresh = _view(qtbot, plan)
    fresh.set_position(2.0)
    fresh.range = (0.5, 0.8)
    assert _picture(fresh) == moved  # the same picture as drawn afresh
    kept, _ = plan_edits.set_track_action(plan, _tracks()[0].id, plan_edits.TrackAction.KEEP)
    view.set_content(3.1, view.time_of, view.tracks, kept, [])  # what they show changed
    changed = _picture(view)
    assert painted and changed != moved
    view.highlight = _tracks()[1].id
    painted.clear()
    assert _picture(view) != changed and painted  # a highlighted track is drawn again
