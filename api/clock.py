"""The current time, timezone-aware UTC (what the datetime columns store)."""

import datetime as dt


def utcnow() -> dt.datetime:
    """Now, in UTC."""
    return dt.datetime.now(dt.UTC)
