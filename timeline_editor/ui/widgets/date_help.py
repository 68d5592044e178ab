"""The conventions of written dates, as the date editor and the quick-add line show them.

The same list is in the README ("Dates as people write them") and in the docstrings of
:mod:`timeline_editor.model.written_dates` and :mod:`timeline_editor.model.written_periods`,
which implement it.
"""

from __future__ import annotations

WRITTEN_DATE_HELP = """\
Dates may be typed as EDTF or as written:
• a day, month or year: 15 Dec 2021, December 15, 2021, 15.12.2021, December 2021, 2021, 44 BC
• how sure: about / circa / c. X (X~), perhaps / probably X (X?)
• early / mid / late November 2021: days 1–10, 11–20, 21 to the end (one day in that window)
• spring, summer, autumn (fall), winter 2022: EDTF 2022-21 to 2022-24; spring is
  March–May, summer June–August, autumn September–November, winter December 2022–February 2023
• Q1 2022 or the first quarter of 2022: 2022-33 (Q4: 2022-36);
  H1 2022 or the first half of 2022: 2022-40 (second half: 2022-41)
• either/or: 14 or 15 December 2021, 14, 15 or 16 December 2021: [2021-12-14,2021-12-15]
• before / by X: [..X]; after X: [X..] (X itself included; a period by its last or first day)
• between A and B: one day in [A..B]; from A to B: a period A/B
• by the end of 2022 / of Q1 2022 / of November 2021: up to that period's last day
• counted from the project's as-of date (else today): the year, this / next / last year,
  the month, next month; one day in a window from that day: in the coming days (7 days),
  in the coming weeks (6 weeks), in the coming months (6 months)"""
