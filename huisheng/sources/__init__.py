"""Turning outside data (files, later HTTP APIs) into validated records, and naming every row that is not one."""
