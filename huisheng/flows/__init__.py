"""Prefect flows: thin wrappers that give the services retries, logging and a run history."""
