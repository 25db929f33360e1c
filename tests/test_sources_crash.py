"""A pull killed with SIGKILL mid-walk: the next pull resumes at the page in flight; nothing skipped or doubled.
Also the `huisheng sources` listing, as a user runs it."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from feeds import Api, paged_route, serve
from huisheng.storage.db import Database
from run_helpers import isolated_env
from huisheng.storage.schema import Item, Source
from test_sources import HTTP_FIELDS, _api_items

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path, db_url, toml: str) -> dict:
    cfg = tmp_path / "huisheng.toml"
    cfg.write_text(toml, encoding="utf-8")
    env = {**isolated_env(), "HUISHENG_CONFIG": str(cfg), "HUISHENG_DATABASE_URL": db_url,
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("FEED_TOKEN", None)
    return env


def _cli(env, *args, **kw):
    return subprocess.run([sys.executable, "-m", "huisheng.cli", *args], env=env, capture_output=True, text=True,
                          timeout=120, **kw)


def test_kill_9_mid_walk_resumes_at_the_page_in_flight(tmp_path, db_url):
    api = Api(_api_items(12), page_size=3)
    api.block_page = 3  # the server holds page 3 until the test has killed the puller
    with serve(api, paged_route) as base:
        env = _env(tmp_path, db_url, f"""
[[sources]]
name = "api"
kind = "http-json"
url = "{base}/v1/reviews"
items_path = "data.list"
page_size = 3
fields = {json.dumps(HTTP_FIELDS)}
""".replace('": "', '" = "').replace('", "', '", "'))
        proc = subprocess.Popen([sys.executable, "-m", "huisheng.cli", "sources", "pull", "api"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        try:
            assert api.reached_block.wait(60), proc.stdout.read() if proc.poll() is not None else "no request"
            db = Database(db_url).create()
            with db.session() as s:
                committed = s.scalar(select(func.count()).select_from(Item))
                cursor = s.scalar(select(Source.cursor).where(Source.name == "api"))
            assert committed == 6 and cursor == {"position": 3}  # pages 1 and 2 landed with their cursor
            proc.send_signal(signal.SIGKILL)
            proc.wait(10)
            assert proc.returncode == -signal.SIGKILL
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait(10)
        api.block_page = None
        api.gate.set()
        api.requests.clear()
        again = _cli(env, "sources", "pull", "api")
        assert again.returncode == 0, again.stderr
        assert [q["page"] for _, _, q in api.requests] == ["3", "4", "5"]  # page 3 read again, 1 and 2 not
        assert "new 6" in again.stdout
        with db.session() as s:
            ids = [e for (e,) in s.execute(select(Item.external_id))]
        assert sorted(ids) == sorted(f"r{i}" for i in range(12)) and len(ids) == 12

        listing = _cli(env, "sources")
        assert listing.returncode == 0, listing.stderr
        assert "api (http-json): ok" in listing.stdout and '{"position": 4}' in listing.stdout
        assert "fetched     12 rows in all; 12 items; 0 quarantined" in listing.stdout
        rows = [json.loads(line) for line in _cli(env, "sources", "--json").stdout.splitlines()]
        assert rows[0]["name"] == "api" and rows[0]["rows_fetched"] == 12 and rows[0]["last_error"] is None
        db.engine.dispose()


def test_sources_listing_shows_failures_and_bad_names(tmp_path, db_url):
    env = _env(tmp_path, db_url, """
[[sources]]
name = "down"
kind = "http-json"
url = "http://127.0.0.1:9/nothing"
retries = 0
timeout = 2
""")
    pulled = _cli(env, "sources", "pull")
    assert pulled.returncode == 1 and "FAILED" in pulled.stdout
    listing = _cli(env, "sources")
    assert "down (http-json): FAILING" in listing.stdout and "last error  source 'down': GET http://127.0.0.1:9" in listing.stdout
    bad = _cli(env, "sources", "pull", "nope")
    assert bad.returncode == 1 and bad.stderr.strip() == "huisheng: no configured source named 'nope' (configured: down)"
    # a scheduled `huisheng run` must not report success when a source is down: the analysis still runs, the
    # exit status says it failed and names the source
    ran = _cli(env, "run")
    assert "analyze:" in ran.stdout and "FAILED" in ran.stdout, ran.stdout
    assert ran.returncode == 1 and ran.stderr.strip().splitlines()[-1].startswith("huisheng: 1 source(s) failed: down")
