"""Contender "scikit-learn": MLPClassifier (W2–W4) / MLPRegressor (W1) with solver 'sgd', the same
batch size, rate and epochs, momentum 0, no Nesterov, alpha 0, no shuffling, no early stop, and
the workload's initial weights (set after a zero-step initialisation)."""
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor

from common import run_child

warnings.filterwarnings('ignore', category=ConvergenceWarning)


def setup(spec, X, Y, labels, W0, b0):
    hidden = tuple(spec['sizes'][1:-1])
    act = {'sigmoid': 'logistic', 'tanh': 'tanh', 'relu': 'relu'}[spec['hidden']]
    common = dict(hidden_layer_sizes=hidden, activation=act, solver='sgd', alpha=0.0,
                  batch_size=spec['batchSize'], learning_rate='constant', learning_rate_init=spec['learningRate'],
                  max_iter=spec['epochs'], shuffle=False, momentum=0.0, nesterovs_momentum=False,
                  tol=0.0, n_iter_no_change=10 ** 9, early_stopping=False, warm_start=True, random_state=0)
    regression = spec['loss'] == 'mse'
    model = (MLPRegressor if regression else MLPClassifier)(**common)
    target = Y[:, 0] if regression else labels
    # One call with max_iter 1 creates the attributes; then put the common start in place.
    model.set_params(max_iter=1)
    if regression:
        model.partial_fit(X, target)
    else:
        model.partial_fit(X, target, classes=np.arange(spec['classes']))
    model.coefs_ = [w.copy() for w in W0]
    model.intercepts_ = [v.copy() for v in b0]
    if not regression and spec['classes'] == 2:
        # sklearn uses one logistic output for two classes; start it from the difference of the two softmax columns
        # (softmax over [z0, z1] equals sigmoid(z1 − z0)), so the start is the same function.
        model.coefs_[-1] = (W0[-1][:, 1] - W0[-1][:, 0]).reshape(-1, 1).copy()
        model.intercepts_[-1] = np.array([b0[-1][1] - b0[-1][0]])
    model.set_params(max_iter=spec['epochs'])
    if hasattr(model, '_optimizer'):
        del model._optimizer

    def train():
        model.fit(X, target)

    def outputs():
        if regression:
            return model.predict(X).reshape(-1, 1)
        return model.predict_proba(X)

    return train, outputs


def info(spec):
    notes = f'sklearn {sklearn.__version__}'
    same_net = True
    if spec['loss'] == 'mse':
        same_net = False
        notes += '; MLPRegressor: identity output (no sigmoid), loss ½·MSE'
    elif spec['classes'] == 2:
        same_net = False
        notes += '; 2 classes: one logistic output (the same function as a softmax of 2 at the start, but it trains other parameters)'
    return dict(sameStart=True, sameOrder=True, sameNetwork=same_net, precision='f64', notes=notes)


run_child(info, setup)
