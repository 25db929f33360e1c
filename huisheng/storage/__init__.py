"""The one package that knows the tables. Pages and flows call these services; none of them writes SQL."""

from huisheng.storage.db import Database, SchemaVersionError, open_database

__all__ = ["Database", "SchemaVersionError", "open_database"]
