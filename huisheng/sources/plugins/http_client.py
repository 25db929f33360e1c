"""A small polite HTTP client for the web sources: timeout, retries with exponential backoff (honouring
``Retry-After``), and a rate limit (a minimum interval between requests). Secrets come only from the environment:
``headers_env = {"Authorization" = "MY_API_TOKEN"}`` reads the header's value from ``$MY_API_TOKEN``.
"""

from __future__ import annotations

import os
import random
import time
from typing import Any

import httpx

RETRY_STATUS = {408, 425, 429, 500, 502, 503, 504}


class SourceFetchError(RuntimeError):
    """A page could not be fetched after all retries; the message names the URL and the last reason."""


def env_headers(source: str, headers_env: dict[str, str] | None) -> dict[str, str]:
    out = {}
    for header, var in (headers_env or {}).items():
        value = os.environ.get(var)
        if value is None:
            raise SourceFetchError(f"source {source!r}: header {header!r} needs the environment variable {var}, "
                                   f"which is not set")
        out[header] = value
    return out


class PoliteClient:
    def __init__(self, source: str, *, headers: dict[str, str] | None = None, timeout: float = 30.0,
                 retries: int = 4, backoff: float = 1.0, max_backoff: float = 60.0,
                 rate_limit_per_second: float | None = None, user_agent: str = "huisheng/0.1 (feedback collector)"):
        self.source = source
        self.retries, self.backoff, self.max_backoff = retries, backoff, max_backoff
        self.min_interval = 1.0 / rate_limit_per_second if rate_limit_per_second else 0.0
        self._last = 0.0
        self.requests = 0  # sent, retries included (tests and logs)
        self.client = httpx.Client(timeout=timeout, headers={"User-Agent": user_agent, "Accept": "application/json",
                                                             **(headers or {})}, follow_redirects=True)

    def _wait_turn(self) -> None:
        if self.min_interval:
            delay = self._last + self.min_interval - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self._last = time.monotonic()

    def _sleep_before_retry(self, attempt: int, response: httpx.Response | None) -> None:
        delay = min(self.max_backoff, self.backoff * (2 ** attempt)) * (0.5 + random.random() / 2)
        if response is not None and response.headers.get("Retry-After", "").strip().isdigit():
            delay = min(self.max_backoff, float(response.headers["Retry-After"]))
        time.sleep(delay)

    def get_json(self, url: str, params: dict[str, Any] | None = None) -> Any:
        last = "no attempt"
        for attempt in range(self.retries + 1):
            self._wait_turn()
            self.requests += 1
            response = None
            try:
                response = self.client.get(url, params=params)
            except httpx.TimeoutException:
                last = "timed out"
            except httpx.TransportError as e:
                last = f"{type(e).__name__}: {e}"
            else:
                if response.status_code < 400:
                    try:
                        return response.json()
                    except ValueError:
                        raise SourceFetchError(f"source {self.source!r}: {response.url} did not return JSON "
                                               f"(content-type {response.headers.get('content-type')!r})") from None
                last = f"HTTP {response.status_code}"
                if response.status_code not in RETRY_STATUS:
                    break
            if attempt < self.retries:
                self._sleep_before_retry(attempt, response)
        shown = str(httpx.URL(url, params=params)) if params else url
        raise SourceFetchError(f"source {self.source!r}: GET {shown} failed: {last}")

    def close(self) -> None:
        self.client.close()
