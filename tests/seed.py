"""Where the seed article is found: outside the repository, since its text is not ours to ship.

The default is ``shared/seed/brussels-meeting-article.txt`` in the folder that holds the
repository (CI keeps ``shared/`` beside the clone); ``TIMELINE_EDITOR_SEED`` names another
copy. Tests that need the text skip when there is none; the example's builder stops.
"""

from __future__ import annotations

import os
from pathlib import Path

SEED_VARIABLE = "TIMELINE_EDITOR_SEED"
REPOSITORY = Path(__file__).resolve().parents[1]
DEFAULT_SEED = REPOSITORY.parent / "shared" / "seed" / "brussels-meeting-article.txt"


def seed_article_path() -> Path:
    """The seed article's path: ``$TIMELINE_EDITOR_SEED`` if set, else the default."""
    chosen = os.environ.get(SEED_VARIABLE)
    return Path(chosen) if chosen else DEFAULT_SEED


def missing_seed_reason() -> str | None:
    """Why the seed article cannot be read, or None when it can."""
    path = seed_article_path()
    if path.is_file():
        return None
    how = f"${SEED_VARIABLE}" if os.environ.get(SEED_VARIABLE) else "the default place"
    return (
        f"the seed article is not at {path} (from {how}); it is not shipped with the "
        f"repository: put a copy there or set {SEED_VARIABLE} to one"
    )
