"""The ``[handoff]`` part of the settings TOML, typed.

```toml
[handoff]
board_url = "https://huisheng.example.com"   # links back to the board in every payload

[handoff.targets.pm-feishu]
kind = "feishu"
url = "https://open.feishu.cn/open-apis/bot/v2/hook/…"
secret_env = "FEISHU_BOT_SECRET"             # the *name* of an environment variable, never the secret

[handoff.targets.jira]
kind = "jira"
base_url = "https://acme.atlassian.net"
project = "FEED"
email = "pm@acme.com"                        # Cloud: basic auth email:token; leave out for Server/DC (Bearer PAT)
token_env = "JIRA_TOKEN"

[handoff.rules]                              # off by default
enabled = true
targets = ["jira"]
min_voices = 20
on_spike = true

[handoff.digest]                             # off by default
enabled = true
target = "pm-feishu"
top = 5
```
Secrets are read from the environment at send time; they are never stored in the database nor shown in the board.
"""

from __future__ import annotations

import os
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


class TargetConfig(BaseModel):
    model_config = ConfigDict(extra="allow")  # kind-specific options (issue_type, labels, path, api_version…)

    name: str = ""
    kind: str
    url: str | None = None
    base_url: str | None = None
    project: str | None = None
    repo: str | None = None
    email: str | None = None
    secret_env: str | None = None
    token_env: str | None = None
    timeout: float = Field(default=10.0, gt=0, le=120)

    def option(self, key: str, default: Any = None) -> Any:
        return (self.model_extra or {}).get(key, default)

    def secret(self, which: str = "secret_env", required: bool = True) -> str | None:
        """The value of the environment variable named by ``secret_env`` / ``token_env``."""
        env = getattr(self, which)
        if not env:
            if required:
                raise ValueError(f"handoff target {self.name!r}: set {which} to the name of an environment variable")
            return None
        value = os.environ.get(env)
        if not value and required:
            raise ValueError(f"handoff target {self.name!r}: environment variable {env} is not set")
        return value or None

    def public(self) -> dict:
        """What may be shown: everything but secrets (only their variable names are in the config anyway)."""
        return self.model_dump(exclude_none=True)


class RulesConfig(BaseModel):
    enabled: bool = False
    targets: list[str] = Field(default_factory=list)
    min_voices: int | None = Field(default=None, ge=1)
    on_spike: bool = False


class DigestConfig(BaseModel):
    enabled: bool = False
    target: str | None = None
    top: int = Field(default=5, ge=1, le=20)


class HandoffConfig(BaseModel):
    board_url: str | None = None
    retries: int = Field(default=3, ge=0, le=10, description="Prefect retries of a transient failure")
    backoff_seconds: float = Field(default=2.0, ge=0, description="first retry delay; doubles each time")
    targets: dict[str, TargetConfig] = Field(default_factory=dict)
    rules: RulesConfig = Field(default_factory=RulesConfig)
    digest: DigestConfig = Field(default_factory=DigestConfig)

    @field_validator("targets", mode="before")
    @classmethod
    def _names(cls, v):
        out = {}
        for name, cfg in (v or {}).items():
            if not NAME_RE.match(str(name)):
                raise ValueError(f"handoff target name {name!r}: letters, digits, _ . - only")
            cfg = dict(cfg) if isinstance(cfg, dict) else cfg.model_dump()
            cfg["name"] = str(name)
            out[str(name)] = cfg
        return out


def handoff_config(settings) -> HandoffConfig:
    cfg = HandoffConfig.model_validate(settings.handoff or {})
    if not cfg.board_url:
        cfg.board_url = f"http://{settings.board_host}:{settings.board_port}"
    return cfg
