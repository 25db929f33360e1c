"""The Markdown and CSV exports (services/export.py) as hand-off targets: one file per cluster in a folder.

The reference is the file's path; handing off again rewrites the same file with the cluster's current state, so a
re-run never creates a second file. PII masking, Markdown escaping and CSV formula neutralising are export.py's.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from huisheng.handoff.base import Delivery, Preview, Target
from huisheng.services import export


class _FileTarget(Target):
    suffix = ""
    encoding = "utf-8"

    def __init__(self, config, client=None, db=None, home: Path | None = None):
        super().__init__(config, client, db, home)
        self.folder = Path(config.option("path") or (Path(home or ".") / "handoff" / config.name)).expanduser()

    def path(self, cluster_id: int) -> Path:
        return self.folder / f"cluster-{cluster_id}{self.suffix}"

    def content(self, cluster_id: int) -> str:
        raise NotImplementedError

    def render(self, p, key, prev=None) -> Preview:
        return Preview("WRITE", str(self.path(p.cluster_id)), self.content(p.cluster_id))

    def deliver(self, p, key, prev=None) -> Delivery:
        target = self.path(p.cluster_id)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=self.suffix)
        with os.fdopen(fd, "w", encoding=self.encoding, newline="") as f:
            f.write(self.content(p.cluster_id))
        os.replace(tmp, target)  # atomic: a reader never sees half a file
        return Delivery(str(target.resolve()))


class MarkdownTarget(_FileTarget):
    kind = "markdown"
    suffix = ".md"

    def content(self, cluster_id: int) -> str:
        with self.db.session() as s:
            return export.clusters_markdown(s, [cluster_id], quotes_per_cluster=int(self.config.option("quotes", 5)))


class CsvTarget(_FileTarget):
    kind = "csv"
    suffix = ".csv"
    encoding = "utf-8-sig"  # Excel opens Chinese text correctly

    def content(self, cluster_id: int) -> str:
        with self.db.session() as s:
            return export.clusters_csv(s, [cluster_id])
