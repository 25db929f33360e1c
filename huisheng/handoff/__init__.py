"""Hand-off targets (DESIGN §7a): built-in kinds plus third-party ones from the ``huisheng.handoff`` entry point
group. An entry point names a :class:`huisheng.handoff.base.Target` subclass, e.g. in a plugin's pyproject::

    [project.entry-points."huisheng.handoff"]
    teams = "huisheng_teams:TeamsTarget"
"""

from __future__ import annotations

from importlib import import_module
from importlib.metadata import entry_points

from huisheng.handoff.base import Target
from huisheng.handoff.config import TargetConfig

BUILTIN = {
    "webhook": "huisheng.handoff.webhook:WebhookTarget",
    "feishu": "huisheng.handoff.feishu:FeishuTarget",
    "dingtalk": "huisheng.handoff.dingtalk:DingTalkTarget",
    "wecom": "huisheng.handoff.wecom:WeComTarget",
    "slack": "huisheng.handoff.slack:SlackTarget",
    "jira": "huisheng.handoff.jira:JiraTarget",
    "github": "huisheng.handoff.github:GitHubTarget",
    "markdown": "huisheng.handoff.files:MarkdownTarget",
    "csv": "huisheng.handoff.files:CsvTarget",
}
ENTRY_POINT_GROUP = "huisheng.handoff"


def _load(spec: str) -> type[Target]:
    module, _, attr = spec.partition(":")
    return getattr(import_module(module), attr)


def target_kinds() -> dict[str, str]:
    """kind → "module:Class". Built-ins win over an entry point of the same name."""
    kinds = {ep.name: ep.value for ep in entry_points(group=ENTRY_POINT_GROUP)}
    return {**kinds, **BUILTIN}


def target_class(kind: str) -> type[Target]:
    kinds = target_kinds()
    if kind not in kinds:
        raise ValueError(f"unknown handoff target kind {kind!r}; one of {sorted(kinds)}")
    if kind in BUILTIN:
        return _load(BUILTIN[kind])
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name == kind:
            cls = ep.load()
            if not (isinstance(cls, type) and issubclass(cls, Target)):
                raise ValueError(f"entry point {ep.value} is not a huisheng.handoff.base.Target subclass")
            return cls
    raise ValueError(f"unknown handoff target kind {kind!r}")


def build_target(config: TargetConfig, **context) -> Target:
    return target_class(config.kind)(config, **context)
