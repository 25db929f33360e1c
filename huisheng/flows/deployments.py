"""The deployments ``huisheng serve`` registers: ``pipeline`` (cron; pulls the configured sources, then analyses)
and ``retrain`` (nightly). Schedules are read in the product's time zone (settings.timezone).

Two ways to run them:
- ``serve``: this process polls the Prefect server and runs the scheduled flow runs itself (one machine);
- ``register(work_pool=...)``: the deployments go to a work pool with module-path entrypoints
  (``huisheng.flows.pipeline.pipeline_flow``), and ``prefect worker start --pool NAME`` on any machine that has
  huisheng installed (and the same HUISHENG_* settings) runs them. Nothing is built or pushed: the code is the
  installed package.
"""

from __future__ import annotations

from prefect.schedules import Cron

from huisheng.flows.pipeline import pipeline_flow, retrain_flow

PIPELINE = "pipeline"
RETRAIN = "retrain"


def build(cron: str, retrain_cron: str, timezone: str, paths: list[str] | None = None, work_pool: str | None = None):
    from prefect.deployments.runner import EntrypointType

    extra = {"work_pool_name": work_pool, "entrypoint_type": EntrypointType.MODULE_PATH} if work_pool else {}
    return [
        pipeline_flow.to_deployment(name=PIPELINE, schedules=[Cron(cron, timezone=timezone)],
                                    parameters={"paths": paths} if paths else {}, tags=["huisheng"],
                                    concurrency_limit=1,  # a slow run delays the next one instead of racing it
                                    description="pull configured sources → analyse → recluster", **extra),
        retrain_flow.to_deployment(name=RETRAIN, schedules=[Cron(retrain_cron, timezone=timezone)], tags=["huisheng"],
                                   concurrency_limit=1,
                                   description="learn from moderators; promote only if no dev set gets worse", **extra),
    ]


def serve(cron: str, retrain_cron: str, timezone: str, paths: list[str] | None = None) -> None:
    from prefect import serve as prefect_serve

    prefect_serve(*build(cron, retrain_cron, timezone, paths))


def register(work_pool: str, cron: str, retrain_cron: str, timezone: str, paths: list[str] | None = None) -> list:
    from prefect.deployments.runner import deploy

    return deploy(*build(cron, retrain_cron, timezone, paths, work_pool), work_pool_name=work_pool, build=False,
                  push=False, print_next_steps_message=False)
