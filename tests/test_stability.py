"""Cluster identity across scheduled runs, and spike flags, on the shipped sample feed in a real database.

Run 1 sees days 1-30 of the feed, run 2 days 31-60 (DESIGN §5): items keep their cluster ids, PM edits survive,
the crash spike after the v3.2.0 release is flagged and the steady dark-mode demand is not.
"""

import csv
import json
from collections import Counter
from datetime import datetime

import pytest
from sqlalchemy import select

from huisheng import paths
from huisheng.services.analyse import analyse_pending
from huisheng.services.ingest import ingest_file
from huisheng.services.recluster import recluster, split_cluster
from huisheng.services.trends import cluster_spikes
from huisheng.storage import clusters as cstore
from huisheng.storage.schema import Analysis, Cluster, Item, Source

CUT = datetime(2026, 10, 1)


def _split_feed(tmp_path):
    first, second = tmp_path / "days01-30.jsonl", tmp_path / "days31-60.jsonl"
    with open(paths.SAMPLE_DIR / "community.jsonl", encoding="utf-8") as f, \
            open(first, "w", encoding="utf-8") as a, open(second, "w", encoding="utf-8") as b:
        for line in f:
            (a if datetime.fromisoformat(json.loads(line)["created_at"]).replace(tzinfo=None) < CUT else b).write(line)
    rows = list(csv.DictReader(open(paths.SAMPLE_DIR / "appstore_reviews.csv", encoding="utf-8-sig")))
    files = []
    for name, keep in (("reviews01-30.csv", lambda r: r["时间"] < "2026-10-01"), ("reviews31-60.csv", lambda r: r["时间"] >= "2026-10-01")):
        p = tmp_path / name
        with open(p, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(r for r in rows if keep(r))
        files.append(p)
    return (first, files[0]), (second, files[1])


def _gold():
    return {(r["source"], r["id"]): r["topic"] for r in csv.DictReader(open(paths.SAMPLE_DIR / "topics.csv", encoding="utf-8"))}


def _run(db, settings, files):
    for f in files:
        ingest_file(db, settings, f, source="community" if f.suffix == ".jsonl" else "appstore", progress=False)
    analyse_pending(db, settings)
    return recluster(db, settings)


def _memberships(db):
    with db.session() as s:
        return {(src, ext): cid for src, ext, cid in s.execute(
            select(Source.name, Item.external_id, Analysis.cluster_id).join(Item, Item.source_id == Source.id)
            .join(Analysis, Analysis.item_id == Item.id))}


def _topic_cluster(db, members, gold, topic):
    """The live cluster holding most items of a gold topic."""
    votes = Counter(cid for key, cid in members.items() if gold.get(key) == topic and cid is not None)
    with db.session() as s:
        return cstore.resolve(s, votes.most_common(1)[0][0])


# The two runs take most of a minute and every test below only reads what they left, so one database serves the
# module (these fixtures override conftest's per-test ``db`` and ``settings`` here).
@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from huisheng.storage.db import Database

    url = f"sqlite:///{tmp_path_factory.mktemp('stability') / 'test.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HUISHENG_DATABASE_URL", url)
        database = Database(url).create()
        yield database
        database.engine.dispose()


@pytest.fixture(scope="module")
def settings(db):
    from huisheng.settings import get_settings

    return get_settings(database_url=db.url)


@pytest.fixture(scope="module")
def two_runs(db, settings, tmp_path_factory):
    month1, month2 = _split_feed(tmp_path_factory.mktemp("feed"))
    _run(db, settings, month1)
    before = _memberships(db)
    gold = _gold()
    crash = _topic_cluster(db, before, gold, "crash_on_launch_v320") if any(
        gold[k] == "crash_on_launch_v320" and v for k, v in before.items()) else None
    dark = _topic_cluster(db, before, gold, "dark_mode")
    with db.session() as s:
        cstore.rename(s, dark, "夜间模式（PM 命名）", actor="pm")
        cstore.set_status(s, dark, "triaged", actor="pm")
        others = [c.id for c in cstore.board_clusters(s, category="feature_request") if c.id != dark]
        cstore.merge(s, others[0], dark, actor="pm")
    # the PM splits the bank-sync cluster: every other member (by id) goes to a new, named cluster
    bank = _topic_cluster(db, before, gold, "bank_sync_fail")
    with db.session() as s:
        member_ids = [r[0] for r in cstore.member_rows(s, bank)]
    split_off = member_ids[::2]
    split_id = split_cluster(db, settings, bank, split_off, "银行同步（PM 拆分）", actor="pm")  # as the board does
    before = _memberships(db)  # after the PM's merge and split
    _run(db, settings, month2)
    return {"before": before, "after": _memberships(db), "dark": dark, "gold": gold, "crash_before": crash,
            "split": (bank, split_id, split_off)}


def test_first_month_items_keep_their_cluster_ids(two_runs, db):
    before, after = two_runs["before"], two_runs["after"]
    clustered = [k for k, cid in before.items() if cid is not None]
    kept = sum(after[k] == before[k] for k in clustered)
    print(f"\nstability: {kept}/{len(clustered)} first-month clustered items kept their id; "
          f"{sum(after[k] is not None and before[k] is None for k in before)} first-month leftovers joined a cluster later")
    assert len(clustered) > 500
    assert kept / len(clustered) >= 0.95, f"{kept}/{len(clustered)} kept their cluster"


def test_pm_edits_survive_the_next_run(two_runs, db):
    with db.session() as s:
        c = s.get(Cluster, two_runs["dark"])
        assert (c.label, c.label_locked, c.status, c.merged_into) == ("夜间模式（PM 命名）", True, "triaged", None)
    # second-month dark-mode requests joined the PM's cluster rather than a new one
    gold, after = two_runs["gold"], two_runs["after"]
    month2_dark = [cid for k, cid in after.items() if gold.get(k) == "dark_mode" and k not in two_runs["before"]]
    share = Counter(month2_dark)[two_runs["dark"]] / len(month2_dark)
    print(f"\n{share:.0%} of {len(month2_dark)} second-month dark-mode requests joined the PM's cluster")
    assert Counter(month2_dark).most_common(1)[0][0] == two_runs["dark"]


def test_release_crash_spike_is_flagged_and_steady_demand_is_not(two_runs, db, settings):
    spikes = cluster_spikes(db, settings.timezone, lookback=None)
    after, gold = two_runs["after"], two_runs["gold"]
    crash = _topic_cluster(db, after, gold, "crash_on_launch_v320")
    assert crash in spikes and datetime(2026, 10, 5).date() <= spikes[crash].day <= datetime(2026, 10, 12).date()
    assert two_runs["dark"] not in spikes
    # a run's report reads only the days a recent spike is judged on, and finds what the whole history would
    from huisheng.services.trends import feed_span, spikes_from_daily
    from huisheng.storage.stats import cluster_daily_counts

    with db.session() as s:
        span = feed_span(s, settings.timezone)
        daily = cluster_daily_counts(s, None, settings.timezone)
    for lookback in (1, 7, 30):
        assert cluster_spikes(db, settings.timezone, lookback) == spikes_from_daily(daily, span, lookback), lookback


def test_spike_report_names_the_cluster(two_runs, db, settings):
    from huisheng.services.trends import spike_report

    report = spike_report(db, settings.timezone, lookback=None)
    crash = _topic_cluster(db, two_runs["after"], two_runs["gold"], "crash_on_launch_v320")
    row = next(r for r in report if r["cluster_id"] == crash)
    with db.session() as s:
        assert row["label"] == s.get(Cluster, crash).label and row["count"] >= 5


def test_pm_split_survives_the_next_run(two_runs, db):
    bank, split_id, split_off = two_runs["split"]
    with db.session() as s:
        new, old = s.get(Cluster, split_id), s.get(Cluster, bank)
        assert (new.label, new.label_locked, new.merged_into, old.merged_into) == ("银行同步（PM 拆分）", True, None, None)
        members = {r[0] for r in cstore.member_rows(s, split_id)}
        assert set(split_off) <= members  # nobody was moved back or re-clustered
        assert not set(split_off) & {r[0] for r in cstore.member_rows(s, bank)}
        assert new.size == len(members) and new.keywords  # the run refreshed its stats but not its name
    print(f"\nsplit: {len(split_off)} items split off, {len(members) - len(split_off)} second-month items joined it")
