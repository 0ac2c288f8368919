"""Opening hours: whether a service is open at a moment, and when it next opens.

Hours are weekly, in UK time, as the content files write them:
`[{days: [0, 1, 2, 3, 4], opens: "08:00", closes: "20:00"}]` (0 is Monday).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable, Optional
from zoneinfo import ZoneInfo

UK = ZoneInfo("Europe/London")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _periods(week: Iterable[dict]):
    for period in week:
        yield (period["days"], dt.time.fromisoformat(period["opens"]),
               dt.time.fromisoformat(period["closes"]))


def is_open(week: Iterable[dict], now: dt.datetime, zone: ZoneInfo = UK) -> bool:
    local = now.astimezone(zone)
    return any(
        local.weekday() in days and opens <= local.time() < closes
        for days, opens, closes in _periods(week)
    )


def closes_at(week: Iterable[dict], now: dt.datetime, zone: ZoneInfo = UK) -> Optional[dt.time]:
    """When the period open at `now` ends, or None if closed."""
    local = now.astimezone(zone)
    for days, opens, closes in _periods(week):
        if local.weekday() in days and opens <= local.time() < closes:
            return closes
    return None


def next_opening(week: Iterable[dict], now: dt.datetime, zone: ZoneInfo = UK) -> Optional[dt.datetime]:
    """The next time it opens after `now`, within a week; None if it never does."""
    local = now.astimezone(zone)
    periods = list(_periods(week))
    for ahead in range(8):
        day = local.date() + dt.timedelta(days=ahead)
        starts = sorted(
            opens for days, opens, _ in periods
            if day.weekday() in days and (ahead or opens > local.time())
        )
        if starts:
            return dt.datetime.combine(day, starts[0], tzinfo=zone)
    return None


def clock_time(moment: dt.time) -> str:
    """9am, 4:30pm, 12pm: how times are written on UK public-service pages."""
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    return f"{hour}{suffix}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}{suffix}"


def when(opening: dt.datetime, now: dt.datetime) -> str:
    """'today at 9am', 'tomorrow at 8am' or 'on Monday at 10am'."""
    days = (opening.date() - now.astimezone(opening.tzinfo).date()).days
    day = {0: "today", 1: "tomorrow"}.get(days, f"on {DAY_NAMES[opening.weekday()]}")
    return f"{day} at {clock_time(opening.time())}"
