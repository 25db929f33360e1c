"""Is a cluster spiking? A one-sided Poisson test of a day's count against the cluster's own recent baseline.

A steady request (夜间模式, 3-4 a day) must not page anyone; a crash report that goes from ~0 to 20 a day after a
release must. The baseline is the mean daily count over the ``window`` days before the day tested, floored so that
a cluster born yesterday is not a spike on its second voice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Spike:
    day: date
    count: int
    baseline: float
    p_value: float


def poisson_tail(k: int, mu: float) -> float:
    """P(X >= k) for X ~ Poisson(mu) (scipy's ``poisson.sf(k - 1, mu)`` to ~1e-13), summed upwards from k in log
    space so a tiny tail stays exact. Plain Python: importing scipy.stats costs the board's clusters page a second
    or two on its first render."""
    if k <= 0:
        return 1.0
    if mu <= 0:
        return 0.0
    log_mu, total, i = math.log(mu), 0.0, k
    while True:
        term = math.exp(i * log_mu - mu - math.lgamma(i + 1))
        total += term
        if i > mu and term <= total * 1e-17:
            return min(total, 1.0)
        i += 1


BASELINE_WINDOW = 14  # days before the day tested that make its baseline


def find_spikes(daily: dict[date, int], window: int = BASELINE_WINDOW, alpha: float = 1e-3, min_count: int = 5,
                min_baseline: float = 0.5, days: list[date] | None = None, observed_from: date | None = None,
                min_history: int = 3) -> list[Spike]:
    """Spikes among ``days`` (default: every day with data). ``daily`` maps day → count (missing days are 0).

    ``observed_from``: the first day the *feed* has data (default: this series' first day). Days before it are
    unknown, not zero; a day with fewer than ``min_history`` observed days before it is not judged.
    """
    if not daily:
        return []
    observed_from = observed_from or min(daily)
    out = []
    for d in sorted(days if days is not None else daily):
        count = daily.get(d, 0)
        if count < min_count:
            continue
        history = [daily.get(d - timedelta(days=k), 0) for k in range(1, window + 1)
                   if d - timedelta(days=k) >= observed_from]
        if len(history) < min_history:
            continue
        baseline = max(sum(history) / len(history), min_baseline)
        p = poisson_tail(count, baseline)
        if p < alpha:
            out.append(Spike(d, count, round(baseline, 2), p))
    return out


def latest_spike(daily: dict[date, int], as_of: date, lookback: int = 7, **kw) -> Spike | None:
    """The most recent spike within ``lookback`` days up to ``as_of``, if any."""
    days = [as_of - timedelta(days=k) for k in range(lookback)]
    spikes = find_spikes(daily, days=days, **kw)
    return spikes[-1] if spikes else None


def week_start(day: date) -> date:
    """The Monday of ``day``'s week (ISO weeks). ``day`` is already a local day, so weeks follow the local calendar."""
    return day - timedelta(days=day.weekday())


def weekly_counts(daily: dict[date, int], start: date | None = None, end: date | None = None) -> dict[date, int]:
    """Week (its Monday) → count, every week from ``start`` to ``end`` present (zeros where quiet)."""
    days = [d for d in daily if d is not None]
    if not days and (start is None or end is None):
        return {}
    first, last = week_start(start or min(days)), week_start(end or max(days))
    out = {first + timedelta(weeks=k): 0 for k in range((last - first).days // 7 + 1)}
    for d, n in daily.items():
        if d is not None and week_start(d) in out:
            out[week_start(d)] += int(n)
    return out


def window_total(daily: dict[date, int], end: date, days: int) -> int:
    """Items in the ``days`` days ending on ``end`` (inclusive)."""
    return sum(int(daily.get(end - timedelta(days=k), 0)) for k in range(days))


def growth(daily: dict[date, int], as_of: date, window: int = 7) -> float:
    """(recent + 1) / (previous + 1): recent = the ``window`` days ending ``as_of``, previous = the ``window`` days
    before. The +1 keeps a cluster going from 0 to 1 item from outranking one going from 20 to 60, and makes a
    quiet cluster 1.0 (neither growing nor shrinking)."""
    recent = window_total(daily, as_of, window)
    previous = window_total(daily, as_of - timedelta(days=window), window)
    return (recent + 1) / (previous + 1)
