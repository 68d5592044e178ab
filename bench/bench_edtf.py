"""Time parse_edtf on 100k distinct strings (cold cache), the way a project opens.

Run: ``python bench/bench_edtf.py``. Prints medians of five runs per mix.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from timeline_editor.model.daynum import format_day
from timeline_editor.model.edtf import parse_edtf

N = 100_000


def _day(rng: random.Random, low: int = -1_000_000) -> str:
    return format_day(rng.randrange(low, 2_900_000))


def exact_days(rng: random.Random) -> list[str]:
    """Distinct YYYY-MM-DD strings, the common case."""
    return list(dict.fromkeys(_day(rng) for _ in range(N * 2)))[:N]


def mixed(rng: random.Random) -> list[str]:
    """Distinct strings of every supported shape: qualifiers, X, intervals, windows."""
    out: set[str] = set()
    while len(out) < N:
        a, b = sorted((_day(rng, 0), _day(rng, 0)))  # CE: a[:4] is the year
        q = rng.choice(["", "~", "?", "%"])
        out.add(
            rng.choice(
                [
                    a + q,
                    a[:7] + q,
                    a[:4] + q,
                    a[:9] + "X",
                    a[:3] + "X",
                    f"{a}/{b}{q}",
                    f"{a}/..",
                    f"/{b}",
                    f"[{a}..{b}]",
                    f"[..{b}]",
                ]
            )
        )
    return sorted(out)


def time_parse(texts: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds to parse every text once with a cleared cache."""
    parse_edtf.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        parse_edtf(text)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    """Print a table of medians."""
    rng = random.Random(2021)
    mixes: dict[str, Callable[[random.Random], list[str]]] = {
        "exact days": exact_days,
        "mixed shapes": mixed,
    }
    # CPU time too: on a shared machine, wall time includes other processes' turns.
    print(f"{'mix':<14} {'strings':>8} {'wall s':>7} {'cpu s':>6} {'us/string':>10}")
    for name, make in mixes.items():
        texts = make(rng)
        runs = [time_parse(texts) for _ in range(5)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        per = wall / len(texts) * 1e6
        print(f"{name:<14} {len(texts):>8} {wall:>7.3f} {cpu:>6.3f} {per:>10.2f}")


if __name__ == "__main__":
    main()
