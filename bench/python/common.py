"""Shared by the Python contenders: read a workload written by bench/workloads.ts, time the
training loop only (cold, then warm from the same start), evaluate with the same yardstick,
and print one `BENCH_RESULT {json}` line for the parent (bench/run.ts)."""
import json
import os
import resource
import sys
import time

import numpy as np


def arg(name, default=None):
    if f'--{name}' in sys.argv:
        return sys.argv[sys.argv.index(f'--{name}') + 1]
    if default is None:
        raise SystemExit(f'missing --{name}')
    return default


def read_workload(d):
    spec = json.load(open(os.path.join(d, 'spec.json')))
    f = lambda name: np.fromfile(os.path.join(d, name), dtype='<f8')
    sizes = spec['sizes']
    X = f('X.f64').reshape(spec['n'], sizes[0])
    Y = f('Y.f64').reshape(spec['n'], sizes[-1])
    labels = f('labels.f64').astype(np.int64)
    W = [f(f'W{l}.f64').reshape(sizes[l], sizes[l + 1]) for l in range(len(sizes) - 1)]
    b = [f(f'b{l}.f64') for l in range(len(sizes) - 1)]
    return spec, X, Y, labels, W, b


def evaluate(spec, Y, labels, out):
    """MSE = mean (ŷ − y)²; cross-entropy = −mean log p(true class) — as in workloads.ts."""
    out = np.asarray(out, dtype=np.float64).reshape(Y.shape)
    if spec['loss'] == 'mse':
        loss = float(np.mean((out - Y) ** 2))
        acc = float(np.mean((out[:, 0] >= 0.5).astype(np.int64) == labels))
    else:
        p = np.maximum(out[np.arange(len(labels)), labels], 1e-300)
        loss = float(-np.mean(np.log(p)))
        acc = float(np.mean(np.argmax(out, axis=1) == labels))
    return loss, acc


def run_child(info, setup):
    """setup(spec, X, Y, labels, W, b) -> (train, outputs) callables."""
    try:
        spec, X, Y, labels, W, b = read_workload(arg('data'))
        warm_limit = float(arg('warm-limit', '20'))
        train, outputs = setup(spec, X, Y, labels, W, b)
        faults = lambda: resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        f0, t0, c0 = faults(), time.perf_counter(), time.process_time()
        train()
        cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
        cold_faults = faults() - f0
        loss, acc = evaluate(spec, Y, labels, outputs())
        warm = warm_cpu = warm_faults = None
        if min(cold, cold_cpu) <= warm_limit:  # CPU time too: a busy machine stretches the wall clock
            train2, _ = setup(spec, X, Y, labels, W, b)
            f0, t0, c0 = faults(), time.perf_counter(), time.process_time()
            train2()
            warm, warm_cpu = time.perf_counter() - t0, time.process_time() - c0
            warm_faults = faults() - f0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        res = dict(info if isinstance(info, dict) else info(spec))
        res.update(cold=cold, warm=warm, coldCpu=cold_cpu, warmCpu=warm_cpu, coldFaults=cold_faults, warmFaults=warm_faults, loss=loss, accuracy=acc, maxRssMB=rss)
        print('BENCH_RESULT ' + json.dumps(res), flush=True)
    except Exception as e:  # the parent lists the reason
        print('BENCH_ERROR ' + json.dumps(f'{type(e).__name__}: {e}'), flush=True)
        sys.exit(1)
