"""Crash and concurrency safety of real `huisheng run` processes (issue 12 items 3, 4, 12, 20).

- kill -9 of a run paused between placing items and refreshing their clusters: the next run repairs every
  cluster (sizes and labels are derived from the members, never trusted);
- two runs started at once on one database: the second waits for the first (run lock), each item is analysed
  once, and no cluster is left inconsistent;
- neither leaves a process behind (the temporary Prefect server dies with its run).
"""

from __future__ import annotations

import re
import signal

import pytest

from run_helpers import corrupted_clusters, env_for, feedback_csv, start_run, survivors, wait_for_line

CLEAN = {"size_mismatch": 0, "unlabelled_with_members": 0, "members_in_merged": 0}


def _analysed(stdout: str) -> int:
    m = re.search(r"analyze: (\d+) items classified", stdout)
    return int(m.group(1)) if m else 0


def test_kill_9_during_recluster_is_repaired_by_the_next_run(db, db_url, settings, tmp_path):
    data = feedback_csv(tmp_path / "feed.csv", 300)
    run = start_run(["run", str(data)], env_for(db_url, HUISHENG_PAUSE_AT="recluster:placed:other"))
    try:
        wait_for_line(run, "paused at recluster:placed:other")
        run.send_signal(signal.SIGKILL)  # kill -9 of the real `huisheng run`
        run.wait(30)
        after_kill = corrupted_clusters(db)
        assert after_kill["size_mismatch"] > 0, "the kill should have landed between placing and refreshing"
        assert survivors(run.pid) == [], "the temporary Prefect server outlived its killed run"
    finally:
        survivors(run.pid, grace=0)
    # the next run (in-process: the CLI path is covered below) repairs every cluster the kill left behind
    from huisheng.services.recluster import recluster

    summary = recluster(db, settings)
    assert summary.repaired >= after_kill["size_mismatch"], summary.line()
    assert corrupted_clusters(db) == CLEAN


def test_two_concurrent_runs_take_turns(db, db_url, tmp_path):
    data = feedback_csv(tmp_path / "feed.csv", 300, seed=11)
    # the first run holds the database inside recluster until the second has started and is waiting for it
    first = start_run(["run", str(data)], env_for(db_url, HUISHENG_PAUSE_AT="recluster:placed:bug"))
    second = None
    try:
        wait_for_line(first, "paused at recluster:placed:bug")
        second = start_run(["run", str(data)], env_for(db_url))
        waited = wait_for_line(second, "waiting for it to finish")
        first.send_signal(signal.SIGUSR1)  # resume the first run
        out2, err2 = second.communicate(timeout=600)
        out1, err1 = first.communicate(timeout=600)
    finally:
        for p in (first, second):
            if p is not None:
                survivors(p.pid, grace=0)
    assert first.returncode == 0, err1
    assert second.returncode == 0, "".join(waited) + err2
    assert _analysed(out1) + _analysed(out2) == 300, (out1, out2)  # each item classified once
    assert "new 0" in out2 and "new 300" in out1
    assert "0 new clusters" in out2, out2  # the waiting run found the work done, and minted no duplicate clusters
    assert corrupted_clusters(db) == CLEAN


def test_a_second_run_that_will_not_wait_says_why(db, db_url, tmp_path):
    data = feedback_csv(tmp_path / "feed.csv", 50, seed=3)
    first = start_run(["ingest", str(data)], env_for(db_url, HUISHENG_PAUSE_AT="ingest:batch",
                                                      HUISHENG_PAUSE_SECONDS="600"))
    try:
        wait_for_line(first, "paused at ingest:batch")
        second = start_run(["ingest", "--no-flow", str(data)], env_for(db_url, HUISHENG_RUN_LOCK_WAIT="0"))
        out, err = second.communicate(timeout=120)
        assert second.returncode != 0
        lines = [ln for ln in err.splitlines() if ln.strip()]
        assert len(lines) == 1 and "another huisheng run is using" in lines[0], err
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(60)
        assert survivors(first.pid) == []
    assert first.returncode == 130  # SIGTERM stops a run like Ctrl+C: non-zero, with what was committed
    assert "interrupted" in first.stderr.read()
