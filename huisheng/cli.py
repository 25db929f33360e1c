"""The `huisheng` command (DESIGN §6). Exit 0 on success; otherwise non-zero with a one-line reason on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="回声 huisheng: hear what the users of a Chinese-language product are saying.")


class CliError(Exception):
    pass


def _setup(prefect: bool = False):
    """Settings and an offline environment. ``prefect``: this command may start a temporary Prefect server, so a
    watchdog makes sure it dies with us (even on kill -9), and SIGTERM stops the run like Ctrl+C does."""
    import signal

    from huisheng.runtime import configure

    if prefect:
        # a failed task is reported once, as one line (main), not as Prefect's tracebacks of every flow and task
        # level it passes through; HUISHENG_PREFECT_LOG_LEVEL=ERROR (or INFO…) shows Prefect's logs again
        os.environ["PREFECT_LOGGING_LEVEL"] = os.environ.get("HUISHENG_PREFECT_LOG_LEVEL", "CRITICAL")
    settings = configure()
    if prefect:
        from huisheng import watchdog

        watchdog.start()
        signal.signal(signal.SIGTERM, signal.default_int_handler)
    return settings


def _db(settings):
    from huisheng.storage import open_database

    return open_database(settings.resolved_database_url)


@app.command()
def ingest(paths: list[Path] = typer.Argument(..., help="CSV, JSONL or XLSX files, or folders of them"),
           source: Optional[str] = typer.Option(None, "--source", help="source name (default: file name)"),
           no_flow: bool = typer.Option(False, "--no-flow", help="land the file directly, without a Prefect run")):
    """Ingest feedback files: good rows land, bad rows go to quarantine with a reason."""
    settings = _setup(prefect=not no_flow)
    paths = _input_files(paths)
    if no_flow:
        from huisheng.services.ingest import ingest_file
        from huisheng.storage.locks import run_lock

        results = []
        with run_lock(_db(settings), settings.run_lock_wait, on_wait=lambda m: typer.echo(f"huisheng: {m}", err=True)):
            results += [_no_flow_ingest(ingest_file, settings, p, source) for p in paths]
    else:
        from huisheng.flows.pipeline import ingest_flow

        results = ingest_flow([str(p) for p in paths], source)
    for r in results:
        for note in r.get("notes", []):
            typer.echo(f"note: {note}", err=True)
        for e in r["errors"][:20]:
            typer.echo(f"quarantined {e}", err=True)
        typer.echo(f"{r['path']}: read {r['read']}, new {r['new']}, updated {r['updated']}, "
                   f"unchanged {r['unchanged']}, quarantined {r['quarantined']}")


FOLDER_TYPES = (".csv", ".tsv", ".jsonl", ".ndjson", ".xlsx")


def _input_files(paths: list[Path]) -> list[Path]:
    """The files named, a folder standing for the feedback files directly in it (name order). In a folder only
    CSV/TSV/JSONL/XLSX count (a README.txt or notes.json is not feedback); hidden files and Excel's lock files
    (~$name.xlsx, there while the workbook is open) are left out. Checked before any Prefect run."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.is_file() and not f.name.startswith((".", "~$"))
                           and f.suffix.lower() in FOLDER_TYPES)
            if not found:
                raise CliError(f"{p}: a folder with no feedback files in it (looked for {', '.join(FOLDER_TYPES)})")
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise CliError(f"{p}: no such file")
    return out


def _no_flow_ingest(ingest_file, settings, p: Path, source: str | None) -> dict:
    s = ingest_file(_db(settings), settings, p, source)
    return {"path": str(p), "read": s.read, "new": s.new, "updated": s.updated, "unchanged": s.unchanged,
            "quarantined": s.quarantined, "errors": s.errors, "notes": s.notes}


def _print_run(result: dict) -> None:
    for r in result.get("sources", []):
        typer.echo(f"source {r['source']} ({r['kind']}): {r['pages']} pages, read {r['read']}, new {r['new']}, "
                   f"updated {r['updated']}, quarantined {r['quarantined']}" + (f"; FAILED: {r['error']}" if r["error"] else ""))
    for r in result.get("ingest", []):
        typer.echo(f"ingest {r['path']}: read {r['read']}, new {r['new']}, updated {r['updated']}, quarantined {r['quarantined']}")
    a, c = result["analyze"], result["recluster"]
    typer.echo(f"analyze: {a['analysed']} items classified with {a['model_version']}")
    typer.echo(f"recluster: {c['joined']} joined existing clusters, {c['new_clusters']} new clusters, "
               f"{c['unclustered']} waiting for more voices ({c.get('waiting_total', c['unclustered'])} in all)"
               + (f", {c['repaired']} clusters repaired" if c.get("repaired") else "")
               + (f", {c['respaced']} clusters moved to the current clustering space" if c.get("respaced") else ""))
    for sp in c.get("spikes", []):
        typer.echo(f"SPIKE cluster {sp['cluster_id']} 「{sp['label']}」: {sp['count']} on {sp['day']} "
                   f"(baseline {sp['baseline']}/day)")
    from huisheng.cli_handoff import print_flow_summary

    print_flow_summary(result.get("handoff"))


@app.command()
def run(paths: list[Path] = typer.Argument(None, help="optional files (or folders of them) to ingest first")):
    """Run the pipeline once over what is new: ingest → analyze → recluster."""
    _setup(prefect=True)
    from huisheng.flows.pipeline import pipeline_flow

    result = pipeline_flow([str(p) for p in _input_files(paths)] if paths else None)
    _print_run(result)
    _fail_on_source_errors(result)


def _fail_on_source_errors(result: dict) -> None:
    """A source that failed does not stop the others or the analysis (their rows are committed), but the run is not
    a success: a cron job or a scheduler must see it, so the exit status is non-zero and names the sources."""
    failed = [r["source"] for r in result.get("sources", []) if r.get("error")]
    if failed:
        raise CliError(f"{len(failed)} source(s) failed: {', '.join(failed)} (the others and the analysis completed; "
                       "`huisheng sources` shows the errors)")


@app.command()
def demo(no_board: bool = typer.Option(False, "--no-board", help="load and analyse only")):
    """Load the shipped sample feed, run the pipeline, start the board."""
    settings = _setup(prefect=True)
    from huisheng import paths as P
    from huisheng.flows.pipeline import pipeline_flow

    files = sorted(str(p) for p in P.SAMPLE_DIR.iterdir() if p.name in ("appstore_reviews.csv", "community.jsonl"))
    if not files:
        raise CliError(f"no sample feed in {P.SAMPLE_DIR}")
    result = pipeline_flow(files, None)
    _print_run(result)
    from huisheng.cli_users import print_demo_accounts

    print_demo_accounts(_db(settings))
    if not no_board:
        raise typer.Exit(_run_board(settings))


@app.command()
def board(port: Optional[int] = typer.Option(None, help="port (default from settings: 8501)")):
    """Start the Streamlit board on 127.0.0.1."""
    raise typer.Exit(_run_board(_setup(), port))


def _check_port_free(host: str, port: int) -> None:
    """One clear line instead of the board's address followed by Streamlit's "Port N is not available"."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is no clash
        try:
            probe.bind((host, port))
        except OSError as e:
            raise CliError(f"cannot start the board on {host}:{port}: {e.strerror or e} (another board running? "
                           "choose a port with --port or HUISHENG_BOARD_PORT)") from e


def _run_board(settings, port: int | None = None) -> int:
    from huisheng.guards import board_exposure_warning

    port = port or settings.board_port
    script = Path(__file__).parent / "app" / "board.py"
    # every page is behind sign-in (services/accounts.py); what is left to say off loopback is that HTTP is plain
    warning = board_exposure_warning(settings.board_host, login_enabled=True)
    if warning:
        typer.echo(f"huisheng: {warning}", err=True)
    _check_port_free(settings.board_host, port)
    typer.echo(f"huisheng board: http://{settings.board_host}:{port}  (Ctrl+C to stop)")
    # huisheng.app.launch: Streamlit with the pages' modules imported before it listens (the first visitor waited
    # for them)
    cmd = [sys.executable, "-m", "huisheng.app.launch", "run", str(script), "--server.address", settings.board_host,
           "--server.port", str(port), "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal"]
    sys.stdout.flush()
    sys.stderr.flush()
    # become Streamlit (not its parent): a SIGTERM to `huisheng board`/`demo` then stops the server itself
    os.execv(sys.executable, cmd)
    return 0  # not reached


@app.command()
def serve(cron: str = typer.Option("*/30 * * * *", "--cron", help="cron expression for the pipeline"),
          retrain_cron: str = typer.Option("0 3 * * *", "--retrain-cron", help="cron expression for retraining"),
          paths: list[Path] = typer.Argument(None, help="files to (re-)ingest on every run"),
          pool: Optional[str] = typer.Option(None, "--pool", help="register the deployments with this work pool and "
                                             "exit; `prefect worker start --pool NAME` runs them (needs PREFECT_API_URL)"),
          port: int = typer.Option(4200, "--prefect-port", help="port of the local Prefect server, if one is started")):
    """Serve the deployments `pipeline` (cron: pulls the configured sources, then analyses) and `retrain`
    (nightly), in the settings' time zone.

    Schedules need a real Prefect server: the one in PREFECT_API_URL if set, otherwise a local one started here
    (on 127.0.0.1, data under the run-time home) and stopped when serve stops.
    """
    settings = _setup(prefect=True)
    files = [str(p.resolve()) for p in paths] if paths else None
    if pool:
        if not os.environ.get("PREFECT_API_URL"):
            raise CliError("--pool needs a shared Prefect server: set PREFECT_API_URL")
        from huisheng.flows.deployments import register

        ids = register(pool, cron, retrain_cron, settings.timezone, files)
        typer.echo(f"registered {len(ids)} deployments (pipeline, retrain) with work pool {pool!r}; "
                   f"start workers with: prefect worker start --pool {pool}")
        return
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, api = _start_prefect_server(settings, port)
        os.environ["PREFECT_API_URL"] = api
        typer.echo(f"started a local Prefect server: {api.removesuffix('/api')}")
    try:
        from huisheng.flows.deployments import serve as serve_deployments

        serve_deployments(cron, retrain_cron, settings.timezone, files)
    finally:
        if server is not None:
            server.terminate()  # SIGTERM: the server ignores SIGINT when in the background
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()


def _start_prefect_server(settings, port: int):
    import time
    import urllib.request

    prefect = Path(sys.executable).with_name("prefect")
    log = open(settings.home / "prefect-server.log", "ab")
    proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise CliError(f"the Prefect server exited with {proc.returncode}; see {settings.home / 'prefect-server.log'}")
        try:
            with urllib.request.urlopen(f"{api}/health", timeout=2) as r:
                if r.status == 200:
                    return proc, api
        except OSError:
            time.sleep(1)
    proc.terminate()
    raise CliError(f"the Prefect server did not answer on {api} within 120 s")


@app.command()
def classify(input: Path = typer.Argument(..., help="CSV/JSONL/XLSX with a text column and optional id"),
             output: Path = typer.Option(..., "-o", "--output", help="output JSONL")):
    """Classify a file without a database: id, category, scores, quality_score per row."""
    settings = _setup()
    if not input.is_file():
        raise CliError(f"{input}: no such file")
    from huisheng.services.batch import classify_file

    r = classify_file(settings, input, output)
    typer.echo(f"wrote {r['rows']} rows to {output} ({r['errors']} bad rows) with {r['model']}", err=True)


@app.command()
def cluster(input: Path = typer.Argument(..., help="CSV/JSONL/XLSX with a text column and optional id"),
            output: Path = typer.Option(..., "-o", "--output", help="output JSONL")):
    """Cluster a file without a database: id, cluster_id, cluster_label per row. Every valid row gets a group (a
    one-off is a cluster of its own); cluster_id -1 only for bad rows."""
    settings = _setup()
    if not input.is_file():
        raise CliError(f"{input}: no such file")
    from huisheng.guards import check_cluster_memory
    from huisheng.services.batch import cluster_file
    from huisheng.sources.files import read_file
    from huisheng.sources.records import Record

    rows = sum(1 for r in read_file(input, max_chars=settings.max_text_chars, tz=settings.timezone) if isinstance(r, Record))
    refusal = check_cluster_memory(rows, str(input))
    if refusal:
        raise CliError(refusal)
    r = cluster_file(settings, input, output)
    _mask_labels(output)
    typer.echo(f"wrote {r['rows']} rows to {output}: {r['clustered']} in {r['clusters']} clusters", err=True)


def _mask_labels(output: Path) -> None:
    """Cluster labels leave the tool in OUTPUT: a contact id repeated by a spam wave must not become a label."""
    import json

    from huisheng.models.pii import mask_label

    lines = output.read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    for row in rows:
        if row.get("cluster_label"):
            row["cluster_label"] = mask_label(row["cluster_label"])
    output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@app.command()
def train(data: Optional[Path] = typer.Option(None, "--data", help="labelled JSONL/CSV (default: shipped seed corpus)")):
    """Train the classifier, save a versioned artefact and make it active."""
    settings = _setup()
    from huisheng.models.training import ModelStore, load_labelled
    from huisheng.models.training import train as train_model
    from huisheng.services.devsets import evaluation_sets

    rows = load_labelled(data)
    clf, card = train_model(rows, dev_sets=evaluation_sets(rows), adapt=_adapt(settings))
    card = {**card, "origin": "train"}  # a person chose this model: upgrades do not replace it
    path = ModelStore(settings.models_dir).save(clf, card)
    _print_dev_metrics(card["metrics"])
    typer.echo(f"saved {card['version']} to {path} (trained on {card['train_size']} rows); it is now active")


def _adapt(settings) -> tuple | None:
    """Score App Store reviews per app the way `huisheng classify` labels a file of them (self-trained on it, then
    smoothed over its neighbours)."""
    from huisheng.services.batch import batch_spreading

    if not settings.classify_adapt:
        return None
    return (settings.classify_adapt_threshold, settings.classify_adapt_weight, batch_spreading(settings))


def _print_dev_metrics(metrics: dict) -> None:
    from huisheng.models.training import format_metrics
    from huisheng.services.devsets import (APPSTORE_DEV_NAME, CHOOSE_APPS, REAL_DEV_NAME, appstore_dev_status,
                                           real_dev_status)

    titles = {"seed-dev": "seed dev split (model trained on the train split)",
              REAL_DEV_NAME: "real-text dev set (hand-labelled reviews from ../shared/corpora, never trained on)",
              APPSTORE_DEV_NAME: "App Store dev set (hand-labelled real reviews, never trained on; per app as "
                                 "`huisheng classify` labels a file; defaults chosen on " + ", ".join(CHOOSE_APPS)
                                 + ", the other apps only reported)"}
    for name, m in metrics.items():
        typer.echo(format_metrics(titles.get(name, name), m))
    for name, status in ((REAL_DEV_NAME, real_dev_status()), (APPSTORE_DEV_NAME, appstore_dev_status())):
        if name not in metrics and status:
            typer.echo(status)


@app.command()
def retrain(force: bool = typer.Option(False, "--force", help="promote even if a dev set gets worse")):
    """Retrain on seed data plus moderators' labels; promote if not worse; then re-analyse and recluster."""
    _setup(prefect=True)
    from huisheng.flows.pipeline import retrain_flow

    result = retrain_flow(force)
    typer.echo(result["retrain"]["line"])
    if "analyze" in result:
        _print_run(result)


@app.command("eval")
def evaluate(data: Optional[Path] = typer.Option(None, "--data", help="labelled JSONL/CSV; default: the seed dev split "
                                                                    "and the real-text dev set")):
    """Print per-class precision, recall and F1."""
    settings = _setup()
    from huisheng.models.training import evaluate as eval_model
    from huisheng.models.training import format_metrics, load_labelled
    from huisheng.models.training import train as train_model
    from huisheng.services.devsets import evaluation_sets

    if data is None:
        # the active model has seen the seed dev split; score a model of the same recipe trained without it
        rows = load_labelled()
        _, card = train_model(rows, final=False, dev_sets=evaluation_sets(rows), adapt=_adapt(settings))
        _print_dev_metrics(card["metrics"])
    else:
        from huisheng.services.analyse import active_model

        clf, card = active_model(settings)
        typer.echo(format_metrics(f"{data} with {card['version']}", eval_model(clf, load_labelled(data))))


from huisheng.cli_handoff import handoff as _handoff_command  # noqa: E402  (own module, DESIGN §6)
from huisheng.cli_users import user_app  # noqa: E402

app.command("handoff")(_handoff_command)
app.add_typer(user_app, name="user")


def main() -> None:
    try:
        rc = app(standalone_mode=False)
        if rc == 130:  # typer turns Ctrl+C (and our SIGTERM) into a *returned* 130, which used to exit 0
            _interrupted()
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except CliError as e:
        print(f"huisheng: {e}", file=sys.stderr)
        sys.exit(1)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        _interrupted()
    except (FileNotFoundError, ValueError, OSError) as e:
        print(f"huisheng: {_one_line(e)}", file=sys.stderr)
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the contract is one line on stderr, not a traceback
        import click

        if isinstance(e, click.exceptions.ClickException):
            e.show()
            sys.exit(e.exit_code)
        if isinstance(e, click.exceptions.Abort):
            _interrupted()
        print(f"huisheng: {type(e).__name__}: {_one_line(e)}", file=sys.stderr)
        sys.exit(1)


def _one_line(e: BaseException) -> str:
    """The reason, on one line; a database error without its SQL statement or parameters (row data)."""
    from sqlalchemy.exc import StatementError

    msg = str(e.orig) if isinstance(e, StatementError) and e.orig is not None else str(e)
    lines = [ln.strip() for ln in msg.strip().splitlines() if ln.strip()]
    return (lines[0] if lines else type(e).__name__)[:500]


def _interrupted() -> None:
    """Ctrl+C or SIGTERM: non-zero, and what was committed (it is kept; the next run continues from there)."""
    import logging

    from huisheng import progress

    # the temporary Prefect server's database pool (aiosqlite) is torn down mid-request when the process exits
    # after an interrupt and logs "Exception during reset" with a CancelledError traceback *after* this line; it is
    # shutdown noise (huisheng's own writes are committed or rolled back already), so the line below stays the last
    logging.getLogger("sqlalchemy.pool").setLevel(logging.CRITICAL)
    print(f"huisheng: interrupted; committed before stopping: {progress.summary()} (kept; run again to continue)",
          file=sys.stderr)
    sys.exit(130)


from huisheng.cli_sources import sources_app  # noqa: E402

app.add_typer(sources_app, name="sources")
from huisheng.cli_backlog import backlog as _backlog  # noqa: E402

app.command("backlog")(_backlog)

if __name__ == "__main__":
    main()
