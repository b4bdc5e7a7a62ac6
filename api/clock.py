"""The current time, timezone-aware UTC (what the datetime columns store)."""

import datetime as dt


def utcnow() -> dt.datetime:
    """Now, in UTC."""
    return dt.datetime.now(dt.UTC)


# Vietnam's time (UTC+7 all year: no daylight saving): the day a citizen calls "today".
VIETNAM = dt.timezone(dt.timedelta(hours=7))


def vietnam_today() -> dt.date:
    """Today's date in Vietnam."""
    return utcnow().astimezone(VIETNAM).date()
