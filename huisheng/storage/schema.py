"""The tables (DESIGN §4). The only module that knows their shape; everything else goes through storage services."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

SCHEMA_VERSION = 8

# step n -> n+1, as plain DDL that SQLite and PostgreSQL both accept; applied in order by Database.create()
MIGRATIONS: dict[int, list[str]] = {
    1: ["ALTER TABLE analyses ADD COLUMN explanation JSON", "ALTER TABLE analyses ADD COLUMN quality_parts JSON",
        "ALTER TABLE analyses ADD COLUMN margin FLOAT", "CREATE INDEX ix_analyses_margin ON analyses (margin)"],
    # hand-off (issue 9): what was delivered when, where it lives, and one row per (cluster, target)
    2: ["ALTER TABLE handoffs ADD COLUMN delivered_at TIMESTAMP", "ALTER TABLE handoffs ADD COLUMN external_url VARCHAR(1024)",
        "ALTER TABLE handoffs ADD COLUMN delivered_size INTEGER", "ALTER TABLE handoffs ADD COLUMN delivered_spike VARCHAR(32)",
        "ALTER TABLE handoffs ADD COLUMN external_state VARCHAR(32)",
        "CREATE UNIQUE INDEX uq_handoffs_cluster_target ON handoffs (cluster_id, target)"],
    # accounts (issue 10): disabled users, failed-login back-off, sessions ended by a password change; undo of decisions
    3: ["ALTER TABLE users ADD COLUMN disabled BOOLEAN DEFAULT FALSE",
        "ALTER TABLE users ADD COLUMN failed_logins INTEGER DEFAULT 0",
        "ALTER TABLE users ADD COLUMN locked_until TIMESTAMP",
        "ALTER TABLE users ADD COLUMN password_changed_at TIMESTAMP",
        "ALTER TABLE users ADD COLUMN created_at TIMESTAMP",
        "ALTER TABLE users ADD COLUMN last_login_at TIMESTAMP",
        "ALTER TABLE decisions ADD COLUMN batch VARCHAR(36)",
        "ALTER TABLE decisions ADD COLUMN undone_by INTEGER",
        "CREATE INDEX ix_decisions_batch ON decisions (batch)"],
    # source health (issue 11): when a configured source last ran, what it fetched, what went wrong
    4: ["ALTER TABLE sources ADD COLUMN last_run_at TIMESTAMP", "ALTER TABLE sources ADD COLUMN last_success_at TIMESTAMP",
        "ALTER TABLE sources ADD COLUMN last_error TEXT", "ALTER TABLE sources ADD COLUMN rows_fetched INTEGER DEFAULT 0",
        "ALTER TABLE sources ADD COLUMN last_run_rows INTEGER DEFAULT 0"],
    # the board at a million items (issue: every page in 2 s): the queue's default order, the overview's featured
    # count and its human-label correction of the category counts read an index instead of scanning every item
    5: ["CREATE INDEX ix_analyses_quality ON analyses (quality_score)",
        "CREATE INDEX ix_items_featured ON items (featured)",
        "CREATE INDEX ix_items_human_category ON items (human_category)"],
    # incremental clustering (issue 11): an item the recluster step has already tried to group and left waiting is
    # marked, so later runs group only new items (with their near neighbours among the waiting) instead of the
    # newest few thousand again and again while older ones were never looked at
    6: ["ALTER TABLE analyses ADD COLUMN cluster_checked_at TIMESTAMP"],
    # the size at a cluster's last full refresh (keywords, quotes, exact centroid): a run that adds a few members
    # only counts them, until they add up to a tenth of that size (measured per run, a cluster growing slowly
    # would never have been re-read)
    7: ["ALTER TABLE clusters ADD COLUMN refreshed_size INTEGER"],
}

ITEM_KINDS = ("comment", "post", "review")
CLUSTER_STATUSES = ("new", "triaged", "handed_off", "done", "declined")
ROLES = ("moderator", "pm", "admin")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    type_annotation_map = {dict: JSON, list: JSON}


class SchemaMeta(Base):
    __tablename__ = "schema_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Source(Base):
    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    kind: Mapped[str] = mapped_column(String(32), default="file")
    settings: Mapped[dict] = mapped_column(default=dict)
    cursor: Mapped[dict] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # health of a configured source (huisheng sources, the board's source page)
    last_run_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    rows_fetched: Mapped[int | None] = mapped_column(Integer, default=0)  # all runs
    last_run_rows: Mapped[int | None] = mapped_column(Integer, default=0)


class Item(Base):
    __tablename__ = "items"
    __table_args__ = (
        UniqueConstraint("source_id", "external_id", name="uq_item_source_external"),
        Index("ix_items_content_hash", "content_hash"),
        Index("ix_items_created_at", "created_at"),
        Index("ix_items_featured", "featured"),
        Index("ix_items_human_category", "human_category"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    external_id: Mapped[str] = mapped_column(String(256))
    kind: Mapped[str] = mapped_column(String(16), default="comment")
    author: Mapped[str | None] = mapped_column(String(256))
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    normalized_text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    meta: Mapped[dict] = mapped_column("metadata", JSON, default=dict)
    # curation state, set by people in the board
    human_category: Mapped[str | None] = mapped_column(String(32))
    featured: Mapped[bool] = mapped_column(Boolean, default=False)
    moderation_status: Mapped[str] = mapped_column(String(16), default="pending")  # pending|approved|rejected

    source: Mapped[Source] = relationship()
    analysis: Mapped["Analysis | None"] = relationship(back_populates="item", uselist=False)


class Analysis(Base):
    """The current machine analysis of an item; replaced when the text or the model version changes."""

    __tablename__ = "analyses"
    __table_args__ = (Index("ix_analyses_cluster", "cluster_id"), Index("ix_analyses_category", "category"),
                      Index("ix_analyses_margin", "margin"), Index("ix_analyses_quality", "quality_score"))
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    category: Mapped[str] = mapped_column(String(32))
    scores: Mapped[dict] = mapped_column(default=dict)
    quality_score: Mapped[float] = mapped_column(Float, default=0.0)
    model_version: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    cluster_id: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"))
    cluster_similarity: Mapped[float | None] = mapped_column(Float)
    # set when the recluster step looked at the item and left it waiting for more voices (None: not looked at yet)
    cluster_checked_at: Mapped[datetime | None] = mapped_column(DateTime)
    analysed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    explanation: Mapped[list | None] = mapped_column(JSON)  # [[term, weight], ...] that pushed the category
    quality_parts: Mapped[dict | None] = mapped_column(JSON)  # the signals behind quality_score
    margin: Mapped[float | None] = mapped_column(Float)  # top-1 minus top-2 probability: small = model unsure

    item: Mapped[Item] = relationship(back_populates="analysis")


class Cluster(Base):
    __tablename__ = "clusters"
    id: Mapped[int] = mapped_column(primary_key=True)
    category: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(256), default="")
    label_locked: Mapped[bool] = mapped_column(Boolean, default=False)  # a PM renamed it: runs keep their hands off
    keywords: Mapped[list] = mapped_column(default=list)
    quotes: Mapped[list] = mapped_column(default=list)
    centroid: Mapped[bytes | None] = mapped_column(LargeBinary)
    embedder: Mapped[str] = mapped_column(String(256), default="")
    size: Mapped[int] = mapped_column(Integer, default=0)
    refreshed_size: Mapped[int | None] = mapped_column(Integer)  # size at the last full refresh (services/recluster)
    first_seen: Mapped[datetime | None] = mapped_column(DateTime)
    last_seen: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(16), default="new")
    merged_into: Mapped[int | None] = mapped_column(ForeignKey("clusters.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class Decision(Base):
    """Audit log of every human action. ``batch`` groups the rows of one bulk action; ``undone_by`` is the id of
    the decision that reverted this one."""

    __tablename__ = "decisions"
    __table_args__ = (Index("ix_decisions_batch", "batch"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    actor: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str] = mapped_column(String(32))
    target_id: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict] = mapped_column(default=dict)
    after: Mapped[dict] = mapped_column(default=dict)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    batch: Mapped[str | None] = mapped_column(String(36))
    undone_by: Mapped[int | None] = mapped_column(Integer)


class Handoff(Base):
    """One row per (cluster, target): the ticket or message a cluster became. Written *before* sending (status
    'sending') so a crash between send and commit is detectable; see huisheng/services/handoff.py."""

    __tablename__ = "handoffs"
    __table_args__ = (Index("uq_handoffs_cluster_target", "cluster_id", "target", unique=True),)
    id: Mapped[int] = mapped_column(primary_key=True)
    cluster_id: Mapped[int] = mapped_column(ForeignKey("clusters.id"))
    target: Mapped[str] = mapped_column(String(64))
    external_ref: Mapped[str | None] = mapped_column(String(512))
    idempotency_key: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    external_url: Mapped[str | None] = mapped_column(String(1024))
    delivered_size: Mapped[int | None] = mapped_column(Integer)  # cluster size at the last delivery: "+N voices"
    delivered_spike: Mapped[str | None] = mapped_column(String(32))  # day of the spike last reported
    external_state: Mapped[str | None] = mapped_column(String(32))  # open / closed, read back from Jira / GitHub


class HandoffDigest(Base):
    """One daily digest per (target, local day), so a re-run does not post it twice."""

    __tablename__ = "handoff_digests"
    __table_args__ = (UniqueConstraint("target", "day", name="uq_handoff_digest_day"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(64))
    day: Mapped[str] = mapped_column(String(10))
    external_ref: Mapped[str | None] = mapped_column(String(512))
    sent_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ModelVersion(Base):
    __tablename__ = "model_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    version: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    train_size: Mapped[int] = mapped_column(Integer, default=0)
    data_hash: Mapped[str] = mapped_column(String(64), default="")
    metrics: Mapped[dict] = mapped_column(default=dict)
    artefact_path: Mapped[str] = mapped_column(String(1024), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=False)


class Quarantine(Base):
    __tablename__ = "quarantine"
    __table_args__ = (UniqueConstraint("source_name", "file", "row_number", "reason", name="uq_quarantine_row"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_name: Mapped[str] = mapped_column(String(128))
    file: Mapped[str] = mapped_column(String(1024))
    row_number: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(512))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class EmbeddingCache(Base):
    """Each distinct normalised text is embedded once per embedder."""

    __tablename__ = "embeddings"
    embedder: Mapped[str] = mapped_column(String(256), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256), default="")
    role: Mapped[str] = mapped_column(String(16), default="moderator")
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)  # naive UTC; refused logins until then
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime)  # board sessions older than this end
    created_at: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime)


class SearchTerms(Base):
    """Each item's text segmented with jieba, one space-separated lower-case line of terms (words, search-mode
    sub-words and single characters), kept in step with the item's content hash by storage/search.py. A separate
    table (not an items column) so ingest needs no change; SQLite also mirrors it into an FTS5 index."""

    __tablename__ = "search_terms"
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    terms: Mapped[str] = mapped_column(Text)
