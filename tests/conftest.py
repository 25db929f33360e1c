"""Shared fixtures. Every test session gets its own run-time home; nothing touches the user's home or data/."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SESSION_HOME = Path(tempfile.mkdtemp(prefix="huisheng-test-"))
os.environ["HUISHENG_HOME"] = str(_SESSION_HOME)
# set, not defaulted: pytest-xdist workers inherit the controller's environment, and two workers sharing one Prefect
# home raced to migrate its database ("duplicate column name" when a temporary Prefect server started)
os.environ["PREFECT_HOME"] = str(_SESSION_HOME / "prefect")
os.environ.pop("HUISHENG_DATABASE_URL", None)

from huisheng.runtime import configure  # noqa: E402  (must run before Prefect is imported)

configure()

from huisheng import watchdog  # noqa: E402

# every process this session starts (the Prefect test harness's server, `huisheng` subprocesses) is stopped when
# the session ends, however it ends (issue 12 item 12: `make test` once left a Prefect server running)
watchdog.start()


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def db(db_url):
    from huisheng.storage.db import Database

    database = Database(db_url).create()
    yield database
    database.engine.dispose()


@pytest.fixture
def settings(db_url, monkeypatch):
    """Settings pointing at this test's database; the trained model is shared by the whole session (same home)."""
    monkeypatch.setenv("HUISHENG_DATABASE_URL", db_url)
    from huisheng.settings import get_settings

    return get_settings()


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def shared_dir() -> Path | None:
    """../shared when present (developer machines); tests needing it skip elsewhere."""
    p = Path(__file__).resolve().parents[2] / "shared"
    return p if p.is_dir() else None


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_http(url: str, proc=None, log: Path | None = None, timeout: float = 120) -> None:
    """Poll ``url`` until it answers 200; fail early (with the log's tail) if ``proc`` dies."""
    import time
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"process exited with {proc.returncode}: " + (log.read_text(errors="replace")[-3000:] if log else ""))
        try:
            with urllib.request.urlopen(url, timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"{url} did not answer within {timeout:.0f} s: " + (log.read_text(errors="replace")[-3000:] if log else ""))


# `make test` hands whole files to two workers in collection order (--dist loadfile: a file's module fixtures are
# built once). Alphabetical order left the slowest files (run_safety, serve, workers, recluster...) for the end, one
# worker finishing them while the other idled; the slowest go first instead (from `--durations` of CI runs).
SLOW_FILES_FIRST = ("test_run_safety.py", "test_serve.py", "test_recluster_incremental.py", "test_cli.py",
                    "test_workers.py", "test_pii.py", "test_learning.py", "test_cli_eval.py", "test_sources_crash.py",
                    "test_backlog_dask.py", "test_run_contract.py", "test_stability.py")


def pytest_collection_modifyitems(config, items):
    rank = {name: i for i, name in enumerate(SLOW_FILES_FIRST)}
    items.sort(key=lambda item: rank.get(Path(str(item.fspath)).name, len(rank)))  # stable: a file keeps its order
