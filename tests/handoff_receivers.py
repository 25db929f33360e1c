"""Local stand-ins for each vendor, on 127.0.0.1: they check the documented payload shape and signature and answer
the way the vendor does (including its refusals), and record what they accepted.

Each receiver can be told to fail: ``fail_next = [500, "timeout", …]`` answers the next requests with that HTTP
status or by sleeping past the client's timeout; ``kill_on_create = pid`` SIGKILLs that process right after an
issue was created and before the answer leaves (a crash between send and commit).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import signal
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote_plus, urlsplit

SECRET = "s3cr3t-for-tests"
TOKEN = "tok-for-tests"
EMAIL = "pm@example.com"


class Refusal(Exception):
    def __init__(self, status: int, body):
        self.status, self.body = status, body


class Receiver:
    """Base: subclasses implement ``handle(method, path, query, headers, raw) -> (status, body)``."""

    timeout_sleep = 2.5

    def __init__(self):
        self.accepted: list[dict] = []
        self.refused: list[tuple[int, object]] = []
        self.requests = 0
        self.fail_next: list = []
        self.kill_on_create: int | None = None
        self.stall_after_comment = False  # store the comment, then answer too late: the client times out
        self.stall_after_create = False  # the same for a new ticket
        self.lock = threading.Lock()
        self.base_url = ""

    def _dispatch(self, method, path, query, headers, raw):
        with self.lock:
            self.requests += 1
            failure = self.fail_next.pop(0) if self.fail_next else None
        if failure == "timeout":
            time.sleep(self.timeout_sleep)
            return 504, {"error": "slow"}
        if failure is not None:
            return int(failure), {"error": "injected"}
        try:
            return self.handle(method, path, query, headers, raw)
        except Refusal as r:
            self.refused.append((r.status, r.body))
            return r.status, r.body

    def handle(self, method, path, query, headers, raw):
        raise NotImplementedError

    def commented(self):
        if self.stall_after_comment:
            self.stall_after_comment = False
            time.sleep(self.timeout_sleep)

    def created(self):
        """Called after a ticket was stored: the crash test kills the client here, before it hears back."""
        if self.stall_after_create:
            self.stall_after_create = False
            time.sleep(self.timeout_sleep)
        if self.kill_on_create:
            os.kill(self.kill_on_create, signal.SIGKILL)
            time.sleep(0.2)


def _json(raw: bytes) -> dict:
    try:
        return json.loads(raw.decode("utf-8"))
    except ValueError as e:
        raise Refusal(400, {"error": f"invalid JSON: {e}"}) from e


def _require(cond, status, body):
    if not cond:
        raise Refusal(status, body)


# ---------------------------------------------------------------------------------------------------- chat bots
class WebhookReceiver(Receiver):
    """DESIGN §7a: X-Huisheng-Timestamp / -Delivery / -Signature = sha256=HMAC(secret, "<ts>.<raw body>")."""

    def handle(self, method, path, query, headers, raw):
        ts, sig, delivery = headers.get("X-Huisheng-Timestamp"), headers.get("X-Huisheng-Signature"), headers.get("X-Huisheng-Delivery")
        _require(ts and sig and delivery, 400, {"error": "missing headers"})
        _require(abs(time.time() - int(ts)) < 300, 401, {"error": "stale timestamp"})
        want = "sha256=" + hmac.new(SECRET.encode(), ts.encode() + b"." + raw, hashlib.sha256).hexdigest()
        _require(hmac.compare_digest(want, sig), 401, {"error": "bad signature"})
        body = _json(raw)
        _require(body.get("delivery") == delivery, 400, {"error": "delivery mismatch"})
        self.accepted.append({"headers": dict(headers), "body": body})
        return 200, {"id": f"hook-{len(self.accepted)}"}


class FeishuReceiver(Receiver):
    """open.feishu.cn custom bot: sign = Base64(HmacSHA256(key="<ts>\\n<secret>", msg="")), ts within an hour."""

    def handle(self, method, path, query, headers, raw):
        body = _json(raw)
        ts, sign = body.get("timestamp"), body.get("sign")
        if not ts or not sign:
            raise Refusal(200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour"})
        want = base64.b64encode(hmac.new(f"{ts}\n{SECRET}".encode(), b"", hashlib.sha256).digest()).decode()
        if sign != want or abs(time.time() - int(ts)) > 3600:
            raise Refusal(200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour"})
        _require(body.get("msg_type") == "interactive", 200, {"code": 19002, "msg": "msg_type"})
        card = body.get("card") or {}
        _require(card.get("header", {}).get("title", {}).get("tag") == "plain_text", 200, {"code": 11246, "msg": "header"})
        _require(isinstance(card.get("elements"), list) and card["elements"], 200, {"code": 11246, "msg": "elements"})
        for el in card["elements"]:
            _require(el.get("tag") in {"div", "hr", "action", "note", "markdown", "img"}, 200, {"code": 11246, "msg": el.get("tag")})
        self.accepted.append({"body": body})
        return 200, {"code": 0, "msg": "success", "data": {}}


class DingTalkReceiver(Receiver):
    """open.dingtalk.com custom robot: ?access_token&timestamp(ms)&sign=urlencode(b64(HmacSHA256(secret, "<ts>\\n<secret>")))."""

    def handle(self, method, path, query, headers, raw):
        _require(query.get("access_token") == ["AT"], 200, {"errcode": 300001, "errmsg": "token is not exist"})
        ts, sign = (query.get("timestamp") or [""])[0], (query.get("sign") or [""])[0]
        want = base64.b64encode(hmac.new(SECRET.encode(), f"{ts}\n{SECRET}".encode(), hashlib.sha256).digest()).decode()
        if not ts or sign != want or abs(time.time() * 1000 - int(ts)) > 3600_000:
            raise Refusal(200, {"errcode": 310000, "errmsg": "sign not match"})
        body = _json(raw)
        _require(body.get("msgtype") == "markdown", 200, {"errcode": 40035, "errmsg": "msgtype"})
        md = body.get("markdown") or {}
        _require(isinstance(md.get("title"), str) and isinstance(md.get("text"), str) and md["text"], 200,
                 {"errcode": 40035, "errmsg": "markdown.title/text"})
        self.accepted.append({"body": body})
        return 200, {"errcode": 0, "errmsg": "ok"}


class WeComReceiver(Receiver):
    """developer.work.weixin.qq.com group robot: ?key=…, markdown.content at most 4096 bytes."""

    def handle(self, method, path, query, headers, raw):
        _require(query.get("key") == ["WK"], 200, {"errcode": 93000, "errmsg": "invalid webhook url"})
        body = _json(raw)
        _require(body.get("msgtype") == "markdown", 200, {"errcode": 40008, "errmsg": "invalid message type"})
        content = (body.get("markdown") or {}).get("content")
        _require(isinstance(content, str) and 0 < len(content.encode()) <= 4096, 200,
                 {"errcode": 40058, "errmsg": "markdown.content exceed max length"})
        self.accepted.append({"body": body})
        return 200, {"errcode": 0, "errmsg": "ok"}


class SlackReceiver(Receiver):
    """docs.slack.dev incoming webhooks + Block Kit limits; answers "ok" or 400 invalid_blocks."""

    BLOCKS = {"header", "section", "context", "actions", "divider"}

    def handle(self, method, path, query, headers, raw):
        body = _json(raw)
        blocks = body.get("blocks")
        if not isinstance(blocks, list) or not blocks or len(blocks) > 50:
            raise Refusal(400, "invalid_blocks")
        for b in blocks:
            if b.get("type") not in self.BLOCKS:
                raise Refusal(400, "invalid_blocks")
            if b["type"] == "header" and (b["text"]["type"] != "plain_text" or len(b["text"]["text"]) > 150):
                raise Refusal(400, "invalid_blocks")
            if b["type"] == "section" and "text" in b and len(b["text"]["text"]) > 3000:
                raise Refusal(400, "invalid_blocks")
        self.accepted.append({"body": body})
        return 200, "ok"


# ---------------------------------------------------------------------------------------------------- tickets
class JiraReceiver(Receiver):
    """Jira REST v3 (Cloud: Basic email:token, ADF) or v2 (Server/DC: Bearer PAT, wiki text)."""

    def __init__(self, cloud: bool = True):
        super().__init__()
        self.cloud = cloud
        self.issues: dict[str, dict] = {}
        self.comments: dict[str, list] = {}

    @property
    def v(self):
        return "3" if self.cloud else "2"

    def _auth(self, headers):
        want = ("Basic " + base64.b64encode(f"{EMAIL}:{TOKEN}".encode()).decode()) if self.cloud else f"Bearer {TOKEN}"
        _require(headers.get("Authorization") == want, 401, {"errorMessages": ["unauthorized"]})

    def handle(self, method, path, query, headers, raw):
        self._auth(headers)
        prefix = f"/rest/api/{self.v}"
        _require(path.startswith(prefix), 404, {"errorMessages": ["wrong api version"]})
        rest = path[len(prefix):]
        if method == "POST" and rest == "/issue":
            f = _json(raw).get("fields") or {}
            _require(f.get("project", {}).get("key") == "FEED", 400, {"errors": {"project": "project is required"}})
            _require(isinstance(f.get("summary"), str) and 0 < len(f["summary"]) <= 255, 400, {"errors": {"summary": "bad"}})
            _require(f.get("issuetype", {}).get("name"), 400, {"errors": {"issuetype": "required"}})
            d = f.get("description")
            if self.cloud:
                _require(isinstance(d, dict) and d.get("type") == "doc" and d.get("version") == 1, 400,
                         {"errors": {"description": "Operation value must be an Atlassian Document"}})
            else:
                _require(isinstance(d, str), 400, {"errors": {"description": "must be a string"}})
            key = f"FEED-{len(self.issues) + 1}"
            self.issues[key] = {"fields": f, "status": "new"}
            self.created()
            return 201, {"id": str(10000 + len(self.issues)), "key": key, "self": f"{self.base_url}{prefix}/issue/{key}"}
        if method == "GET" and rest in ("/search/jql", "/search"):
            _require(rest == ("/search/jql" if self.cloud else "/search"), 410, {"errorMessages": ["gone"]})
            jql = query.get("jql", [""])[0]
            label = jql.split('"')[1] if '"' in jql else ""
            hits = [{"key": k, "fields": {"status": {"statusCategory": {"key": v["status"]}}}}
                    for k, v in self.issues.items() if label in v["fields"].get("labels", [])]
            return 200, {"issues": hits}
        if method == "POST" and rest.startswith("/issue/") and rest.endswith("/comment"):
            key = rest.split("/")[2]
            _require(key in self.issues, 404, {"errorMessages": ["Issue does not exist"]})
            b = _json(raw).get("body")
            _require(isinstance(b, dict) if self.cloud else isinstance(b, str), 400, {"errors": {"body": "bad"}})
            self.comments.setdefault(key, []).append(b)
            self.commented()
            return 201, {"id": str(len(self.comments[key]))}
        if method == "GET" and rest.startswith("/issue/") and rest.endswith("/comment"):
            key = rest.split("/")[2]
            _require(key in self.issues, 404, {"errorMessages": ["Issue does not exist"]})
            found = [{"id": str(i), "body": b} for i, b in enumerate(self.comments.get(key, []), 1)]
            return 200, {"comments": list(reversed(found)), "total": len(found)}
        if method == "GET" and rest.startswith("/issue/"):
            key = rest.split("/")[2]
            _require(key in self.issues, 404, {"errorMessages": ["Issue does not exist"]})
            return 200, {"key": key, "fields": {"status": {"statusCategory": {"key": self.issues[key]["status"]}}}}
        raise Refusal(404, {"errorMessages": [f"no route {method} {path}"]})


class GitHubReceiver(Receiver):
    """GitHub REST issues + comments, API version 2022-11-28, Bearer token."""

    def __init__(self):
        super().__init__()
        self.issues: dict[int, dict] = {}
        self.comments: dict[int, list] = {}

    def handle(self, method, path, query, headers, raw):
        _require(headers.get("Authorization") == f"Bearer {TOKEN}", 401, {"message": "Bad credentials"})
        _require(headers.get("Accept") == "application/vnd.github+json", 415, {"message": "Accept"})
        _require(headers.get("X-GitHub-Api-Version") == "2022-11-28", 400, {"message": "API version"})
        prefix = "/repos/acme/app/issues"
        _require(path.startswith(prefix), 404, {"message": "Not Found"})
        rest = path[len(prefix):]
        if method == "POST" and rest == "":
            b = _json(raw)
            _require(isinstance(b.get("title"), str) and b["title"], 422, {"message": "Validation Failed"})
            n = len(self.issues) + 1
            self.issues[n] = {"number": n, "title": b["title"], "body": b.get("body", ""), "labels": b.get("labels", []),
                              "state": "open", "html_url": f"https://github.example/acme/app/issues/{n}"}
            self.created()
            return 201, self.issues[n]
        if method == "GET" and rest == "":
            labels = set((query.get("labels") or [""])[0].split(","))
            state = (query.get("state") or ["open"])[0]
            page, per = int((query.get("page") or ["1"])[0]), int((query.get("per_page") or ["30"])[0])
            hits = [i for i in self.issues.values() if labels <= set(i["labels"]) and (state == "all" or i["state"] == state)]
            return 200, hits[(page - 1) * per: page * per]
        parts = rest.strip("/").split("/")
        n = int(parts[0]) if parts and parts[0].isdigit() else -1
        _require(n in self.issues, 404, {"message": "Not Found"})
        if method == "POST" and parts[1:] == ["comments"]:
            self.comments.setdefault(n, []).append(_json(raw)["body"])
            self.commented()
            return 201, {"id": len(self.comments[n])}
        if method == "GET" and parts[1:] == ["comments"]:
            page, per = int((query.get("page") or ["1"])[0]), int((query.get("per_page") or ["30"])[0])
            found = [{"id": i, "body": b} for i, b in enumerate(self.comments.get(n, []), 1)]
            return 200, found[(page - 1) * per: page * per]
        if method == "GET" and len(parts) == 1:
            return 200, self.issues[n]
        raise Refusal(404, {"message": "Not Found"})


@contextmanager
def serve(receiver: Receiver):
    """Run ``receiver`` on a free 127.0.0.1 port in a thread; stopped on exit."""

    class Handler(BaseHTTPRequestHandler):
        def _any(self):
            n = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(n) if n else b""
            u = urlsplit(self.path)
            status, body = receiver._dispatch(self.command, u.path, parse_qs(u.query, keep_blank_values=True),
                                              self.headers, raw)
            data = body.encode() if isinstance(body, str) else json.dumps(body, ensure_ascii=False).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "text/plain" if isinstance(body, str) else "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = _any

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    receiver.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
