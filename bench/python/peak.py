"""The machine's measured peak for the tables: float64 matrix product in numpy (OpenBLAS, one
thread), best of several in CPU time, in GFLOP/s (2·n³ per product)."""
import json
import time

import numpy as np

n = 1024
a = np.random.default_rng(0).random((n, n))
b = np.random.default_rng(1).random((n, n))
a @ b
best = float("inf")
for _ in range(5):
    t0 = time.process_time()  # CPU time: other work on the machine does not count
    a @ b
    best = min(best, time.process_time() - t0)
print('BENCH_PEAK ' + json.dumps(dict(gflops=2 * n ** 3 / best / 1e9, what=f'numpy {np.__version__} float64 matmul {n}×{n}, 1 thread')))
