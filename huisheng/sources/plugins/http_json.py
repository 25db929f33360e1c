"""``http-json``: a paginated JSON API.

Options (TOML):
  url, params (static query), headers, headers_env (header → environment variable holding its value: secrets),
  items_path ("data.items"; empty: the response is the list), fields (canonical field → key path), meta (paths kept),
  pagination = "page" | "cursor" | "none":
    page:   page_param ("page"), first_page (1), page_size_param + page_size (optional; a short page ends the walk)
    cursor: cursor_param ("cursor"), next_cursor_path ("next_cursor"; empty or missing ends the walk)
  since_param + since_field: incremental by watermark: every walk sends ``since_param=<largest since_field seen>``
    (inclusive is fine: re-sent items are recognised by id), since_initial for the first walk,
  timeout (30 s), retries (4), backoff (1 s, doubled), rate_limit (requests per second), max_pages per run (1000).

Cursor, committed with each page's rows:
  without since: the position of the last committed non-empty page; the next run starts there (re-reading that
    page once, which also catches rows appended to it);
  with since: {"since": watermark} between walks, plus the walk's position and highest value while one is in flight.
"""

from __future__ import annotations

from typing import Any, Iterator

from huisheng.sources.fields import DateError, parse_datetime
from huisheng.sources.plugins import Page, SourceConfigError, SourcePlugin
from huisheng.sources.plugins.http_client import PoliteClient, SourceFetchError, env_headers
from huisheng.sources.plugins.mapping import ObjectMapper, dig

PAGINATIONS = ("page", "cursor", "none")


def watermark_key(value: Any) -> tuple:
    """Order watermark values: numbers numerically, dates as dates, anything else as text."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, float(value), "")
    s = str(value)
    try:
        return (0, float(s), "")
    except ValueError:
        pass
    try:
        dt = parse_datetime(s)
        return (1, dt.timestamp() if dt else 0.0, "")
    except DateError:
        return (2, 0.0, s)


class HttpJsonSource(SourcePlugin):
    kind = "http-json"

    def __init__(self, name, options, context=None):
        super().__init__(name, options, context)
        self.url = self.option("url", types=(str,))
        self.params = dict(self.option("params", {}, (dict,)))
        self.items_path = self.option("items_path", "", (str,))
        self.pagination = self.option("pagination", "page", (str,))
        if self.pagination not in PAGINATIONS:
            raise SourceConfigError(f"source {name!r}: pagination must be one of {PAGINATIONS}, got {self.pagination!r}")
        self.page_param = self.option("page_param", "page", (str,))
        self.first_page = int(self.option("first_page", 1, (int,)))
        self.page_size_param = self.option("page_size_param", None, (str,))
        self.page_size = self.option("page_size", None, (int,))
        self.cursor_param = self.option("cursor_param", "cursor", (str,))
        self.next_cursor_path = self.option("next_cursor_path", "next_cursor", (str,))
        self.since_param = self.option("since_param", None, (str,))
        self.since_field = self.option("since_field", None, (str,))
        if self.since_param and not self.since_field:
            raise SourceConfigError(f"source {name!r}: since_param needs since_field (the item key whose largest "
                                    f"value is sent next time)")
        self.since_initial = self.option("since_initial", None)
        self.max_pages = int(self.option("max_pages", 1000, (int,)))
        self.mapper = ObjectMapper(name, self.option("fields", {}, (dict,)), self.option("meta", [], (list,)),
                                   self.context.max_text_chars, self.context.timezone,
                                   self.option("default_kind", None, (str,)))
        self.client_options = dict(
            timeout=float(self.option("timeout", 30.0, (int, float))),
            retries=int(self.option("retries", 4, (int,))),
            backoff=float(self.option("backoff", 1.0, (int, float))),
            rate_limit_per_second=self.option("rate_limit", None, (int, float)),
        )
        self.headers = dict(self.option("headers", {}, (dict,)))
        self.headers_env = dict(self.option("headers_env", {}, (dict,)))

    def _client(self) -> PoliteClient:
        return PoliteClient(self.name, headers={**self.headers, **env_headers(self.name, self.headers_env)},
                            **self.client_options)

    def _items(self, body: Any, where: str) -> list:
        items = dig(body, self.items_path) if self.items_path else body
        if items is None:
            items = []
        if not isinstance(items, list):
            raise SourceFetchError(f"source {self.name!r}: {where}: {self.items_path or 'the response'} is "
                                   f"{type(items).__name__}, not a list of items")
        return items

    def pages(self, cursor: dict) -> Iterator[Page]:
        client = self._client()
        try:
            yield from self._walk(client, cursor)
        finally:
            client.close()

    def _walk(self, client: PoliteClient, cursor: dict) -> Iterator[Page]:
        incremental = bool(self.since_param)
        walk = cursor.get("walk") or {}
        since = cursor.get("since", self.since_initial)
        high = walk.get("high", since)
        position = walk.get("position") if incremental else cursor.get("position")
        if position is None:
            position = self.first_page if self.pagination == "page" else None
        for _ in range(self.max_pages):
            params = dict(self.params)
            if incremental and since is not None:
                params[self.since_param] = since
            if self.pagination == "page":
                params[self.page_param] = position
                if self.page_size_param and self.page_size:
                    params[self.page_size_param] = self.page_size
            elif self.pagination == "cursor" and position:
                params[self.cursor_param] = position
            where = f"{self.url} {self.page_param}={position}" if self.pagination == "page" else (
                f"{self.url} {self.cursor_param}={position}" if position else self.url)
            body = client.get_json(self.url, params)
            items = self._items(body, where)
            records, bad = [], []
            for i, obj in enumerate(items, start=1):
                row = self.mapper.build(obj, i, where)
                (records if hasattr(row, "external_id") else bad).append(row)
                if incremental and isinstance(obj, dict):
                    value = dig(obj, self.since_field)
                    if value is not None and (high is None or watermark_key(value) > watermark_key(high)):
                        high = value
            # where the walk goes next, and whether it is over
            if self.pagination == "page":
                ended = not items or (self.page_size is not None and len(items) < self.page_size)
                next_position = position + 1
            elif self.pagination == "cursor":
                token = dig(body, self.next_cursor_path) if isinstance(body, dict) else None
                ended = not items or token in (None, "")
                next_position = token
            else:
                ended, next_position = True, None
            if incremental:
                new_cursor = ({"since": high} if ended else
                              {"since": since, "walk": {"position": next_position, "high": high}})
            else:
                # resume at the last non-empty page: re-read once, it may have grown
                keep = position if (ended or not items) else next_position
                if ended and not items and self.pagination == "page" and position > self.first_page:
                    keep = position - 1
                if self.pagination == "cursor" and ended:
                    keep = position
                new_cursor = {"position": keep} if keep is not None else {}
            yield Page(records, bad, new_cursor, where)
            if ended:
                return
            position = next_position
