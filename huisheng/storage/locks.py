"""One pipeline at a time per database (issue 12: two `huisheng run` at once analysed 3,999 items twice and left
clusters with sizes their members did not have).

The lock dies with its holder, so a run killed with kill -9 never blocks the next one:
- SQLite: ``flock`` on ``<database file>.run.lock`` (the kernel drops it when the process ends);
- PostgreSQL: a session-level advisory lock on a connection held for the run (the server drops it when the
  connection goes).
The lock is re-entrant within a process (the pipeline flow holds it while its ingest/analyze/recluster sub-flows run).
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from sqlalchemy import text

from huisheng.storage.db import Database

ADVISORY_KEY = 0x68756973  # "huis": one key for the application's pipeline

_held: dict[str, int] = {}
_guard = threading.Lock()


class RunLockTimeout(RuntimeError):
    """Another run kept the database for longer than this run was willing to wait."""


def _sqlite_path(url: str) -> Path | None:
    path = url.split("///", 1)[-1] if url.startswith("sqlite") else None
    return Path(path) if path and path != ":memory:" else None


@contextmanager
def run_lock(db: Database, wait_seconds: float = 600.0,
             on_wait: Callable[[str], None] | None = None, poll: float = 0.5) -> Iterator[None]:
    """Hold the database's pipeline lock for the block. Waits up to ``wait_seconds`` (0: do not wait) for another
    run to finish, calling ``on_wait`` once with a message; then raises RunLockTimeout naming the database."""
    key = db.url
    with _guard:
        if _held.get(key):
            _held[key] += 1
            reentered = True
        else:
            reentered = False
    if reentered:
        try:
            yield
        finally:
            with _guard:
                _held[key] -= 1
        return
    release = _acquire(db, wait_seconds, on_wait, poll)
    with _guard:
        _held[key] = 1
    try:
        yield
    finally:
        with _guard:
            _held.pop(key, None)
        release()


def _acquire(db: Database, wait_seconds: float, on_wait, poll: float) -> Callable[[], None]:
    deadline = time.monotonic() + max(wait_seconds, 0)
    told = False
    path = _sqlite_path(db.url)
    if db.url.startswith("sqlite"):
        if path is None:
            return lambda: None  # an in-memory database belongs to this process alone
        import fcntl

        lock_path = path.with_name(path.name + ".run.lock")
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                told = _wait_or_give_up(db, deadline, told, on_wait, poll, fd)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())

        def release() -> None:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        return release
    conn = db.engine.connect()
    try:
        while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar():
            conn.rollback()
            told = _wait_or_give_up(db, deadline, told, on_wait, poll, None)
        conn.commit()
    except BaseException:
        conn.close()
        raise

    def release_pg() -> None:
        try:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
            conn.commit()
        finally:
            conn.close()
    return release_pg


def _wait_or_give_up(db: Database, deadline: float, told: bool, on_wait, poll: float, fd: int | None) -> bool:
    where = db.url.split("@")[-1]  # never a password
    if time.monotonic() >= deadline:
        if fd is not None:
            os.close(fd)
        raise RunLockTimeout(f"another huisheng run is using {where}; try again when it has finished "
                             f"(HUISHENG_RUN_LOCK_WAIT sets how many seconds to wait)")
    if not told and on_wait is not None:
        on_wait(f"another huisheng run is using {where}; waiting for it to finish")
    time.sleep(poll)
    return True
