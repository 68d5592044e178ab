"""``source-text`` stores a source's text; ``quotes`` and ``validate`` check quotes against it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.seed import missing_seed_reason, seed_article_path
from timeline_editor.app import main
from timeline_editor.io.project_file import load_project

REPOSITORY = Path(__file__).resolve().parents[2]
EXAMPLE = REPOSITORY / "resources" / "examples" / "brussels-2021.timeline.json"
SOURCE = "172c0d92-5ed4-57e9-ac62-719123eeceed"


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example project."""
    return Path(shutil.copy(EXAMPLE, tmp_path / "brussels.timeline.json"))


@pytest.fixture
def article() -> Path:
    """The seed article; skipped when no copy is found."""
    reason = missing_seed_reason()
    if reason is not None:
        pytest.skip(reason)
    return seed_article_path()


def _attach(example: Path, text: Path, *more: str) -> int:
    return main(["source-text", str(example), SOURCE, "--from", str(text), *more])


def test_the_seed_article_makes_every_quote_of_the_example_match(
    example: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["quotes", str(example)]) == 0
    assert "30 unchecked" in capsys.readouterr().out
    assert _attach(example, article) == 0
    assert "stored 16 paragraphs" in capsys.readouterr().out
    stored = load_project(example).sources[0].text
    assert stored is not None and stored.origin == article.name and len(stored.sha256) == 64
    assert main(["quotes", str(example), "--json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    assert (facts["quotes"], facts["matches"], facts["mismatch"], facts["unchecked"]) == (
        30,
        30,
        0,
        0,
    )


def test_one_changed_word_fails_and_names_the_entry(
    example: Path, article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _attach(example, article) == 0
    data = json.loads(example.read_text(encoding="utf-8"))
    citation = data["entries"][3]["citations"][0]
    assert "within the next three years" in citation["quote"]
    citation["quote"] = citation["quote"].replace("three years", "four years")
    example.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    capsys.readouterr()
    assert main(["quotes", str(example)]) == 1
    out = capsys.readouterr().out
    assert "entries[3].citations[0]: entry 'New route between Nagorno-Karabakh and Armenia" in out
    assert "30 quotes: 29 match, 1 do not" in out
    assert main(["quotes", str(example), "--json"]) == 1
    (miss,) = json.loads(capsys.readouterr().out)["mismatches"]
    assert miss["place"] == "entries[3].citations[0]" and "four years" in miss["quote"]
    # validate: a warning, and the file is still valid.
    assert main(["validate", str(example)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"{example}: warning: entries[3].citations[0]: the quote is not in the text of "
        "'Radio Free Europe/Radio Liberty (RFE/RL)' (entry 'New route between "
        "Nagorno-Karabakh and Armenia to be agreed')"
    )


def test_a_stored_text_is_replaced_only_with_force(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("First text.", encoding="utf-8")
    second.write_text("Second text.\n\nTwo paragraphs.", encoding="utf-8")
    assert _attach(example, first) == 0
    before = example.read_bytes()
    assert _attach(example, second) == 1
    assert "already holds a text (read from 'first.txt' on " in capsys.readouterr().err
    assert example.read_bytes() == before
    assert _attach(example, second, "--force") == 0
    stored = load_project(example).sources[0].text
    assert stored is not None and stored.paragraphs == ("Second text.", "Two paragraphs.")


def test_failures_leave_the_project_unchanged(
    example: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = example.read_bytes()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    assert _attach(example, bad) == 1
    assert "error: cannot read bad.pdf: is not a readable PDF" in capsys.readouterr().err
    assert main(["source-text", str(example), "no-such-id", "--from", str(bad)]) == 1
    assert f"no source with id 'no-such-id' (sources: {SOURCE}" in capsys.readouterr().err
    assert _attach(example, tmp_path / "missing.txt") == 1
    assert "missing.txt: no such file" in capsys.readouterr().err
    assert example.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.pdf", example.name]
