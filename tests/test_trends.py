from datetime import date, timedelta

from huisheng.models.trends import find_spikes, latest_spike

START = date(2026, 9, 1)


def _series(counts):
    return {START + timedelta(days=i): c for i, c in enumerate(counts)}


def test_release_crash_spike_is_flagged_and_steady_demand_is_not():
    crash = _series([0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 18, 22, 15, 9, 4, 2])
    spikes = find_spikes(crash)
    assert [s.day for s in spikes][:3] == [START + timedelta(days=15 + k) for k in range(3)]
    steady = _series([3, 4, 2, 5, 3, 4, 3, 6, 2, 4, 3, 5, 4, 3, 7, 4, 3])
    assert find_spikes(steady) == []


def test_latest_spike_looks_back_from_a_day():
    crash = _series([0] * 20 + [12, 3, 1])
    s = latest_spike(crash, as_of=START + timedelta(days=22))
    assert s is not None and s.day == START + timedelta(days=20) and s.count == 12
    assert latest_spike(crash, as_of=START + timedelta(days=40)) is None
