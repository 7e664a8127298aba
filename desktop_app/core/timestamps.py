"""Timestamps as the exchange format writes them: ISO 8601 with an offset or Z."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

Clock = Callable[[], datetime]

# RFC 3339 date-time, as JSON Schema's "date-time" format means it.
RFC3339 = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$", re.ASCII
)


def utc_now() -> datetime:
    return datetime.now(UTC)


def format_instant(moment: datetime) -> str:
    """``2026-11-23T19:04:38.123456Z``: UTC, microseconds, so local edits order well."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_instant(text: str) -> datetime:
    """Parse an ISO 8601 date-time with offset or Z; raise ValueError otherwise.

    A value without an offset is refused: it names no instant.
    """
    if not RFC3339.match(text):
        raise ValueError(text)
    moment = datetime.fromisoformat(text.replace("z", "Z").replace("t", "T"))
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment


def is_instant(text: str) -> bool:
    try:
        parse_instant(text)
    except ValueError:
        return False
    return True


def is_date(text: str) -> bool:
    """A calendar date ``YYYY-MM-DD`` exactly."""
    if len(text) != 10:
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
