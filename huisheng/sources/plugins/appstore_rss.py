"""``appstore-rss``: Apple's public customer-reviews feed for one app in one country.

  {base_url}/{country}/rss/customerreviews/page={n}/id={app_id}/sortby=mostrecent/json

The JSON is Atom rendered as JSON: ``feed.entry`` is a list (a single object when there is one entry) of reviews,
each value wrapped as ``{"label": ...}``: ``id``, ``author.name``, ``title``, ``content``, ``im:rating``,
``im:version``, ``updated`` (ISO time with offset), ``im:voteSum``, ``im:voteCount``. Newest first, 50 a page, at most
10 pages; ``feed.link`` with ``rel="last"`` points at the last page. The first entry of page 1 is sometimes the app
itself (``im:name``, no rating): it is skipped, not quarantined.

Options: app_id, country ("cn"), max_pages (10), base_url (https://itunes.apple.com; tests point it at a local
server), timeout, retries, backoff, rate_limit (requests per second, default 1: the feed throttles).
Cursor: {"since": newest ``updated`` committed}; a walk goes from page 1 down to the first review not newer than
that, committing page by page with the walk's position, so a crash resumes at the page in flight.
"""

from __future__ import annotations

import re
from typing import Iterator

from huisheng.sources.fields import DateError, parse_datetime
from huisheng.sources.plugins import Page, SourceConfigError, SourcePlugin
from huisheng.sources.plugins.http_client import PoliteClient, SourceFetchError
from huisheng.sources.plugins.mapping import ObjectMapper, label_value

FIELDS = {"id": "id.label", "author": "author.name.label", "title": "title.label", "text": "content.label",
          "rating": "im:rating.label", "version": "im:version.label", "created_at": "updated.label"}
META = ["im:voteSum.label", "im:voteCount.label"]


def _when(entry: dict):
    try:
        return parse_datetime(label_value(entry.get("updated")))
    except DateError:
        return None


def last_page(feed: dict) -> int | None:
    links = feed.get("link") or []
    for link in links if isinstance(links, list) else [links]:
        attrs = link.get("attributes", {}) if isinstance(link, dict) else {}
        if attrs.get("rel") == "last":
            m = re.search(r"/page=(\d+)/", attrs.get("href", ""))
            if m:
                return int(m.group(1))
    return None


class AppStoreRssSource(SourcePlugin):
    kind = "appstore-rss"

    def __init__(self, name, options, context=None):
        super().__init__(name, options, context)
        self.app_id = str(self.option("app_id", types=(str, int)))
        if not self.app_id.isdigit():
            raise SourceConfigError(f"source {name!r}: app_id must be Apple's numeric app id, got {self.app_id!r}")
        self.country = self.option("country", "cn", (str,)).lower()
        self.max_pages = min(10, int(self.option("max_pages", 10, (int,))))
        self.base_url = self.option("base_url", "https://itunes.apple.com", (str,)).rstrip("/")
        self.client_options = dict(timeout=float(self.option("timeout", 30.0, (int, float))),
                                   retries=int(self.option("retries", 4, (int,))),
                                   backoff=float(self.option("backoff", 2.0, (int, float))),
                                   rate_limit_per_second=self.option("rate_limit", 1.0, (int, float)))
        self.mapper = ObjectMapper(name, FIELDS, META, self.context.max_text_chars, self.context.timezone, "review")

    def url(self, page: int) -> str:
        return f"{self.base_url}/{self.country}/rss/customerreviews/page={page}/id={self.app_id}/sortby=mostrecent/json"

    def pages(self, cursor: dict) -> Iterator[Page]:
        since = cursor.get("since")
        since_dt = parse_datetime(since) if since else None
        walk = cursor.get("walk") or {}
        page, high = int(walk.get("page", 1)), walk.get("high", since)
        high_dt = parse_datetime(high) if high else None
        client = PoliteClient(self.name, **self.client_options)
        try:
            while page <= self.max_pages:
                url = self.url(page)
                body = client.get_json(url)
                feed = body.get("feed") if isinstance(body, dict) else None
                if not isinstance(feed, dict):
                    raise SourceFetchError(f"source {self.name!r}: {url}: no 'feed' object in the response")
                entries = feed.get("entry") or []
                entries = [entries] if isinstance(entries, dict) else entries
                records, bad, reached_old = [], [], False
                for i, entry in enumerate(entries, start=1):
                    if isinstance(entry, dict) and "im:name" in entry and "im:rating" not in entry:
                        continue  # the app's own entry
                    when = _when(entry) if isinstance(entry, dict) else None
                    if since_dt is not None and when is not None and when < since_dt:
                        reached_old = True  # newest first: everything after this was committed by an earlier walk
                        break
                    row = self.mapper.build(entry, i, f"{url}#{i}")
                    (records if hasattr(row, "external_id") else bad).append(row)
                    if when is not None and (high_dt is None or when > high_dt):
                        high_dt, high = when, label_value(entry.get("updated"))
                last = last_page(feed)
                ended = reached_old or not entries or page >= self.max_pages or (last is not None and page >= last)
                new_cursor = {"since": high} if ended else {"since": since, "walk": {"page": page + 1, "high": high}}
                if not new_cursor["since"]:
                    new_cursor.pop("since")
                yield Page(records, bad, new_cursor, f"{self.app_id}/{self.country} page {page}")
                if ended:
                    return
                page += 1
        finally:
            client.close()
