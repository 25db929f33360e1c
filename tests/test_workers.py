"""Beyond one machine, on Prefect's own machinery (DESIGN §8): a Prefect server on PostgreSQL, a process work pool,
`huisheng serve --pool` registering the deployments, and `prefect worker start` running a pipeline run that pulls a
local HTTP source into the application database, also on PostgreSQL. Everything started here is stopped here."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from sqlalchemy import func, select

from conftest import free_port, wait_for_http
from feeds import Api, paged_route, serve
from huisheng.storage.db import Database
from huisheng.storage.schema import Analysis, Item, Source
from test_postgres import pg_url  # noqa: F401  (fixture: a private PostgreSQL cluster)
from test_serve import _post, _stop
from test_sources import HTTP_FIELDS, _api_items

ROOT = Path(__file__).resolve().parents[1]


def test_worker_runs_the_pipeline_deployment_with_everything_on_postgresql(pg_url, settings, tmp_path):  # noqa: F811
    from huisheng.services.analyse import active_model

    active_model(settings)  # the session's model, trained once (workers share the run-time home here)
    admin = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute("CREATE DATABASE prefect")
        con.execute("CREATE DATABASE huisheng_app")
    app_url = pg_url.rsplit("/", 1)[0] + "/huisheng_app"
    prefect_db = pg_url.rsplit("/", 1)[0].replace("postgresql+psycopg://", "postgresql+asyncpg://") + "/prefect"

    work = Path(tempfile.mkdtemp(prefix="huisheng-workers-"))
    port = free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    prefect = str(Path(sys.executable).with_name("prefect"))
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
           "DO_NOT_TRACK": "1", "PREFECT_API_DATABASE_CONNECTION_URL": prefect_db}
    env.pop("PREFECT_API_URL", None)
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=open(work / "server.log", "wb"), stderr=subprocess.STDOUT)
    worker = None
    feed = Api(_api_items(4), page_size=10)
    try:
        wait_for_http(f"{api_url}/health", server, work / "server.log")
        with serve(feed, paged_route) as base:
            cfg = tmp_path / "huisheng.toml"
            fields = ", ".join(f'{k} = "{v}"' for k, v in HTTP_FIELDS.items())
            cfg.write_text(f'[[sources]]\nname = "api"\nkind = "http-json"\nurl = "{base}/v1/reviews"\n'
                           f'items_path = "data.list"\nfields = {{ {fields} }}\n', encoding="utf-8")
            client_env = {**env, "PREFECT_API_URL": api_url, "HUISHENG_CONFIG": str(cfg),
                          "HUISHENG_DATABASE_URL": app_url, "PYTHONPATH": str(ROOT)}
            client_env.pop("PREFECT_API_DATABASE_CONNECTION_URL")

            def run(*args):
                r = subprocess.run(list(args), env=client_env, cwd=str(tmp_path), capture_output=True, text=True,
                                   timeout=180)
                assert r.returncode == 0, r.stdout + r.stderr
                return r.stdout

            run(prefect, "work-pool", "create", "huisheng", "--type", "process")
            out = run(sys.executable, "-m", "huisheng.cli", "serve", "--pool", "huisheng", "--cron", "0 * * * *")
            assert "registered 2 deployments" in out and "prefect worker start --pool huisheng" in out
            deployments = {d["name"]: d for d in _post(api_url, "/deployments/filter", {})}
            assert set(deployments) == {"pipeline", "retrain"}
            assert deployments["pipeline"]["work_pool_name"] == "huisheng"
            assert deployments["pipeline"]["entrypoint"] == "huisheng.flows.pipeline.pipeline_flow"
            run(prefect, "deployment", "run", "pipeline/pipeline")
            # the worker runs in another directory than the code: the installed package is the code
            worker = subprocess.Popen([prefect, "worker", "start", "--pool", "huisheng", "--type", "process"],
                                      env=client_env, cwd=str(work), stdout=open(work / "worker.log", "wb"),
                                      stderr=subprocess.STDOUT)
            done, deadline = None, time.monotonic() + 300
            while done is None and time.monotonic() < deadline:
                assert worker.poll() is None, (work / "worker.log").read_text(errors="replace")[-3000:]
                runs = _post(api_url, "/flow_runs/filter",
                             {"flow_runs": {"deployment_id": {"any_": [deployments["pipeline"]["id"]]}}})
                bad = [r for r in runs if r["state_type"] in ("FAILED", "CRASHED")]
                assert not bad, (bad[0]["state"], (work / "worker.log").read_text(errors="replace")[-3000:])
                done = next((r for r in runs if r["state_type"] == "COMPLETED"), None)
                time.sleep(2)
            assert done is not None, (work / "worker.log").read_text(errors="replace")[-3000:]
    finally:
        if worker is not None:
            _stop(worker)
        _stop(server)
        shutil.rmtree(work, ignore_errors=True)
    db = Database(app_url).create()
    with db.session() as s:
        pulled = s.scalar(select(func.count()).select_from(Item).join(Source).where(Source.name == "api"))
        analysed = s.scalar(select(func.count()).select_from(Analysis))
    assert pulled == 4 and analysed == 4
    db.engine.dispose()
