"""``huisheng sources``: the configured sources with cursor, last run, rows fetched and last error;
``huisheng sources pull [NAME…]`` pulls them without analysing; ``huisheng sources reset NAME`` forgets a cursor."""

from __future__ import annotations

import json
from typing import Optional

import typer

sources_app = typer.Typer(add_completion=False, invoke_without_command=True, no_args_is_help=False,
                          help="Configured sources ([[sources]] in the settings TOML): list, pull, reset.")


def _db_settings():
    from huisheng.runtime import configure
    from huisheng.storage import open_database

    settings = configure()
    return open_database(settings.resolved_database_url), settings


def _when(dt) -> str:
    return dt.strftime("%Y-%m-%d %H:%M:%S UTC") if dt else "never"


@sources_app.callback()
def sources(ctx: typer.Context,
            as_json: bool = typer.Option(False, "--json", help="one JSON object per source")):
    """List the configured sources and their health."""
    if ctx.invoked_subcommand is not None:
        return
    from huisheng.services.sources import configured
    from huisheng.storage.sources import source_health

    db, settings = _db_settings()
    with db.session() as s:
        rows = source_health(s, configured(settings))
    if not rows:
        typer.echo("no sources configured: add [[sources]] tables (name, kind, options) to huisheng.toml "
                   "(or the file in HUISHENG_CONFIG)")
        return
    for r in rows:
        if as_json:
            typer.echo(json.dumps({"name": r.name, "kind": r.kind, "cursor": r.cursor, "configured": r.configured,
                                   "last_run_at": r.last_run_at.isoformat() if r.last_run_at else None,
                                   "last_success_at": r.last_success_at.isoformat() if r.last_success_at else None,
                                   "rows_fetched": r.rows_fetched, "last_run_rows": r.last_run_rows, "items": r.items,
                                   "quarantined": r.quarantined, "last_error": r.last_error},
                                  ensure_ascii=False, default=str))
            continue
        cursor = json.dumps(r.cursor, ensure_ascii=False, default=str)
        cursor = cursor if len(cursor) <= 80 else cursor[:77] + "..."
        state = "FAILING" if r.last_error else ("ok" if r.last_success_at else "not run yet")
        typer.echo(f"{r.name} ({r.kind}{'' if r.configured else ', no longer configured'}): {state}")
        typer.echo(f"  cursor      {cursor}")
        typer.echo(f"  last run    {_when(r.last_run_at)} ({r.last_run_rows} rows); last success {_when(r.last_success_at)}")
        typer.echo(f"  fetched     {r.rows_fetched} rows in all; {r.items} items; {r.quarantined} quarantined")
        if r.last_error:
            typer.echo(f"  last error  {r.last_error}")


@sources_app.command("pull")
def pull(names: Optional[list[str]] = typer.Argument(None, help="source names (default: all configured)")):
    """Pull sources now (no analysis; `huisheng run` pulls and analyses)."""
    from huisheng.services.sources import pull_all

    db, settings = _db_settings()
    results = pull_all(db, settings, names or None)
    if not results:
        typer.echo("no sources configured")
    for r in results:
        for e in r.ingest.errors[:20]:
            typer.echo(f"quarantined {e}", err=True)
        typer.echo(r.line())
    failed = [r.name for r in results if r.error]
    if failed:
        from huisheng.cli import CliError

        raise CliError(f"{len(failed)} of {len(results)} sources failed: {', '.join(failed)} (see `huisheng sources`)")


@sources_app.command("reset")
def reset(name: str = typer.Argument(..., help="source name")):
    """Forget a source's cursor: the next pull reads it from the start (items already stored are not duplicated)."""
    from huisheng.storage.sources import reset_cursor

    db, _ = _db_settings()
    with db.session() as s:
        if not reset_cursor(s, name):
            from huisheng.cli import CliError

            raise CliError(f"no source named {name!r} has run yet")
    typer.echo(f"{name}: cursor cleared")
