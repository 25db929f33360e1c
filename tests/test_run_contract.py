"""The command-line contract under failure (issue 12 items 5, 10, 11, 12, 14): one line on stderr, no retries of
what cannot succeed, Ctrl+C/SIGTERM exit non-zero saying what was committed, nothing left running, a memory guard
in `huisheng cluster`, a warning when the board is exposed without login."""

from __future__ import annotations

import signal

import pytest

from run_helpers import env_for, feedback_csv, start_run, survivors, wait_for_line


def test_a_deterministic_failure_on_the_prefect_path_is_one_line(db_url, tmp_path):
    bad = tmp_path / "no_text.csv"
    bad.write_text("id,foo\n1,bar\n", encoding="utf-8")
    run = start_run(["ingest", str(bad)], env_for(db_url))
    out, err = run.communicate(timeout=300)
    assert run.returncode == 1
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "no text column" in lines[0], err
    assert survivors(run.pid) == []


def test_only_transient_errors_are_retried():
    from sqlalchemy.exc import DataError, IntegrityError, OperationalError

    from huisheng.flows.tasks import transient
    from huisheng.sources.files import UnsupportedFile

    assert transient(OperationalError("INSERT", {}, Exception("database is locked")))
    assert transient(ConnectionError("reset"))
    for deterministic in (UnsupportedFile("x: no text column"), ValueError("bad"), FileNotFoundError("x"),
                          IntegrityError("INSERT", {}, Exception("unique")), DataError("INSERT", {}, Exception("NUL")),
                          OperationalError("SELECT", {}, Exception("no such table: items")), KeyError("k")):
        assert not transient(deterministic), deterministic


def test_ctrl_c_exits_non_zero_says_what_was_done_and_leaves_nothing(db_url, tmp_path):
    """SIGINT, as Ctrl+C sends it (SIGTERM: test_run_safety)."""
    sig = signal.SIGINT
    data = feedback_csv(tmp_path / "feed.csv", 120, seed=4)
    run = start_run(["run", str(data)], env_for(db_url, HUISHENG_PAUSE_AT="recluster:placed:bug"))
    try:
        wait_for_line(run, "paused at recluster:placed:bug")
        run.send_signal(sig)
        out, err = run.communicate(timeout=120)
    finally:
        left = survivors(run.pid)
    assert run.returncode == 130, (run.returncode, err)
    last = err.strip().splitlines()[-1]
    assert "interrupted" in last and "rows landed 120" in last and "items analysed 120" in last, err
    assert left == [], f"left running: {left}"


def test_cluster_refuses_a_batch_that_would_not_fit_in_memory(tmp_path):
    from huisheng.guards import check_cluster_memory, cluster_memory_estimate

    # no n×n past EXACT_MAX rows: memory grows with the rows (the n×n path needed 8.9 GB for 20k rows)
    assert 1 * 2**30 < cluster_memory_estimate(6_000) < cluster_memory_estimate(20_000) < 2 * 2**30
    assert cluster_memory_estimate(100_000) < 5 * 2**30
    data = feedback_csv(tmp_path / "feed.csv", 200)
    run = start_run(["cluster", str(data), "-o", str(tmp_path / "o.jsonl")], env_for("sqlite://",
                                                                                   HUISHENG_CLUSTER_MAX_MB="100"))
    out, err = run.communicate(timeout=300)
    assert run.returncode == 1 and not (tmp_path / "o.jsonl").exists()
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "200 rows would need about" in lines[0], err
    assert check_cluster_memory(200, "f") is None or "HUISHENG_CLUSTER_MAX_MB" in __import__("os").environ


def test_board_warns_when_exposed_without_login():
    from huisheng.guards import board_exposure_warning

    assert board_exposure_warning("127.0.0.1") is None and board_exposure_warning("localhost") is None
    assert board_exposure_warning("::1") is None
    assert "no login" in board_exposure_warning("0.0.0.0") and "no login" in board_exposure_warning("192.168.1.5")
    assert "TLS" in board_exposure_warning("0.0.0.0", login_enabled=True)
    assert board_exposure_warning("127.0.0.1", login_enabled=True) is None
