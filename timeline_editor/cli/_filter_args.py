"""Command-line options that choose which entries an export includes.

They build the same :class:`~timeline_editor.model.filters.EntryFilter` as the
window's filter panel, so a chart or report made here matches what the panel shows.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from timeline_editor.model.edtf import parse_edtf
from timeline_editor.model.entities import Project
from timeline_editor.model.filters import EntryFilter
from timeline_editor.model.vocab import EntryKind, Reliability, Status


class FilterArgumentError(ValueError):
    """An option names something the project does not have."""


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """Add --kind, --status, --tag, --actor, --min-reliability and the two switches."""
    group = parser.add_argument_group("which entries (all must hold; default: every entry)")
    kinds = [k.value for k in EntryKind]
    statuses = [s.value for s in Status]
    group.add_argument("--kind", action="append", choices=kinds, help="only this kind")
    group.add_argument("--status", action="append", choices=statuses, help="only this status")
    group.add_argument("--tag", action="append", metavar="TAG", help="only entries with TAG")
    group.add_argument(
        "--actor",
        action="append",
        metavar="ID_OR_NAME",
        help="only entries naming this actor (a unique part of a name will do)",
    )
    group.add_argument(
        "--min-reliability",
        choices=[r.value for r in Reliability],
        help="only entries with a source graded this well or better (A best)",
    )
    group.add_argument("--disputed-only", action="store_true", help="only disputed entries")
    group.add_argument("--unsourced-only", action="store_true", help="only entries with no source")


def resolve_name(option: str, what: str, name: str, known: Sequence[tuple[str, str]]) -> str:
    """The id of ``name`` among ``known`` (id, name) pairs.

    An exact id wins, then a whole name in any case, then the one name containing
    ``name`` in any case ("Putin" for "Vladimir Putin"); none or several is an error.
    """
    for ident, _ in known:
        if name == ident:
            return ident
    wanted = name.casefold().strip()
    whole = [ident for ident, title in known if title.casefold() == wanted]
    if len(whole) == 1:
        return whole[0]
    parts = [(ident, title) for ident, title in known if wanted and wanted in title.casefold()]
    if len(parts) == 1:
        return parts[0][0]
    if parts:
        listed = ", ".join(f"'{title}'" for _, title in parts[:10])
        more = f" and {len(parts) - 10} more" if len(parts) > 10 else ""
        raise FilterArgumentError(f"{option}: '{name}' matches several {what}s: {listed}{more}")
    raise FilterArgumentError(f"{option}: no {what} with id or name '{name}'")


def _actor_ids(project: Project, wanted: list[str]) -> frozenset[str]:
    known = [(a.id, a.name) for a in project.actors]
    return frozenset(resolve_name("--actor", "actor", name, known) for name in wanted)


def entry_filter_from(
    args: argparse.Namespace, project: Project, dates: bool = False
) -> EntryFilter:
    """The filter the options describe; raises FilterArgumentError for unknown actors.

    With ``dates``, ``--from``/``--to`` also filter (for lists and calendars; a chart
    uses them as its visible range instead, keeping its undated strip).
    """
    start = getattr(args, "start", None) if dates else None
    end = getattr(args, "end", None) if dates else None
    return EntryFilter(
        kinds=frozenset(EntryKind(k) for k in args.kind or ()),
        statuses=frozenset(Status(s) for s in args.status or ()),
        tags=frozenset(args.tag or ()),
        actor_ids=_actor_ids(project, args.actor or []),
        min_reliability=Reliability(args.min_reliability) if args.min_reliability else None,
        disputed_only=args.disputed_only,
        unsourced_only=args.unsourced_only,
        start_day=parse_edtf(start).earliest if start else None,
        end_day=parse_edtf(end).latest if end else None,
    )
