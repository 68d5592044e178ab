"""Hypothesis strategies for hostile files: random bytes and mutations of valid ones.

JSON mutations work on the parsed tree and are written back by :func:`dump`, which can
also write what ``json.dumps`` cannot: repeated keys, ``1e400``, ``NaN``, integers of
thousands of digits, deep nesting. Every strategy ends with an optional cut or a stray
byte-order mark, as damaged files have.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st


@dataclass(frozen=True)
class Raw:
    """JSON text written as it is (a number or structure json.dumps would not write)."""

    text: str


@dataclass(frozen=True)
class Repeated:
    """An object whose text holds the same key twice."""

    pairs: tuple[tuple[str, Any], ...]


HOSTILE_RAW = [
    "1e400", "-1e999", "1e308", "NaN", "-Infinity", "9" * 5000, "-" + "1" * 4301,
    "[" * 300 + "]" * 300, '"\\ud800"', '"a\\u0000b"', "0.0000001e-400", "true", "null",
]  # fmt: skip

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
REPLACEMENTS = JSON_VALUES | st.sampled_from(HOSTILE_RAW).map(Raw)


def dump(value: Any) -> str:
    """JSON text of a tree that may hold :class:`Raw` and :class:`Repeated` parts."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, Repeated):
        return "{" + ", ".join(f"{json.dumps(k)}: {dump(v)}" for k, v in value.pairs) + "}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {dump(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dump(v) for v in value) + "]"
    return json.dumps(value)


def _containers(value: Any, found: list[Any]) -> list[Any]:
    if isinstance(value, dict | list):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            _containers(child, found)
    return found


def _mutate(draw: st.DrawFn, tree: Any) -> Any:
    """One change at a random place: a value replaced, a key removed or repeated."""
    containers = _containers(tree, [])
    if not containers:  # an earlier change made the whole file one odd value
        return tree
    target = draw(st.sampled_from(containers))
    if isinstance(target, list):
        if target:
            target[draw(st.integers(0, len(target) - 1))] = draw(REPLACEMENTS)
        else:
            target.append(draw(REPLACEMENTS))
        return tree
    if not target:
        target[draw(st.text(max_size=8))] = draw(REPLACEMENTS)
        return tree
    key = draw(st.sampled_from(sorted(target)))
    action = draw(st.sampled_from(["replace", "remove", "repeat"]))
    if action == "replace":
        target[key] = draw(REPLACEMENTS)
    elif action == "remove":
        del target[key]
    else:
        pairs = (*target.items(), (key, draw(REPLACEMENTS)))
        if target is tree:
            return Repeated(pairs)
        target[key] = Repeated(((key, target[key]), (key, target[key])))
    return tree


def _damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` perhaps cut short, or with stray byte-order marks in front."""
    damage = draw(st.sampled_from(["none", "none", "cut", "boms"]))
    if damage == "cut" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if damage == "boms":
        return b"\xef\xbb\xbf" * draw(st.integers(1, 3)) + data
    return data


@st.composite
def mutated_json(draw: st.DrawFn, valid: str) -> bytes:
    """A valid JSON file with one to three structure-aware changes."""
    tree: Any = json.loads(valid)
    for _ in range(draw(st.integers(1, 3))):
        tree = _mutate(draw, tree)
    return _damaged(draw, dump(tree).encode("utf-8", "surrogatepass"))


@st.composite
def mutated_xml(draw: st.DrawFn, valid: bytes) -> bytes:
    """A valid Timeline Project file with an element's text replaced, or one removed."""
    root = ET.fromstring(valid)
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 3))):
        element = draw(st.sampled_from(elements))
        if draw(st.booleans()):
            element.text = draw(
                st.text(max_size=30)
                | st.sampled_from(
                    [
                        "2021-02-30 00:00:00",
                        "-0044-03-15 00:00:00",
                        "9" * 400,
                        "True",
                        "[5]",
                        "(5)x",
                        "99999999-1-1",
                    ]
                )
            )
        elif len(element):
            element.remove(element[draw(st.integers(0, len(element) - 1))])
    data = ET.tostring(root, encoding="utf-8")
    prefix = draw(st.sampled_from([b"", b'<!DOCTYPE t [<!ENTITY a "aaaa">]>\n']))
    return _damaged(draw, prefix + data)


@st.composite
def mutated_csv(draw: st.DrawFn, header: list[str]) -> bytes:
    """A CSV table with the given columns (some renamed or repeated) and hostile cells."""
    names = [draw(st.sampled_from([h, h, h.upper(), "title", ""])) for h in header]
    cell = st.text(max_size=20) | st.sampled_from(
        ["2021-12-15", "03/04/2021", "'=1", "=cmd", "1e400", "9" * 50, "2021-02-30", "\r\n"]
    )
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(names) + 2), max_size=6))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"])))
    writer.writerow(names)
    writer.writerows(rows)
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
    return _damaged(draw, buffer.getvalue().encode(encoding, "surrogatepass"))
