"""The sample projects shared by the tests, each after the seed article, by purpose.

- ``small_project``: five entries for the editor shell, filters, clipboard and autosave.
- ``interchange_project``: seven entries, graded sources and an era, for export and merge.
- ``raw_file_dict`` / ``raw_file_project``: a file as a newer tool might write it, with
  unknown fields at every level, for loading and validation (``write_json`` saves one).
- ``detailed_project``: three entries with every detail filled in (full sources, cited
  claims, history), for the inspector and source library; ``disputed=False`` drops the
  denial.
- ``chart_project``: sixteen entries with every case the chart must draw.
"""

from __future__ import annotations

from .chart import chart_project
from .detailed import RFERL_URL, detailed_project
from .interchange import interchange_project
from .raw_file import raw_file_dict, raw_file_project, write_json
from .small import small_project

__all__ = [
    "RFERL_URL",
    "chart_project",
    "detailed_project",
    "interchange_project",
    "raw_file_dict",
    "raw_file_project",
    "small_project",
    "write_json",
]
