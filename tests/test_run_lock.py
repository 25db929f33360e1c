"""The run lock on PostgreSQL (an advisory lock) and SQLite (flock): held by another process, a run that will not
wait gets a one-line reason; killed with kill -9, the holder's lock is gone at once (issue 12 item 4)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from huisheng.storage.db import Database
from huisheng.storage.locks import RunLockTimeout, run_lock
from test_postgres import pg_url  # noqa: F401  (fixture: a private PostgreSQL cluster for this module)

HOLDER = """
import sys, time
from huisheng.storage.db import Database
from huisheng.storage.locks import run_lock
with run_lock(Database(sys.argv[1]).create(), 0):
    print("held", flush=True)
    time.sleep(600)
"""


def _check(url: str) -> None:
    db = Database(url).create()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, url], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(RunLockTimeout, match="another huisheng run is using") as err:
            with run_lock(db, wait_seconds=0):
                pass
        assert "\n" not in str(err.value) and "password" not in str(err.value)
        waited: list[str] = []
        start = time.monotonic()
        with pytest.raises(RunLockTimeout):
            with run_lock(db, wait_seconds=1.5, on_wait=waited.append, poll=0.2):
                pass
        assert waited and time.monotonic() - start >= 1.4
        holder.send_signal(signal.SIGKILL)  # the holder dies without releasing anything
        holder.wait(10)
        deadline = time.monotonic() + 10
        with run_lock(db, wait_seconds=10):  # free as soon as the holder is gone
            assert time.monotonic() < deadline
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        db.engine.dispose()


def test_lock_on_sqlite(tmp_path):
    _check(f"sqlite:///{tmp_path / 'l.db'}")


def test_lock_on_postgresql(pg_url):  # noqa: F811
    _check(pg_url)
