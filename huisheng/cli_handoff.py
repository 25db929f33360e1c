"""``huisheng handoff`` (DESIGN §6): deliver one cluster to a configured target and print the external reference;
``--retry`` retries failed deliveries. Registered on the main Typer app in cli.py."""

from __future__ import annotations

from typing import Optional

import typer


def handoff(cluster_id: Optional[int] = typer.Argument(None, help="cluster id (merged clusters are followed)"),
            target: Optional[str] = typer.Option(None, "--target", "-t", help="a target named in the settings (handoff.targets.NAME)"),
            retry: bool = typer.Option(False, "--retry", help="retry failed or interrupted deliveries"),
            preview: bool = typer.Option(False, "--preview", help="print the exact payload; send nothing"),
            list_targets: bool = typer.Option(False, "--list", help="list configured targets (secrets never shown)"),
            no_flow: bool = typer.Option(False, "--no-flow", help="deliver directly, without a Prefect run")):
    """Hand a cluster off to Jira / GitHub / Feishu / DingTalk / WeCom / Slack / a webhook / a file.

    Running it again prints the same reference and creates nothing new; if the cluster grew, the ticket gets a
    comment (or the chat an update) instead.
    """
    from huisheng.cli import CliError, _db, _setup
    from huisheng.handoff.config import handoff_config
    from huisheng.services import handoff as service

    settings = _setup()
    cfg = handoff_config(settings)
    if list_targets:
        for name, t in sorted(cfg.targets.items()):
            typer.echo(f"{name}\t{t.kind}\t{t.url and '(url set)' or t.base_url or t.repo or t.option('path') or ''}")
        return
    db = _db(settings)
    if retry:
        if no_flow:
            done, errors = service.retry_failed(db, settings)
            results = [{"cluster_id": r.cluster_id, "target": r.target, "external_ref": r.external_ref,
                        "action": r.action} for r in done]
        else:
            from huisheng.flows.handoff import handoff_flow
            from huisheng.storage import handoffs as hstore

            with db.session() as s:
                rows = hstore.needing_retry(s)
            results, errors = [], []
            if rows:  # nothing failed: no Prefect run needed
                out = handoff_flow([(r.cluster_id, r.target) for r in rows])
                results = out["delivered"]
                errors = [f"cluster {f['cluster_id']} → {f['target']}: {f['error']}" for f in out["failed"]]
        for r in results:
            typer.echo(f"cluster {r['cluster_id']} → {r['target']}: {r['external_ref']} ({r['action']})")
        if errors:
            raise CliError(f"{len(errors)} deliveries still failing; first: {errors[0]}")
        if not results:
            typer.echo("nothing to retry")
        return
    if cluster_id is None or not target:
        raise CliError("usage: huisheng handoff CLUSTER_ID --target NAME  (or --retry, --list)")
    if target not in cfg.targets:  # before any Prefect run: the flow delivers to configured targets only
        known = ", ".join(sorted(cfg.targets)) or "none configured: add [handoff.targets.NAME] to the settings TOML"
        raise CliError(f"unknown handoff target {target!r} ({known})")
    if preview:
        typer.echo(service.preview(db, settings, cluster_id, target).text())
        return
    if no_flow:
        try:
            r = service.deliver(db, settings, cluster_id, target)
        except service.HandoffFailed as e:
            raise CliError(f"hand-off of cluster {cluster_id} to {target} failed: {e}") from e
        ref, action = r.external_ref, r.action
    else:
        from huisheng.flows.handoff import handoff_flow

        out = handoff_flow([(cluster_id, target)])
        if out["failed"]:
            raise CliError(f"hand-off of cluster {cluster_id} to {target} failed: {out['failed'][0]['error']}")
        ref, action = out["delivered"][0]["external_ref"], out["delivered"][0]["action"]
    typer.echo(ref)
    typer.echo(f"({action})", err=True)


def print_flow_summary(result: dict | None) -> None:
    """The hand-off part of `huisheng run`: what was delivered, what failed, which tickets were closed."""
    if not result:
        return
    for d in result.get("delivered", []):
        typer.echo(f"handoff: cluster {d['cluster_id']} → {d['target']}: {d['external_ref']} ({d['action']})")
    for f in result.get("failed", []):
        typer.echo(f"handoff FAILED: cluster {f['cluster_id']} → {f['target']}: {f['error']}", err=True)
    if result.get("closed"):
        typer.echo(f"handoff: tickets closed → clusters done: {result['closed']}")
    for e in result.get("errors", []):
        typer.echo(f"handoff error: {e}", err=True)
