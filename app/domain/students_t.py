"""Student's t distribution: the CDF and its inverse, for the self-experiment's interval.

The app has no SciPy (it would double the bundle for one number). The CDF comes from the
regularized incomplete beta function, evaluated by its continued fraction (modified Lentz
method); the quantile is found by bisection, which is plenty fast for one interval.
"""

from __future__ import annotations

import math

_EPSILON = 1e-14
_TINY = 1e-300


def t_cdf(x: float, freedom: float) -> float:
    """P(T <= x) for Student's t with ``freedom`` degrees of freedom (may be fractional)."""
    if freedom <= 0:
        raise ValueError("degrees of freedom must be positive")
    tail = 0.5 * regularized_beta(freedom / (freedom + x * x), freedom / 2, 0.5)
    return 1 - tail if x > 0 else tail


def t_quantile(probability: float, freedom: float) -> float:
    """The x with ``t_cdf(x, freedom) == probability``."""
    if not 0 < probability < 1:
        raise ValueError("probability must be strictly between 0 and 1")
    low, high = -1.0, 1.0
    while t_cdf(low, freedom) > probability:
        low *= 2
    while t_cdf(high, freedom) < probability:
        high *= 2
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, freedom) < probability:
            low = middle
        else:
            high = middle
        if high - low < 1e-12:
            break
    return (low + high) / 2


def regularized_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b), the regularized incomplete beta function, for 0 <= x <= 1."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    # The continued fraction converges fast only on this side; use the symmetry otherwise.
    if x < (a + 1) / (a + b + 2):
        return front * _beta_fraction(x, a, b) / a
    return 1 - front * _beta_fraction(1 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, 300):
        for numerator in _terms(m, x, a, b):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > _TINY else _TINY)
            c = 1 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            step = c * d
            result *= step
        if abs(step - 1) < _EPSILON:
            break
    return result


def _terms(m: int, x: float, a: float, b: float) -> tuple[float, float]:
    even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
    odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
    return even, odd
