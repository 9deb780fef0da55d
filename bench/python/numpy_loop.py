"""Contender "numpy": the same mini-batch SGD loop as bench/contenders/tsloop.ts in plain numpy
(float64, OpenBLAS on one thread: the parent sets OPENBLAS_NUM_THREADS=1). The reference for
"close to the machine"."""
import numpy as np

from common import run_child


def setup(spec, X, Y, labels, W0, b0):
    W = [w.copy() for w in W0]
    b = [v.copy() for v in b0]
    L = len(W)
    B, lr, hidden = spec['batchSize'], spec['learningRate'], spec['hidden']

    def act(z, last):
        kind = spec['output'] if last else hidden
        if kind == 'softmax':
            e = np.exp(z - z.max(axis=1, keepdims=True))
            return e / e.sum(axis=1, keepdims=True)
        if kind == 'relu':
            return np.maximum(z, 0)
        if kind == 'tanh':
            return np.tanh(z)
        return 1 / (1 + np.exp(-z))

    def forward(x):
        A = [x]
        for l in range(L):
            A.append(act(A[-1] @ W[l] + b[l], l == L - 1))
        return A

    def train():
        n = spec['n']
        for _ in range(spec['epochs']):
            for s in range(0, n, B):
                x, y = X[s:s + B], Y[s:s + B]
                m = len(x)
                A = forward(x)
                out = A[-1]
                if spec['loss'] == 'crossEntropy':
                    d = (out - y) / m
                else:
                    d = 2 * (out - y) / (m * out.shape[1]) * out * (1 - out)
                for l in range(L - 1, -1, -1):
                    gW = A[l].T @ d
                    gb = d.sum(axis=0)
                    if l > 0:
                        a = A[l]
                        dp = d @ W[l].T
                        if hidden == 'relu':
                            dp *= a > 0
                        elif hidden == 'tanh':
                            dp *= 1 - a * a
                        else:
                            dp *= a * (1 - a)
                    W[l] -= lr * gW
                    b[l] -= lr * gb
                    if l > 0:
                        d = dp

    return train, lambda: forward(X)[-1]


run_child(dict(sameStart=True, sameOrder=True, sameNetwork=True, precision='f64', notes='numpy ' + np.__version__), setup)
