#!/usr/bin/env python3
"""The lecture's weight-initialisation experiment in numpy, timed, for scripts/bench.

  legacy    the lecture's code: np.random.seed + randn, float64
  float32   numpy's Generator (default_rng) drawing float32
  sampling  ns per standard normal from default_rng in float32 (numpy is single-threaded)

Prints key=value lines, including this process's peak resident memory.
"""
import resource
import sys
import time

import numpy as np

REPEATS = 5


def legacy():
    np.random.seed(0)
    x = np.random.randn(16, 4096)
    for _ in range(6):
        W = 0.01 * np.random.randn(4096, 4096)
        x = np.tanh(x.dot(W))
    return x


def float32():
    g = np.random.default_rng(0)
    x = g.standard_normal((16, 4096), dtype=np.float32)
    for _ in range(6):
        W = g.standard_normal((4096, 4096), dtype=np.float32) * np.float32(0.01)
        x = np.tanh(x.dot(W))
    return x


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def timed(run):
    cpu_start = cpu_seconds()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        x = run()
        times.append(time.perf_counter() - start)
    print(f"experiment_cpu_s={(cpu_seconds() - cpu_start) / REPEATS}")
    times.sort()
    print(f"experiment_best_s={times[0]}")
    print(f"experiment_median_s={times[REPEATS // 2]}")
    print(f"last_layer_mean={x.mean()} last_layer_std={x.std()}")


def sampling():
    g = np.random.default_rng(1)
    n = 1 << 24
    runs = [_time_draw(g, n) for _ in range(3)]
    print(f"normal_ns_per_value_one_core={min(r[0] for r in runs) / n * 1e9}")
    print(f"normal_cpu_ns_per_value_one_core={min(r[1] for r in runs) / n * 1e9}")


def _time_draw(g, n):
    start, start_cpu = time.perf_counter(), time.thread_time()
    g.standard_normal(n, dtype=np.float32)
    return time.perf_counter() - start, time.thread_time() - start_cpu


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "legacy"
    {"legacy": lambda: timed(legacy), "float32": lambda: timed(float32),
     "sampling": sampling}[mode]()
    print(f"peak_rss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
