"""``huisheng backlog``: analyse everything pending in chunks, in parallel on Dask (a local cluster by default)."""

from __future__ import annotations

from typing import Optional

import typer


def backlog(chunk: int = typer.Option(5000, "--chunk", min=1, help="items per chunk"),
            workers: int = typer.Option(2, "--workers", min=1, help="local Dask worker processes"),
            dask_address: Optional[str] = typer.Option(None, "--dask-address",
                                                       help="an existing Dask scheduler, e.g. tcp://10.0.0.5:8786"),
            no_recluster: bool = typer.Option(False, "--no-recluster", help="analyse only")):
    """Analyse a large backlog in chunks run in parallel with prefect-dask's DaskTaskRunner, then recluster."""
    from huisheng.runtime import configure

    configure()
    from huisheng.flows.backlog import analyze_backlog

    r = analyze_backlog(chunk, workers, dask_address, recluster=not no_recluster)
    typer.echo(f"analysed {r['analysed']} items in {len(r['chunks'])} chunks with {r['model_version']}")
    if "recluster" in r:
        c = r["recluster"]
        typer.echo(f"recluster: {c['joined']} joined existing clusters, {c['new_clusters']} new clusters, "
                   f"{c['unclustered']} waiting for more voices ({c.get('waiting_total', c['unclustered'])} in all)")
