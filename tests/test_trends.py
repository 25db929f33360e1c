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


def test_weekly_counts_start_on_monday_and_fill_quiet_weeks():
    from huisheng.models.trends import growth, week_start, weekly_counts

    assert week_start(date(2024, 5, 5)) == date(2024, 4, 29) and week_start(date(2024, 5, 6)) == date(2024, 5, 6)
    daily = {date(2024, 4, 28): 2, date(2024, 4, 29): 1, date(2024, 5, 5): 1, date(2024, 5, 20): 4}
    assert weekly_counts(daily) == {date(2024, 4, 22): 2, date(2024, 4, 29): 2, date(2024, 5, 6): 0, date(2024, 5, 13): 0,
                                    date(2024, 5, 20): 4}
    # growth: the last 7 days (May 14-20: 4) against the 7 before (May 7-13: 0)
    assert growth(daily, date(2024, 5, 20)) == 5.0 and growth({}, date(2024, 5, 20)) == 1.0


def _item(s, src, n, when_utc, cluster_id):
    from huisheng.storage.schema import Analysis, Item

    it = Item(source_id=src.id, external_id=f"w{n}", text=f"闪退{n}", normalized_text=f"闪退{n}", content_hash=f"w{n}",
              created_at=when_utc)
    s.add(it)
    s.flush()
    s.add(Analysis(item_id=it.id, category="bug", model_version="t", content_hash=f"w{n}", cluster_id=cluster_id))


def test_cluster_weeks_follow_the_shanghai_calendar(db):
    """Stored times are naive UTC; 2024-05-05 16:00 UTC is already Monday 00:00 in Shanghai (a new week)."""
    from datetime import datetime

    from huisheng.services.trends import cluster_trends
    from huisheng.storage.schema import Cluster, Source

    with db.session() as s:
        src = Source(name="t")
        c = Cluster(category="bug", embedder="t", size=4)
        s.add_all([src, c])
        s.flush()
        for n, when in enumerate([datetime(2024, 5, 5, 15, 59), datetime(2024, 5, 5, 16, 0),
                                  datetime(2024, 5, 12, 15, 30), datetime(2024, 5, 12, 16, 30)]):
            _item(s, src, n, when, c.id)
        cid = c.id
    with db.session() as s:
        shanghai = cluster_trends(s, [cid], "Asia/Shanghai", days=30, weeks=3)[cid]
        utc = cluster_trends(s, [cid], "UTC", days=30, weeks=3)[cid]
    assert shanghai.weekly == {date(2024, 4, 29): 1, date(2024, 5, 6): 2, date(2024, 5, 13): 1}
    # read as UTC the same items fall on two Sundays, and the feed ends on May 12 (the week of May 6)
    assert utc.weekly == {date(2024, 4, 22): 0, date(2024, 4, 29): 2, date(2024, 5, 6): 2}
    assert list(shanghai.daily)[-1] == date(2024, 5, 13) and len(shanghai.daily) == 30 and sum(shanghai.daily.values()) == 4
    # growth as of the feed's last day (May 13): May 7-13 has 2, Apr 30 - May 6 has 2
    assert (shanghai.recent, shanghai.previous, shanghai.growth) == (2, 2, 1.0)


CRASH = ["更新到3.2.0以后一打开就闪退", "新版本打开就闪退，重装也不行", "升级后打开app直接闪退", "更新后闪退，根本进不去",
         "打开就闪退！！！什么垃圾更新"]
DARK = ["希望增加夜间模式，晚上记账太刺眼", "能不能出个夜间模式", "求夜间模式！！", "建议加一个夜间模式"]


def test_run_summary_lists_spiking_clusters(db, settings, tmp_path, capsys):
    """What `huisheng run` prints: the recluster task's spike report (last 7 days of the feed) through the CLI's
    summary. A crash cluster quiet for two weeks (one a day) then loud (12 in a day) is listed; steady dark-mode
    requests (three a day) are not."""
    import json

    from huisheng.cli import _print_run
    from huisheng.flows.tasks import recluster_task
    from huisheng.services.analyse import analyse_pending
    from huisheng.services.ingest import ingest_file

    rows = []
    for day in range(1, 16):
        loud = 12 if day == 15 else 1
        rows += [(CRASH[k % len(CRASH)] + "！" * (k // len(CRASH)), day) for k in range(loud)]
        rows += [(DARK[(day + k) % len(DARK)], day) for k in range(3)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": str(i), "text": t, "created_at": f"2026-10-{d:02d}T10:00:00+08:00"},
                                       ensure_ascii=False) + "\n" for i, (t, d) in enumerate(rows)), encoding="utf-8")
    ingest_file(db, settings, feed, "community", progress=False)
    analysed = analyse_pending(db, settings)
    result = recluster_task.fn()
    _print_run({"analyze": {"analysed": analysed.analysed, "model_version": analysed.model_version}, "recluster": result})
    out = capsys.readouterr().out
    spikes = [line for line in out.splitlines() if line.startswith("SPIKE")]
    assert len(spikes) == 1 and "闪退" in spikes[0] and ": 12 on 2026-10-15" in spikes[0], out
