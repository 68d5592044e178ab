"""The tooltip of an entry on the chart."""

from __future__ import annotations

from timeline_editor.model.entities import Entry
from timeline_editor.model.queries import cited_source_ids, is_disputed


def tooltip_text(entry: Entry) -> str:
    """Title, date as stated, status, likelihood and number of sources of an entry."""
    when = entry.when.as_stated or entry.when.edtf or "undated"
    if entry.when.as_stated and entry.when.edtf and entry.when.as_stated != entry.when.edtf:
        when += f" ({entry.when.edtf})"
    lines = [entry.title or "(untitled)", f"Date: {when}", f"Status: {entry.status.value}"]
    if is_disputed(entry):
        lines.append("Disputed: conflicting claims")
    if entry.likelihood is not None:
        lines.append(f"Likelihood: {entry.likelihood.value.replace('_', ' ')}")
    lines.append(f"Sources: {len(cited_source_ids(entry))}")
    return "\n".join(lines)
