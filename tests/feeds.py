"""Local HTTP servers for the source tests: a paginated JSON API and Apple's customer-reviews feed format.

Both run on 127.0.0.1 on a free port in a thread, log every request, and are stopped by the context manager.
"""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse


class Api:
    """State the handler reads: items (oldest first), a token, failures to inject, a delay, a gate."""

    def __init__(self, items=None, page_size=3, token=None):
        self.items = list(items or [])
        self.page_size = page_size
        self.token = token
        self.fail_next: list[int] = []  # status codes to answer before serving normally
        self.delay = 0.0
        self.block_page: int | None = None  # requests for this page wait on `gate`
        self.gate = threading.Event()
        self.requests: list[tuple[float, str, dict]] = []
        self.reached_block = threading.Event()

    def log(self, path, query):
        self.requests.append((time.monotonic(), path, {k: v[0] for k, v in query.items()}))


def _handler(api: Api, route):
    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):  # quiet
            pass

        def do_GET(self):
            u = urlparse(self.path)
            q = parse_qs(u.query)
            api.log(u.path, q)
            if api.token is not None and self.headers.get("Authorization") != f"Bearer {api.token}":
                return self._send(401, {"error": "unauthorised"})
            if api.fail_next:
                return self._send(api.fail_next.pop(0), {"error": "try later"}, {"Retry-After": "0"})
            if api.delay:
                time.sleep(api.delay)
            status, body = route(api, u.path, {k: v[0] for k, v in q.items()})
            self._send(status, body)

        def _send(self, status, body, headers=None):
            data = json.dumps(body, ensure_ascii=False).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return H


@contextmanager
def serve(api: Api, route):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(api, route))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        api.gate.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def paged_route(api: Api, path, q):
    """GET /v1/reviews?page=N[&since=ISO] → {"data": {"list": [...]}, "total": n}; items oldest first."""
    items = api.items
    if "since" in q:
        items = [it for it in items if it["meta"]["updated"] >= q["since"]]
    page = int(q.get("page", 1))
    if api.block_page is not None and page == api.block_page:
        api.reached_block.set()
        api.gate.wait(60)
    start = (page - 1) * api.page_size
    return 200, {"data": {"list": items[start : start + api.page_size]}, "total": len(items)}


def cursor_route(api: Api, path, q):
    """GET /feed?cursor=T → {"items": [...], "next": T'|null}; the token is an opaque offset."""
    start = int(q["cursor"].removeprefix("tok-")) if "cursor" in q else 0
    chunk = api.items[start : start + api.page_size]
    nxt = f"tok-{start + len(chunk)}" if start + len(chunk) < len(api.items) else None
    return 200, {"items": chunk, "next": nxt}


# ---- Apple's customer-reviews feed ------------------------------------------------------------------------------

def apple_review(n: int, when: datetime, text: str, rating: int = 3, version: str = "3.2.0") -> dict:
    """One entry as the JSON feed renders it (every scalar wrapped in {"label": ...})."""
    return {
        "author": {"uri": {"label": f"https://itunes.apple.com/cn/reviews/id{9000 + n}"},
                   "name": {"label": f"用户{n}"}, "label": ""},
        "updated": {"label": when.astimezone(timezone(timedelta(hours=-7))).isoformat()},
        "im:rating": {"label": str(rating)},
        "im:version": {"label": version},
        "id": {"label": str(10_000_000_000 + n)},
        "title": {"label": f"标题{n}"},
        "content": {"label": text, "attributes": {"type": "text"}},
        "link": {"attributes": {"rel": "related", "href": f"https://itunes.apple.com/cn/review?id=123&type=Purple%20Software"}},
        "im:voteSum": {"label": "0"},
        "im:contentType": {"attributes": {"term": "Application", "label": "应用程序"}},
        "im:voteCount": {"label": str(n % 4)},
    }


APP_ENTRY = {"im:name": {"label": "记账本"}, "rights": {"label": "© 2026"}, "id": {"label": "https://apps.apple.com/cn/app/id123"},
             "im:artist": {"label": "某公司"}, "category": {"attributes": {"term": "Finance"}}}


def appstore_route(api: Api, path, q):
    """/{cc}/rss/customerreviews/page={n}/id={app}/sortby=mostrecent/json; api.items newest first."""
    parts = path.strip("/").split("/")
    if len(parts) != 7 or parts[1:3] != ["rss", "customerreviews"] or parts[6] != "json" \
            or parts[5].lower() != "sortby=mostrecent":
        return 404, {"error": f"unknown path {path}"}
    page, app = int(parts[3].removeprefix("page=")), parts[4].removeprefix("id=")
    per = api.page_size
    last = max(1, min(10, -(-len(api.items) // per)))
    entries = api.items[(page - 1) * per : page * per] if page <= 10 else []
    if page == 1 and entries:
        entries = [APP_ENTRY] + entries
    base = f"https://itunes.apple.com/{parts[0]}/rss/customerreviews"
    links = [{"attributes": {"rel": "alternate", "type": "text/html", "href": f"https://apps.apple.com/WebObjects/MZStore.woa/wa/viewGrouping?cc={parts[0]}&id=123"}},
             {"attributes": {"rel": "self", "href": f"{base}/page={page}/id={app}/sortby=mostrecent/json"}},
             {"attributes": {"rel": "first", "href": f"{base}/page=1/id={app}/sortby=mostrecent/xml?urlDesc=/customerreviews/id={app}/sortBy=mostRecent/json"}},
             {"attributes": {"rel": "last", "href": f"{base}/page={last}/id={app}/sortby=mostrecent/xml?urlDesc=/customerreviews/id={app}/sortBy=mostRecent/json"}},
             {"attributes": {"rel": "previous", "href": f"{base}/page={max(1, page - 1)}/id={app}/sortby=mostrecent/xml"}},
             {"attributes": {"rel": "next", "href": f"{base}/page={min(last, page + 1)}/id={app}/sortby=mostrecent/xml"}}]
    feed = {"author": {"name": {"label": "iTunes Store"}, "uri": {"label": "http://www.apple.com/cn/itunes/"}},
            "updated": {"label": datetime.now(timezone.utc).isoformat()}, "rights": {"label": "Copyright 2008 Apple Inc."},
            "title": {"label": "iTunes Store: 客户评论"}, "icon": {"label": "http://itunes.apple.com/favicon.ico"},
            "link": links, "id": {"label": f"{base}/page={page}/id={app}/sortby=mostrecent/json"}}
    if entries:
        feed["entry"] = entries[0] if len(entries) == 1 else entries
    return 200, {"feed": feed}
