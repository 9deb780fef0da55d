"""Contender "numpy": the same mini-batch SGD loop as bench/contenders/tsloop.ts in plain numpy
(float64, OpenBLAS on one thread: the parent sets OPENBLAS_NUM_THREADS=1). The reference for
"close to the machine". It does the bookkeeping annlab's fit does, so both do the same work:
each batch's loss (−Σ y·log ŷ / rows, or the mean squared error) and correct count, summed into
the epoch's loss and accuracy, a stop on a non-finite batch loss, and a finiteness check of
the weights after each epoch."""
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

    history = []

    def batch_loss(out, y, m):
        if spec['loss'] == 'crossEntropy':
            return float(-np.sum(y * np.log(np.maximum(out, 1e-300)))) / m
        return float(np.mean((out - y) ** 2))

    def correct(out, y):
        if out.shape[1] == 1:
            return int(np.count_nonzero((out[:, 0] >= 0.5) == (y[:, 0] >= 0.5)))
        return int(np.count_nonzero(out.argmax(axis=1) == y.argmax(axis=1)))

    def train():
        n = spec['n']
        history.clear()
        for _ in range(spec['epochs']):
            loss_sum = 0.0
            hits = 0
            for s in range(0, n, B):
                x, y = X[s:s + B], Y[s:s + B]
                m = len(x)
                A = forward(x)
                out = A[-1]
                bl = batch_loss(out, y, m)
                if not np.isfinite(bl):
                    raise RuntimeError(f'loss became {bl}')
                loss_sum += bl * m
                hits += correct(out, y)
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
            if not all(np.isfinite(w).all() for w in W):
                raise RuntimeError('the weights became NaN or inf')
            history.append((loss_sum / n, hits / n))

    return train, lambda: forward(X)[-1]


run_child(dict(sameStart=True, sameOrder=True, sameNetwork=True, precision='f64', notes='numpy ' + np.__version__), setup)
