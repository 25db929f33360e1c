"""GitHub issue per cluster.

Follows docs.github.com "REST API endpoints for issues" (``POST /repos/{owner}/{repo}/issues`` with ``title``,
``body``, ``labels``; reply ``number``, ``html_url``, ``state``; ``GET /repos/{owner}/{repo}/issues/{number}``;
``GET /repos/{owner}/{repo}/issues?labels=…&state=all``) and "REST API endpoints for issue comments"
(``POST /repos/{owner}/{repo}/issues/{number}/comments``), with ``Authorization: Bearer <token>``,
``Accept: application/vnd.github+json`` and ``X-GitHub-Api-Version: 2022-11-28``.

The body carries an HTML comment ``<!-- huisheng-delivery: KEY -->``; before creating, the target lists the
repository's ``huisheng``-labelled issues (open and closed) and adopts the one with that marker, so a crash between
create and commit never leaves two issues. User text is CommonMark-escaped, and ``@`` / ``#`` get a zero-width
space so a review can neither mention a team nor reference another issue.
"""

from __future__ import annotations

from huisheng.handoff import escape
from huisheng.handoff.base import (
    Delivery, PermanentError, Preview, Target, board_link, change_line, facts, response_json, update_tag)

API_VERSION = "2022-11-28"
LABEL = "huisheng"
MAX_PAGES = 10


def marker(key: str) -> str:
    return f"<!-- huisheng-delivery: {key} -->"


class GitHubTarget(Target):
    kind = "github"
    tickets = True

    @property
    def api(self) -> str:
        return (self.config.base_url or "https://api.github.com").rstrip("/")

    @property
    def repo(self) -> str:
        repo = self.config.repo or ""
        if repo.count("/") != 1:
            raise ValueError(f"handoff target {self.name!r}: repo must be owner/name")
        return repo

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.config.secret('token_env')}", "Accept": "application/vnd.github+json",
                "X-GitHub-Api-Version": API_VERSION}

    def body(self, p, key, prev) -> str:
        out = []
        change = change_line(p, prev)
        if prev and change:
            out += [f"**更新 (update):** {escape.github_text(change, True)}", ""]
        out += [f"- **{name}:** {escape.github_text(value, True)}" for name, value in facts(p)]
        if p.keywords:
            out.append("- **关键词 keywords:** " + "、".join(escape.github_text(k, True) for k in p.keywords))
        out.append("")
        if not prev:
            out += ["### 代表性反馈 (representative quotes)", ""]
            for q in p.quotes:
                out += escape.quote_lines(q, escape.github_text) + [""]
        out += [f"[在回声中查看 (open in board)]({board_link(p)})", "", marker(update_tag(key, p) if prev else key)]
        return "\n".join(out)

    def create_body(self, p, key) -> dict:
        # titles are plain text, but GitHub still links #123 and @team in them: a zero-width space breaks both
        title = escape.plain(p.title, True).replace("@", "@" + escape.ZWSP).replace("#", "#" + escape.ZWSP)
        return {"title": title[:250], "body": self.body(p, key, None),
                "labels": [LABEL, *self.config.option("labels", [])]}

    def _number(self, ref: str) -> str:
        return ref.rsplit("#", 1)[-1]

    def render(self, p, key, prev=None) -> Preview:
        if prev:
            return Preview("POST", f"{self.api}/repos/{self.repo}/issues/{self._number(prev.external_ref)}/comments",
                           {"body": self.body(p, key, prev)})
        return Preview("POST", f"{self.api}/repos/{self.repo}/issues", self.create_body(p, key),
                       [f"before creating: look for {marker(key)} in issues labelled {LABEL}"])

    def deliver(self, p, key, prev=None) -> Delivery:
        if prev:
            self.request("POST", f"{self.api}/repos/{self.repo}/issues/{self._number(prev.external_ref)}/comments",
                         headers=self._headers(), json_body={"body": self.body(p, key, prev)})
            return Delivery(prev.external_ref, prev.external_url)
        data = response_json(self.request("POST", f"{self.api}/repos/{self.repo}/issues", headers=self._headers(),
                                          json_body=self.create_body(p, key)))
        if not data.get("number"):
            raise PermanentError(f"{self.name}: GitHub did not return an issue number")
        return Delivery(f"{self.repo}#{data['number']}", data.get("html_url"), data.get("state", "open"))

    def find_existing(self, key: str) -> Delivery | None:
        tag = marker(key)
        for page in range(1, MAX_PAGES + 1):
            r = self.request("GET", f"{self.api}/repos/{self.repo}/issues", headers=self._headers(),
                             params={"labels": LABEL, "state": "all", "per_page": 100, "page": page})
            issues = r.json() if isinstance(r.json(), list) else []
            for issue in issues:
                if tag in (issue.get("body") or ""):
                    return Delivery(f"{self.repo}#{issue['number']}", issue.get("html_url"), issue.get("state"))
            if len(issues) < 100:
                return None
        return None

    def find_update(self, p, key, prev) -> bool:
        tag = marker(update_tag(key, p))
        n = self._number(prev.external_ref)
        for page in range(1, MAX_PAGES + 1):
            r = self.request("GET", f"{self.api}/repos/{self.repo}/issues/{n}/comments", headers=self._headers(),
                             params={"per_page": 100, "page": page})
            comments = r.json() if isinstance(r.json(), list) else []
            if any(tag in (c.get("body") or "") for c in comments):
                return True
            if len(comments) < 100:
                return False
        return False

    def remote_state(self, ref: str) -> str | None:
        data = response_json(self.request("GET", f"{self.api}/repos/{self.repo}/issues/{self._number(ref)}",
                                          headers=self._headers()))
        return data.get("state")
