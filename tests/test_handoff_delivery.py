"""One ticket per (cluster, target), never two: re-runs, growth, retries after a 500 and a timeout, a kill -9
between send and commit, closed tickets flowing back, the CLI contract, the file targets and the migration."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from handoff_fixtures import MAIL, PHONE, cluster_id, configure, grow, target_config  # noqa: F401
from handoff_receivers import GitHubReceiver, JiraReceiver, SlackReceiver, WebhookReceiver, serve
from huisheng.services import handoff as service
from huisheng.storage import handoffs as hstore
from run_helpers import isolated_env
from huisheng.storage.schema import SCHEMA_VERSION, Cluster, Decision, Handoff

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("kind", ["github", "jira"])
def test_rerun_is_a_no_op_and_growth_becomes_a_comment(kind, db, cluster_id, configure):
    with serve(GitHubReceiver() if kind == "github" else JiraReceiver()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        first = service.deliver(db, settings, cluster_id, "t")
        calls = rec.requests
        again = service.deliver(db, settings, cluster_id, "t")
        assert (again.action, again.external_ref) == ("unchanged", first.external_ref)
        assert rec.requests == calls, "an unchanged cluster sends nothing"
        grow(db, cluster_id, 37)
        upd = service.deliver(db, settings, cluster_id, "t")
        assert (upd.action, upd.external_ref) == ("updated", first.external_ref)
        assert len(rec.issues) == 1
        comments = list(rec.comments.values())[0]
        assert len(comments) == 1 and "+37" in str(comments[0]) and "5 → 42" in str(comments[0])
        assert service.deliver(db, settings, cluster_id, "t").action == "unchanged"
    with db.session() as s:
        assert hstore.get(s, cluster_id, "t").delivered_size == 42
        assert s.scalar(select(Handoff).where(Handoff.cluster_id == cluster_id)).attempts == 2


@pytest.mark.parametrize("kind", ["github", "jira"])
def test_a_ticket_whose_answer_was_lost_is_found_not_created_again(kind, db, cluster_id, configure):
    """The ticket is created but the answer never arrives (client timeout, the in-process twin of the kill -9
    test): the retry finds it by the idempotency key (GitHub body marker, Jira label)."""
    with serve(GitHubReceiver() if kind == "github" else JiraReceiver()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url, timeout=0.5)})
        rec.stall_after_create = True
        r = service.deliver(db, settings, cluster_id, "t", retries=2, backoff=0.01)
        assert r.action == "adopted" and len(rec.issues) == 1
        assert r.external_ref == ("acme/app#1" if kind == "github" else "FEED-1")
    with db.session() as s:
        assert hstore.get(s, cluster_id, "t").attempts == 2


@pytest.mark.parametrize("kind", ["github", "jira"])
def test_a_comment_whose_answer_was_lost_is_not_posted_twice(kind, db, cluster_id, configure):
    """The ticket stores the comment but its answer never arrives (client timeout): the retry finds the comment by
    its marker (key + reported size) instead of posting a second one."""
    with serve(GitHubReceiver() if kind == "github" else JiraReceiver()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url, timeout=0.5)})
        service.deliver(db, settings, cluster_id, "t")
        grow(db, cluster_id, 3)
        rec.stall_after_comment = True
        r = service.deliver(db, settings, cluster_id, "t", retries=2, backoff=0.01)
        assert r.action == "adopted"
        assert [len(c) for c in rec.comments.values()] == [1], "one comment, not two"
        grow(db, cluster_id, 2, start=200)
        assert service.deliver(db, settings, cluster_id, "t").action == "updated"
        assert [len(c) for c in rec.comments.values()] == [2], "the next real change still comments"


@pytest.mark.parametrize("failure", [500, "timeout", 429])
def test_transient_failure_is_retried_with_backoff(failure, db, cluster_id, configure):
    with serve(WebhookReceiver()) as rec:
        rec.fail_next = [failure]
        settings = configure({"hook": target_config("webhook", rec.base_url, timeout=0.5)})
        r = service.deliver(db, settings, cluster_id, "hook", retries=2, backoff=0.01)
        assert r.action == "created" and len(rec.accepted) == 1 and rec.requests == 2
    with db.session() as s:
        row = hstore.get(s, cluster_id, "hook")
        assert row.attempts == 2 and row.status == "delivered" and row.last_error is None


def test_exhausted_retries_are_recorded_and_retry_later_succeeds(db, cluster_id, configure):
    with serve(SlackReceiver()) as rec:
        rec.fail_next = [503, 503]
        settings = configure({"slack": target_config("slack", rec.base_url)})
        with pytest.raises(service.HandoffFailed) as e:
            service.deliver(db, settings, cluster_id, "slack", retries=1, backoff=0.01)
        assert e.value.transient and "503" in str(e.value)
        with db.session() as s:
            row = hstore.get(s, cluster_id, "slack")
            assert (row.status, row.attempts) == ("failed", 2) and "HTTP 503" in row.last_error
            assert s.get(Cluster, cluster_id).status == "new", "a failed hand-off does not change the cluster"
        done, errors = service.retry_failed(db, settings, backoff=0.01)
        assert not errors and [d.action for d in done] == ["created"] and len(rec.accepted) == 1
    with db.session() as s:
        assert hstore.get(s, cluster_id, "slack").status == "delivered"
        assert hstore.needing_retry(s) == []


def _cli(args, env, **kw):
    return subprocess.Popen([sys.executable, "-m", "huisheng.cli", "handoff", *args], env=env, cwd=str(REPO),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _env(settings) -> dict:
    env = {**isolated_env(), "PYTHONPATH": str(REPO), "HUISHENG_DATABASE_URL": settings.resolved_database_url}
    return env


def test_kill_9_between_send_and_commit_makes_one_ticket_not_two(db, cluster_id, configure):
    """A real `huisheng handoff` process is SIGKILLed after the ticket exists and before it hears back (so before
    it commits the reference). The next run finds the ticket by its idempotency key instead of creating another."""
    kind = "github"
    with serve(GitHubReceiver()) as rec:
        settings = configure({"t": target_config(kind, rec.base_url)})
        proc = _cli([str(cluster_id), "--target", "t", "--no-flow"], _env(settings))
        rec.kill_on_create = proc.pid
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == -signal.SIGKILL, (out, err)
        assert len(rec.issues) == 1
        with db.session() as s:
            row = hstore.get(s, cluster_id, "t")
            assert row.status == "sending" and row.external_ref is None, "the crash happened before the commit"
        rec.kill_on_create = None
        again = service.deliver(db, settings, cluster_id, "t")  # the next run (in-process: the CLI test covers the CLI)
        assert (again.action, again.external_ref) == ("adopted", "acme/app#1" if kind == "github" else "FEED-1")
        assert len(rec.issues) == 1, "one ticket, not two"
        third = service.deliver(db, settings, cluster_id, "t")
        assert (third.action, third.external_ref) == ("unchanged", again.external_ref)
        assert len(rec.issues) == 1


@pytest.mark.parametrize("kind", ["github", "jira"])
def test_closed_ticket_moves_the_cluster_to_done(kind, db, cluster_id, configure):
    with serve(GitHubReceiver() if kind == "github" else JiraReceiver(cloud=False)) as rec:
        settings = configure({"t": target_config("github" if kind == "github" else "jira-server", rec.base_url)})
        r = service.deliver(db, settings, cluster_id, "t")
        assert service.sync_states(db, settings)["closed"] == []
        with db.session() as s:
            assert s.get(Cluster, cluster_id).status == "handed_off"
        if kind == "github":
            rec.issues[1]["state"] = "closed"
        else:
            rec.issues[r.external_ref]["status"] = "done"
        result = service.sync_states(db, settings)
        assert result["closed"] == [cluster_id] and not result["errors"]
        assert service.sync_states(db, settings)["checked"] == 0, "a closed ticket is not polled again"
    with db.session() as s:
        assert s.get(Cluster, cluster_id).status == "done"
        assert hstore.get(s, cluster_id, "t").external_state == "closed"
        d = s.scalars(select(Decision).where(Decision.after["status"].as_string() == "done")).one()
        assert d.actor == "handoff:t" and d.before == {"status": "handed_off"}


def test_cli_prints_the_same_reference_again(db, cluster_id, configure, monkeypatch, capsys):
    with serve(GitHubReceiver()) as rec:
        settings = configure({"gh": target_config("github", rec.base_url)})
        env = _env(settings)
        p = _cli([str(cluster_id), "--target", "gh", "--no-flow"], env)  # the real console process once
        out, err = p.communicate(timeout=120)
        assert (p.returncode, out.strip()) == (0, "acme/app#1"), err
        code, out, err = _main(["handoff", str(cluster_id), "--target", "gh", "--no-flow"], monkeypatch, capsys)
        assert (code, out, err) == (0, "acme/app#1\n", "(unchanged)\n") and len(rec.issues) == 1
        for how in (["--no-flow"], []):  # the flow path once said "IndexError: list index out of range"
            assert _main(["handoff", str(cluster_id), "--target", "nope", *how], monkeypatch, capsys) == (
                1, "", "huisheng: unknown handoff target 'nope' (gh)\n")
        code, out, err = _main(["handoff", "--retry", "--no-flow"], monkeypatch, capsys)
        assert code == 0 and "nothing to retry" in out
        code, out, err = _main(["handoff", str(cluster_id), "--target", "gh", "--preview"], monkeypatch, capsys)
        assert code == 0 and out.startswith("POST ") and "/issues/1/comments" in out, "next delivery: a comment"


def test_cli_names_the_missing_target_when_none_is_configured(db, cluster_id, configure, monkeypatch, capsys):
    configure({})
    assert _main(["handoff", str(cluster_id), "--target", "markdown"], monkeypatch, capsys) == (
        1, "", "huisheng: unknown handoff target 'markdown' (none configured: add [handoff.targets.NAME] to the "
               "settings TOML)\n")


def _main(argv, monkeypatch, capsys):
    from huisheng import cli

    monkeypatch.setattr(sys, "argv", ["huisheng", *argv])
    capsys.readouterr()
    try:
        cli.main()
        code = 0
    except SystemExit as e:
        code = e.code or 0
    out = capsys.readouterr()
    return code, out.out, out.err

def test_file_targets_write_one_file_per_cluster(db, cluster_id, configure, tmp_path):
    settings = configure({"md": {"kind": "markdown", "path": str(tmp_path / "md")},
                          "sheet": {"kind": "csv", "path": str(tmp_path / "csv")}})
    md = service.deliver(db, settings, cluster_id, "md")
    assert md.external_ref == str((tmp_path / "md" / f"cluster-{cluster_id}.md").resolve())
    body = Path(md.external_ref).read_text(encoding="utf-8")
    assert PHONE not in body and MAIL not in body and "\\[点我\\]" in body
    grow(db, cluster_id, 2)
    again = service.deliver(db, settings, cluster_id, "md")
    assert again.external_ref == md.external_ref and len(list((tmp_path / "md").iterdir())) == 1
    assert "条数 (size): 7" in Path(md.external_ref).read_text(encoding="utf-8")
    sheet = service.deliver(db, settings, cluster_id, "sheet")
    rows = list(csv.DictReader(io.StringIO(Path(sheet.external_ref).read_text(encoding="utf-8-sig"))))
    assert len(rows) == 7 and not any(PHONE in r["text"] for r in rows)


def test_preview_is_the_exact_payload_and_hides_secrets(db, cluster_id, configure):
    with serve(SlackReceiver()) as rec:
        settings = configure({"s": target_config("slack", rec.base_url)})
        shown = service.preview(db, settings, cluster_id, "s")
        assert "/services/T000" not in shown.url, "a hook URL is a credential"
        service.deliver(db, settings, cluster_id, "s")
        assert rec.accepted[0]["body"] == shown.body
    with serve(JiraReceiver()) as rec:
        settings = configure({"j": target_config("jira", rec.base_url)})
        text_ = service.preview(db, settings, cluster_id, "j").text()
        assert os.environ["HUISHENG_TEST_TOKEN"] not in text_ and "Authorization" not in text_
    with db.session() as s:  # nothing secret is ever stored
        dump = str([(h.target, h.external_ref, h.last_error) for h in s.scalars(select(Handoff))])
        assert os.environ["HUISHENG_TEST_TOKEN"] not in dump


def test_unknown_kind_and_entry_point_plugins(monkeypatch):
    from importlib import metadata

    import huisheng.handoff as registry
    from huisheng.handoff.config import TargetConfig
    from huisheng.handoff.webhook import WebhookTarget

    with pytest.raises(ValueError, match="unknown handoff target kind 'teams'"):
        registry.build_target(TargetConfig(name="x", kind="teams"))

    class TeamsTarget(WebhookTarget):
        kind = "teams"

    ep = metadata.EntryPoint(name="teams", value="test_handoff_delivery:TeamsTarget", group="huisheng.handoff")
    monkeypatch.setattr(registry, "entry_points", lambda group: [ep] if group == "huisheng.handoff" else [])
    monkeypatch.setattr(metadata.EntryPoint, "load", lambda self: TeamsTarget)
    assert "teams" in registry.target_kinds()
    assert isinstance(registry.build_target(TargetConfig(name="x", kind="teams")), TeamsTarget)


def test_schema_2_database_is_migrated(tmp_path):
    """A database from before the hand-off columns gains them in place, with one row per (cluster, target)."""
    from huisheng.storage.db import Database

    url = f"sqlite:///{tmp_path / 'old.db'}"
    eng = create_engine(url)
    with eng.begin() as c:
        c.execute(text("CREATE TABLE schema_meta (key VARCHAR(64) PRIMARY KEY, value VARCHAR(256))"))
        c.execute(text("INSERT INTO schema_meta VALUES ('schema_version', '2')"))
        c.execute(text("CREATE TABLE clusters (id INTEGER PRIMARY KEY, category VARCHAR(32), label VARCHAR(256), "
                       "label_locked BOOLEAN, keywords JSON, quotes JSON, centroid BLOB, embedder VARCHAR(256), size INTEGER, "
                       "first_seen DATETIME, last_seen DATETIME, status VARCHAR(16), merged_into INTEGER, created_at DATETIME, "
                       "updated_at DATETIME, version INTEGER)"))
        c.execute(text("CREATE TABLE handoffs (id INTEGER PRIMARY KEY, cluster_id INTEGER REFERENCES clusters(id), "
                       "target VARCHAR(64), external_ref VARCHAR(512), idempotency_key VARCHAR(128) UNIQUE, status VARCHAR(16), "
                       "attempts INTEGER, last_error TEXT, created_at DATETIME, updated_at DATETIME)"))
    eng.dispose()
    database = Database(url).create()
    assert database.schema_version() == SCHEMA_VERSION  # through 2 -> 3 (hand-off) and 3 -> 4 (accounts)
    with database.engine.connect() as c:
        cols = {r[1] for r in c.execute(text("PRAGMA table_info(handoffs)"))}
        assert {"delivered_at", "external_url", "delivered_size", "delivered_spike", "external_state"} <= cols
        assert "uq_handoffs_cluster_target" in {r[1] for r in c.execute(text("PRAGMA index_list(handoffs)"))}
    database.engine.dispose()
