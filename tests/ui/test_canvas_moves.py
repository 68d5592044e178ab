"""How far a canvas gesture goes at a zoom, without any widget.

What a move does to an entry is the model's rule: see ``tests/model/test_edits.py``.
"""

from __future__ import annotations

from timeline_editor.model.edtf import Precision
from timeline_editor.ui.canvas.moves import snap_days, step_days, zoom_precision


def test_zoom_precision_and_steps() -> None:
    assert zoom_precision(10.0) is Precision.DAY
    assert zoom_precision(1.0) is Precision.MONTH
    assert zoom_precision(0.05) is Precision.YEAR
    assert step_days(10.0) == 1.0
    assert 30 < step_days(1.0) < 31
    assert 365 < step_days(0.05) < 366
    assert snap_days(4.6, 10.0) == 5.0
    assert snap_days(40.0, 1.0) == step_days(1.0)
    assert snap_days(10.0, 1.0) == 0.0
