"""`huisheng user …`: accounts for the board (DESIGN §6, §7b). Rules live in services/accounts.py.

A password is never taken as an argument (it would land in the shell history and `ps`): either read from stdin
(`--password-stdin`, first line) or generated and printed once.
"""

from __future__ import annotations

import sys

import typer

from huisheng.services import accounts
from huisheng.storage.schema import ROLES

user_app = typer.Typer(add_completion=False, no_args_is_help=True, help="Board accounts: add, list, passwd, disable.")


def _db():
    from huisheng.runtime import configure
    from huisheng.storage import open_database

    return open_database(configure().resolved_database_url)


def _password(from_stdin: bool) -> tuple[str, bool]:
    """(password, generated?)"""
    if not from_stdin:
        return accounts.generate_password(), True
    line = sys.stdin.readline()
    password = line.rstrip("\r\n")
    if not password:
        raise accounts.AccountError("no password on stdin")
    return password, False


@user_app.command("add")
def add(name: str = typer.Argument(..., help="login name (no spaces)"),
        role: str = typer.Option(..., "--role", help=" | ".join(ROLES)),
        password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from stdin")):
    """Create an account. Without --password-stdin a password is generated and printed once."""
    password, generated = _password(password_stdin)
    with _db().session() as s:
        accounts.add_user(s, name, role, password)
    typer.echo(f"created {name} ({role})")
    if generated:
        typer.echo(f"password: {password}")
        typer.echo("(shown only now; change it with `huisheng user passwd`)", err=True)


@user_app.command("list")
def list_():
    """Accounts with role, state and last login."""
    with _db().session() as s:
        users = accounts.list_users(s)
        if not users:
            typer.echo("no accounts yet: huisheng user add NAME --role admin")
            return
        typer.echo(f"{'name':<24}{'role':<11}{'state':<10}{'last login (UTC)':<20}")
        for u in users:
            state = "disabled" if u.disabled else ("locked" if u.locked_until and u.locked_until > accounts.utcnow()
                                                   else "active")
            last = u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "-"
            typer.echo(f"{u.name:<24}{u.role:<11}{state:<10}{last:<20}")


@user_app.command("passwd")
def passwd(name: str = typer.Argument(...),
           password_stdin: bool = typer.Option(False, "--password-stdin", help="read the password from stdin")):
    """Set a new password (also lifts a lockout and ends the user's open board sessions)."""
    password, generated = _password(password_stdin)
    with _db().session() as s:
        accounts.set_password(s, name, password)
    typer.echo(f"password changed for {name}")
    if generated:
        typer.echo(f"password: {password}")


@user_app.command("disable")
def disable(name: str = typer.Argument(...)):
    """Disable an account: it can no longer sign in and its open sessions end at the next click."""
    with _db().session() as s:
        accounts.set_disabled(s, name, True)
    typer.echo(f"disabled {name}")


@user_app.command("enable")
def enable(name: str = typer.Argument(...)):
    """Re-enable a disabled account."""
    with _db().session() as s:
        accounts.set_disabled(s, name, False)
    typer.echo(f"enabled {name}")


def print_demo_accounts(db) -> None:
    """`huisheng demo`: one account per role with fresh passwords, printed (demo only)."""
    with db.session() as s:
        created = accounts.ensure_demo_accounts(s)
    typer.echo("demo accounts (demo only: new passwords on every `huisheng demo`):")
    for name, (role, password) in created.items():
        typer.echo(f"  {role:<10} {name:<16} {password}")
