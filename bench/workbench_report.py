"""The workbench benchmark's targets, its table and the list of targets missed."""

from __future__ import annotations

#: Targets on the 2-core machine, from issue 9: (action, size or None for any, limit).
#: Times in seconds, memory in MB; "field_edit" is the slowest of date, lane and status.
TARGETS: list[tuple[str, int | None, float]] = [
    ("open", 100_000, 2.0),
    ("open", 1_000_000, 20.0),
    ("title_edit", None, 0.030),
    ("field_edit", 100_000, 0.050),
    ("field_edit", 1_000_000, 0.200),
    ("select_1000", None, 0.050),
    ("delete_1000", None, 0.200),
    ("undo_delete_1000", None, 0.200),
    ("table_build", 100_000, 0.200),
    ("table_first_sort", 100_000, 0.300),
    ("table_sort", 100_000, 0.300),
    ("window_save", 100_000, 1.5),
    ("file_load", 100_000, 1.0),
    ("file_save", 100_000, 0.5),
    ("peak_mb", 1_000_000, 1024),
]
ACTIONS = [
    "open",
    "title_edit",
    "date_edit",
    "lane_edit",
    "status_edit",
    "select_1000",
    "delete_1000",
    "undo_delete_1000",
    "table_build",
    "table_first_sort",
    "table_sort",
    "window_save",
    "file_load",
    "file_save",
]


def _cell(value: object) -> str:
    if not isinstance(value, float):
        return "—" if value is None else str(value)
    return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"


def table(rows: list[dict[str, object]]) -> str:
    """Actions down, sizes across (a Markdown table)."""
    sizes = [f"{int(str(r['entries'])):,}" for r in rows]
    lines = ["| action | " + " | ".join(sizes) + " |", "|---|" + "---:|" * len(rows)]
    for action in (*ACTIONS, "peak_mb", "rss_after_open_mb"):
        lines.append(f"| {action} | " + " | ".join(_cell(r.get(action)) for r in rows) + " |")
    return "\n".join(lines)


def missed(rows: list[dict[str, object]]) -> list[str]:
    """Every target missed, with its figure."""
    out = []
    for row in rows:
        size = int(str(row["entries"]))
        for action, at, limit in TARGETS:
            if at is not None and at != size:
                continue
            value: object = row.get(action)
            if action == "field_edit":
                values = [row.get(f"{k}_edit") for k in ("date", "lane", "status")]
                value = max((v for v in values if isinstance(v, float)), default=None)
            if isinstance(value, int | float) and value > limit:
                shown = f"{value} MB" if action == "peak_mb" else _cell(float(value))
                goal = f"{limit:.0f} MB" if action == "peak_mb" else _cell(limit)
                out.append(f"{action} at {size:,}: {shown} (target ≤ {goal})")
    return out
