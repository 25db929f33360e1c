"""Jira issue per cluster: Cloud (REST v3, ADF, basic auth email:API token) or Server / Data Center (REST v2, wiki
markup, Bearer personal access token).

Follows developer.atlassian.com "Jira REST API: Create issue" (``POST /rest/api/{2|3}/issue`` with
``fields.project.key``, ``summary``, ``issuetype.name``, ``labels``, ``description``; reply ``{"id", "key", "self"}``),
"Add comment" (``POST /rest/api/{v}/issue/{key}/comment`` ``{"body"}``), "Search for issues using JQL"
(Cloud ``GET /rest/api/3/search/jql``, Server ``GET /rest/api/2/search``) and "Get issue" (``fields.status.
statusCategory.key == "done"`` means resolved). Auth per "Basic auth for REST APIs" (Cloud) and "Using Personal
Access Tokens" (Server/DC).

Idempotency: the issue carries the label ``<idempotency key>``; before creating, the target searches for it, so a
crash between the create call and our commit finds the first issue instead of opening a second one.
"""

from __future__ import annotations

import base64
import json

from huisheng.handoff import escape
from huisheng.handoff.base import (
    Delivery, PermanentError, Preview, Target, board_link, change_line, facts, response_json, update_tag)


def _text(t: str, strong: bool = False) -> dict:
    node = {"type": "text", "text": t}
    if strong:
        node["marks"] = [{"type": "strong"}]
    return node


def _para(*nodes) -> dict:
    return {"type": "paragraph", "content": [n for n in nodes if n["text"]]}


class JiraTarget(Target):
    kind = "jira"
    tickets = True

    @property
    def base(self) -> str:
        if not self.config.base_url:
            raise ValueError(f"handoff target {self.name!r}: base_url is required")
        return self.config.base_url.rstrip("/")

    @property
    def cloud(self) -> bool:
        return bool(self.config.email)

    @property
    def api(self) -> str:
        return f"{self.base}/rest/api/{self.config.option('api_version', 3 if self.cloud else 2)}"

    @property
    def adf(self) -> bool:
        return str(self.config.option("api_version", 3 if self.cloud else 2)) == "3"

    def _auth(self) -> dict:
        token = self.config.secret("token_env")
        if self.cloud:
            return {"Authorization": "Basic " + base64.b64encode(f"{self.config.email}:{token}".encode()).decode()}
        return {"Authorization": f"Bearer {token}"}

    def _headers(self) -> dict:
        return {**self._auth(), "Accept": "application/json"}

    # -- documents ------------------------------------------------------------------------------------------------
    def _adf(self, p, key, prev, comment: bool) -> dict:
        content = []
        change = change_line(p, prev)
        if comment and change:
            content.append(_para(_text("更新 (update): ", True), _text(escape.plain(change, True))))
        content.append({"type": "bulletList", "content": [
            {"type": "listItem", "content": [_para(_text(f"{name}: ", True), _text(value))]} for name, value in facts(p)]})
        if p.keywords:
            content.append(_para(_text("关键词 keywords: ", True), _text("、".join(escape.plain(k, True) for k in p.keywords))))
        for q in ([] if comment else p.quotes):
            content.append({"type": "blockquote", "content": [_para(_text(escape.plain(q)))]})
        link = {"type": "text", "text": "在回声中查看 (open in board)",
                "marks": [{"type": "link", "attrs": {"href": board_link(p)}}]}
        content.append(_para(link))
        content.append(_para(_text(f"huisheng delivery {update_tag(key, p) if comment else key}")))
        return {"type": "doc", "version": 1, "content": content}

    def _wiki(self, p, key, prev, comment: bool) -> str:
        out = []
        change = change_line(p, prev)
        if comment and change:
            out += [f"*更新 (update):* {escape.jira_wiki_text(change, True)}", ""]
        out += [f"* *{name}:* {escape.jira_wiki_text(value, True)}" for name, value in facts(p)]
        if p.keywords:
            out.append("* *关键词 keywords:* " + "、".join(escape.jira_wiki_text(k, True) for k in p.keywords))
        for q in ([] if comment else p.quotes):
            out += ["{quote}", escape.jira_wiki_text(q).replace("\n", " \\\\ "), "{quote}"]
        out += ["", f"[在回声中查看 (open in board)|{board_link(p)}]", "",
                f"huisheng delivery {update_tag(key, p) if comment else key}"]
        return "\n".join(out)

    def _doc(self, p, key, prev, comment: bool):
        return self._adf(p, key, prev, comment) if self.adf else self._wiki(p, key, prev, comment)

    def create_body(self, p, key) -> dict:
        return {"fields": {"project": {"key": self.config.project}, "summary": escape.plain(p.title, True)[:250],
                           "issuetype": {"name": self.config.option("issue_type", "Task")},
                           "labels": ["huisheng", key, *self.config.option("labels", [])],
                           "description": self._doc(p, key, None, comment=False)}}

    def render(self, p, key, prev=None) -> Preview:
        if prev:
            return Preview("POST", f"{self.api}/issue/{prev.external_ref}/comment", {"body": self._doc(p, key, prev, True)})
        return Preview("POST", f"{self.api}/issue", self.create_body(p, key),
                       [f"before creating: search for label {key} (no second issue after a crash)"])

    # -- calls ----------------------------------------------------------------------------------------------------
    def deliver(self, p, key, prev=None) -> Delivery:
        if not self.config.project:
            raise ValueError(f"handoff target {self.name!r}: project is required")
        if prev:
            self.request("POST", f"{self.api}/issue/{prev.external_ref}/comment", headers=self._headers(),
                         json_body={"body": self._doc(p, key, prev, True)})
            return Delivery(prev.external_ref, prev.external_url)
        data = response_json(self.request("POST", f"{self.api}/issue", headers=self._headers(), json_body=self.create_body(p, key)))
        if not data.get("key"):
            raise PermanentError(f"{self.name}: Jira did not return an issue key")
        return Delivery(data["key"], f"{self.base}/browse/{data['key']}", "open")

    def find_existing(self, key: str) -> Delivery | None:
        path = "search/jql" if self.adf else "search"
        data = response_json(self.request("GET", f"{self.api}/{path}", headers=self._headers(),
                                          params={"jql": f'labels = "{key}"', "fields": "status", "maxResults": 2}))
        issues = data.get("issues") or []
        if not issues:
            return None
        k = issues[0]["key"]
        return Delivery(k, f"{self.base}/browse/{k}")

    def find_update(self, p, key, prev) -> bool:
        tag = f"huisheng delivery {update_tag(key, p)}"
        data = response_json(self.request("GET", f"{self.api}/issue/{prev.external_ref}/comment", headers=self._headers(),
                                          params={"orderBy": "-created", "maxResults": 100}))
        return any(tag in json.dumps(c.get("body"), ensure_ascii=False) for c in data.get("comments") or [])

    def remote_state(self, ref: str) -> str | None:
        data = response_json(self.request("GET", f"{self.api}/issue/{ref}", headers=self._headers(),
                                          params={"fields": "status"}))
        category = (((data.get("fields") or {}).get("status") or {}).get("statusCategory") or {}).get("key")
        return None if category is None else ("closed" if category == "done" else "open")
