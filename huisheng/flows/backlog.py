"""``analyze-backlog``: the pending items in chunks, the chunks in parallel with prefect-dask's DaskTaskRunner.

Without an address a LocalCluster of ``workers`` processes (one thread each: jieba and the embedder hold the GIL)
is started for the run; with ``dask_address`` (``tcp://scheduler:8786``) the chunks go to an existing Dask cluster,
whose workers need huisheng installed and the same HUISHENG_* settings (the database must be one they all reach:
PostgreSQL in production). Recluster runs once afterwards, in this process.
"""

from __future__ import annotations

import os

from prefect import flow, task

from huisheng.flows.tasks import recluster_task


@task(name="analyse-chunk", retries=1, retry_delay_seconds=2)
def analyse_chunk_task(lo: int, hi: int) -> dict:
    from huisheng.services.backlog import analyse_chunk
    from huisheng.settings import get_settings
    from huisheng.storage import open_database

    settings = get_settings()
    s = analyse_chunk(open_database(settings.resolved_database_url), settings, lo, hi)
    return {"range": [lo, hi], "analysed": s.analysed, "model_version": s.model_version, "pid": os.getpid()}


@flow(name="analyze-backlog")
def _backlog(ranges: list[list[int]], recluster: bool = True) -> dict:
    futures = [analyse_chunk_task.submit(lo, hi) for lo, hi in ranges]
    chunks = [f.result() for f in futures]
    out = {"chunks": chunks, "analysed": sum(c["analysed"] for c in chunks)}
    if recluster:
        out["recluster"] = recluster_task()
    return out


def analyze_backlog(chunk_size: int = 5000, workers: int = 2, dask_address: str | None = None,
                    recluster: bool = True) -> dict:
    from prefect_dask import DaskTaskRunner

    from huisheng.services.backlog import plan_chunks
    from huisheng.settings import get_settings
    from huisheng.storage import open_database

    settings = get_settings()
    version, ranges = plan_chunks(open_database(settings.resolved_database_url), settings, chunk_size)
    if not ranges:
        return {"chunks": [], "analysed": 0, "model_version": version}
    runner = (DaskTaskRunner(address=dask_address) if dask_address else
              DaskTaskRunner(cluster_class="distributed.LocalCluster",
                             cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                             "dashboard_address": None, "host": "127.0.0.1"}))
    result = _backlog.with_options(task_runner=runner)([list(r) for r in ranges], recluster)
    return {**result, "model_version": version}
