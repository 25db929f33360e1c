"""`huisheng serve` against a real Prefect server: the deployments are registered with their schedules, and a
*scheduled* (not triggered) pipeline run pulls new rows from a local HTTP source and analyses them.
Everything started here is stopped here (serve first, then the server, both with SIGTERM)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from sqlalchemy import func, select

from conftest import free_port, wait_for_http
from feeds import Api, paged_route, serve
from huisheng.storage.db import Database
from huisheng.storage.schema import Analysis, Item, Source
from test_sources import HTTP_FIELDS, _api_items

ROOT = Path(__file__).resolve().parents[1]


def _post(api: str, path: str, body: dict) -> list:
    req = urllib.request.Request(f"{api}{path}", data=json.dumps(body).encode(), method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read())


def _stop(proc: subprocess.Popen, timeout: float = 30) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def test_scheduled_pipeline_run_pulls_a_local_http_source(tmp_path, db_url, settings):
    from huisheng.services.analyse import active_model

    active_model(settings)  # the session's model, trained once here (the served run then only loads it)
    work = Path(tempfile.mkdtemp(prefix="huisheng-serve-"))
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    base_env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "DO_NOT_TRACK": "1"}
    base_env.pop("PREFECT_API_URL", None)
    server_log = work / "server.log"
    prefect = Path(sys.executable).with_name("prefect")
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=base_env, stdout=open(server_log, "wb"), stderr=subprocess.STDOUT)
    served = None
    feed = Api(_api_items(5), page_size=10)
    try:
        wait_for_http(f"{api_url}/health", server, server_log)
        with serve(feed, paged_route) as base:
            cfg = tmp_path / "huisheng.toml"
            fields = ", ".join(f'{k} = "{v}"' for k, v in HTTP_FIELDS.items())
            cfg.write_text(f'[[sources]]\nname = "api"\nkind = "http-json"\nurl = "{base}/v1/reviews"\n'
                           f'items_path = "data.list"\npage_size = 10\nfields = {{ {fields} }}\n', encoding="utf-8")
            env = {**base_env, "PREFECT_API_URL": api_url, "HUISHENG_CONFIG": str(cfg), "HUISHENG_DATABASE_URL": db_url,
                   "PREFECT_RUNNER_POLL_FREQUENCY": "2", "PYTHONPATH": str(ROOT)}
            serve_log = work / "serve.log"
            served = subprocess.Popen([sys.executable, "-m", "huisheng.cli", "serve", "--cron", "* * * * *"],
                                      env=env, cwd=str(ROOT), stdout=open(serve_log, "wb"), stderr=subprocess.STDOUT)
            deadline = time.monotonic() + 60
            deployments = []
            while time.monotonic() < deadline and len(deployments) < 2:
                assert served.poll() is None, serve_log.read_text(errors="replace")[-3000:]
                deployments = _post(api_url, "/deployments/filter", {})
                time.sleep(1)
            assert sorted(d["name"] for d in deployments) == ["pipeline", "retrain"]
            crons = {d["name"]: [s["schedule"]["cron"] for s in d["schedules"]] for d in deployments}
            assert crons == {"pipeline": ["* * * * *"], "retrain": ["0 3 * * *"]}
            limits = {d["name"]: d.get("concurrency_limit") or (d.get("global_concurrency_limit") or {}).get("limit")
                      for d in deployments}
            assert limits == {"pipeline": 1, "retrain": 1}, deployments
            pipeline_id = next(d["id"] for d in deployments if d["name"] == "pipeline")

            # wait for a scheduled run (at the next minute) to finish
            done, deadline = None, time.monotonic() + 240  # 2 shared cores: be patient
            while time.monotonic() < deadline and done is None:
                assert served.poll() is None, serve_log.read_text(errors="replace")[-3000:]
                runs = _post(api_url, "/flow_runs/filter", {"flow_runs": {"deployment_id": {"any_": [pipeline_id]}}})
                failed = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
                assert not failed, (failed[0]["state"], serve_log.read_text(errors="replace")[-3000:])
                done = next((r for r in runs if r["state_type"] == "COMPLETED"), None)
                time.sleep(2)
            assert done is not None, serve_log.read_text(errors="replace")[-3000:]
            assert done["auto_scheduled"] is True  # made by the schedule, not by a manual trigger
            assert [q["page"] for _, _, q in feed.requests][:1] == ["1"]
    finally:
        if served is not None:
            _stop(served)
        _stop(server)
        shutil.rmtree(work, ignore_errors=True)
    assert served.poll() is not None and server.poll() is not None
    db = Database(db_url).create()
    with db.session() as s:
        pulled = s.scalar(select(func.count()).select_from(Item).join(Source).where(Source.name == "api"))
        analysed = s.scalar(select(func.count()).select_from(Analysis))
        health = s.scalar(select(Source).where(Source.name == "api"))
    assert pulled == 5 and analysed == 5
    assert health.last_error is None and health.rows_fetched >= 5
    db.engine.dispose()
