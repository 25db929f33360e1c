"""Pure NLP: text in, numbers and labels out. Imports nothing of storage, flows or app."""

CATEGORIES: tuple[str, ...] = ("bug", "feature_request", "quality_content", "spam", "other")
