"""The one small interface every hand-off target implements, and the HTTP plumbing they share.

A target turns a :class:`ClusterPayload` (already PII-masked, plain text) into its vendor's documented payload
(``render``, which is also the board's preview), delivers it with a timeout and returns a :class:`Delivery`
(``deliver``). On a re-delivery it gets the previous reference and posts an update or a comment instead of a new
ticket. Ticket targets (Jira, GitHub) can also ``find_existing`` a ticket by the idempotency key, so a crash
between send and commit never makes a second one, and read back ``remote_state`` (open / closed).

Errors: :class:`TransientError` (timeouts, connection errors, HTTP 429/5xx, vendor rate limits) may be retried;
:class:`PermanentError` (4xx, bad configuration, vendor refusals) may not.
"""

from __future__ import annotations

import json
import os
from urllib.parse import urlsplit
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx

from huisheng.handoff.config import TargetConfig

USER_AGENT = "huisheng-handoff/1"


class HandoffError(RuntimeError):
    pass


class TransientError(HandoffError):
    """Worth retrying later: the target was unreachable, slow, overloaded or rate-limiting."""


class PermanentError(HandoffError):
    """Retrying will not help until someone fixes the configuration or the payload."""


@dataclass(frozen=True)
class Spike:
    day: str
    count: int
    baseline: float


@dataclass(frozen=True)
class ClusterPayload:
    """Everything a target may say about a cluster. Texts are PII-masked plain text, not yet escaped."""

    cluster_id: int
    label: str
    category: str
    status: str
    size: int
    growth: float
    recent: int  # voices in the last 7 days of the feed
    previous: int  # voices in the 7 days before
    keywords: list[str]
    quotes: list[str]  # 3-5 representative quotes
    board_url: str
    first_seen: str = ""
    last_seen: str = ""
    spike: Spike | None = None

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def title(self) -> str:
        return f"【回声】聚类 {self.cluster_id}: {self.label or '(未命名 unnamed)'}"


@dataclass(frozen=True)
class Previous:
    """The last successful delivery of this cluster to this target."""

    external_ref: str
    external_url: str | None
    size: int | None
    spike_day: str | None


@dataclass
class Delivery:
    external_ref: str
    external_url: str | None = None
    state: str | None = None  # open / closed where the target knows


@dataclass
class Preview:
    """The exact request a target would send (without auth headers or signatures)."""

    method: str
    url: str
    body: Any
    notes: list[str] = field(default_factory=list)

    def text(self) -> str:
        body = self.body if isinstance(self.body, str) else json.dumps(self.body, ensure_ascii=False, indent=2)
        return f"{self.method} {self.url}\n\n{body}"


def change_line(p: ClusterPayload, prev: Previous | None) -> str | None:
    """"+37 voices since last hand-off (12 → 49)" and a new spike, or None when nothing changed."""
    parts = []
    if prev is not None and prev.size is not None and p.size != prev.size:
        diff = p.size - prev.size
        parts.append(f"{diff:+d} 条新反馈 ({diff:+d} voices since last hand-off: {prev.size} → {p.size})")
    if p.spike and (prev is None or p.spike.day != prev.spike_day):
        parts.append(f"突增 (new spike): {p.spike.day} 有 {p.spike.count} 条 (baseline {p.spike.baseline:g}/day)")
    return "; ".join(parts) or None


class Target:
    """Base class. Subclasses set ``kind`` and implement ``render`` and ``deliver``."""

    kind: str = ""
    tickets: bool = False  # True: one remote ticket per cluster that can be found again and closed

    def __init__(self, config: TargetConfig, client: httpx.Client | None = None, db=None, home=None):
        self.config = config
        self.name = config.name
        self._client = client
        self.db, self.home = db, home  # for targets that read the database themselves (markdown, csv)

    # -- the interface ---------------------------------------------------------------------------------------------
    def render(self, p: ClusterPayload, key: str, prev: Previous | None = None) -> Preview:
        raise NotImplementedError

    def deliver(self, p: ClusterPayload, key: str, prev: Previous | None = None) -> Delivery:
        raise NotImplementedError

    def find_existing(self, key: str) -> Delivery | None:
        """A ticket carrying ``key`` that an interrupted earlier attempt created, if the target can tell."""
        return None

    def find_update(self, p: "ClusterPayload", key: str, prev: "Previous") -> bool:
        """Whether the update for this exact state (``update_tag``) is already on the ticket: an earlier process
        posted it and died before committing. Ticket targets check their comments; others cannot tell."""
        return False

    def remote_state(self, ref: str) -> str | None:
        """``open`` / ``closed`` for ticket targets; None when the target cannot say."""
        return None

    def send_text(self, title: str, lines: list[str]) -> Delivery:
        """A free-form message (the daily digest). Lines are our own text, already escaped by the caller."""
        raise PermanentError(f"target kind {self.kind!r} cannot post a digest")

    # -- HTTP ------------------------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The endpoint: ``url``, or the environment variable named by ``url_env`` (chat hook URLs carry their
        token, so they may be kept out of the TOML)."""
        env = self.config.option("url_env")
        url = os.environ.get(env) if env else self.config.url
        if not url:
            raise ValueError(f"handoff target {self.name!r}: url (or url_env) is required")
        return url

    def shown_url(self) -> str:
        """The endpoint for previews: chat hooks carry their token in the path or query, so only the host shows."""
        try:
            return redact_url(self.url)
        except ValueError:
            return "(url not configured)"

    @property
    def client(self) -> httpx.Client:
        if self._client is None:
            self._client = httpx.Client(timeout=self.config.timeout, follow_redirects=False,
                                        headers={"User-Agent": USER_AGENT})
        return self._client

    def request(self, method: str, url: str, *, json_body: Any = None, content: bytes | None = None,
                headers: dict | None = None, params: dict | None = None) -> httpx.Response:
        """One HTTP call with the target's timeout; maps failures to Transient/PermanentError."""
        h = {"User-Agent": USER_AGENT, **(headers or {})}
        if json_body is not None:
            content = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
            h.setdefault("Content-Type", "application/json; charset=utf-8")
        try:
            r = self.client.request(method, url, content=content, headers=h, params=params,
                                    timeout=self.config.timeout)
        except httpx.TimeoutException as e:
            raise TransientError(f"{self.name}: timed out after {self.config.timeout:g} s ({type(e).__name__})") from e
        except (httpx.TransportError, httpx.InvalidURL) as e:
            raise TransientError(self.redact(f"{self.name}: {type(e).__name__}: {e}", url)) from e
        if r.status_code == 429 or r.status_code >= 500:
            raise TransientError(self.redact(f"{self.name}: HTTP {r.status_code} {_snippet(r)}", url))
        if r.status_code >= 400:
            raise PermanentError(self.redact(f"{self.name}: HTTP {r.status_code} {_snippet(r)}", url))
        return r

    def redact(self, message: str, url: str = "") -> str:
        """Error texts are stored and shown: never with a hook URL's token or a secret a server echoed back."""
        secrets = [url, self.config.url or ""]
        for which in ("secret_env", "token_env"):
            env = getattr(self.config, which)
            secrets.append(os.environ.get(env, "") if env else "")
        env = self.config.option("url_env")
        secrets.append(os.environ.get(env, "") if env else "")
        for secret in sorted({x for x in secrets if len(x) >= 6}, key=len, reverse=True):
            message = message.replace(secret, redact_url(secret) if "://" in secret else "…")
        return message


def _snippet(r: httpx.Response, n: int = 200) -> str:
    return " ".join(r.text.split())[:n]


def response_json(r: httpx.Response) -> dict:
    try:
        data = r.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


CATEGORY_NAMES = {"bug": "缺陷 bug", "feature_request": "需求 feature request", "quality_content": "优质内容 quality",
                  "spam": "垃圾 spam", "other": "其他 other"}


def facts(p: ClusterPayload) -> list[tuple[str, str]]:
    """(name, value) pairs made only of numbers and our own words; safe in any markup."""
    rows = [("类别 category", CATEGORY_NAMES.get(p.category, "other")), ("条数 voices", str(p.size)),
            ("近7天 last 7 days", f"{p.recent} (前7天 previous {p.previous}, 增长 growth ×{p.growth:.2f})")]
    if p.spike:
        rows.append(("突增 spike", f"{p.spike.day}: {p.spike.count} (baseline {p.spike.baseline:g}/day)"))
    if p.first_seen or p.last_seen:
        rows.append(("时间 seen", f"{p.first_seen or '—'} → {p.last_seen or '—'}"))
    return rows


def update_tag(key: str, p: ClusterPayload) -> str:
    """What marks one update (comment) of a ticket: the delivery key and the state it reports."""
    return f"{key} size={p.size} spike={p.spike.day if p.spike else '-'}"


def board_link(p: ClusterPayload) -> str:
    return f"{p.board_url.rstrip('/')}/clusters?cluster={p.cluster_id}"


def redact_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/…" if parts.netloc else "…"
