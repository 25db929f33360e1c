"""Use cases that join storage and models: plain functions that Prefect tasks, the CLI and benchmarks all call."""
