"""Join code, device tokens, CSRF tokens, ballot tokens and rate limits, without a database.

Everything a phone holds is derived from one random secret of this session
(kept in the file's local run state, never exchanged) with HMAC-SHA256, so
the server can check a device token, its CSRF token and its one-time ballot
token after a restart (a crash, kill -9) without storing any of them: the
file keeps only the hashes of ballot tokens already spent.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass, field

SECRET_KEY = "room_secret"  # local_state: hex, 32 random bytes
JOIN_CODE_KEY = "room_join_code"  # local_state: the join code, kept while the session lasts
JOIN_CODE_DIGITS = 6


def new_secret() -> str:
    return secrets.token_hex(32)


def new_join_code() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(JOIN_CODE_DIGITS))


@dataclass(frozen=True, slots=True)
class Keys:
    """The secret of this session's room and what it signs."""

    secret: bytes
    join_code: str

    def _mac(self, purpose: str, value: str, length: int = 32) -> str:
        digest = hmac.new(self.secret, f"{purpose}:{value}".encode(), hashlib.sha256)
        return digest.hexdigest()[:length]

    def join_ok(self, code: str) -> bool:
        return hmac.compare_digest(code.strip().encode(), self.join_code.encode())

    def new_device_token(self) -> str:
        device = secrets.token_hex(12)
        return f"{device}.{self._mac('device', device)}"

    def device_of(self, token: str | None) -> str | None:
        """The device id in a valid token, else None."""
        if not token or token.count(".") != 1 or len(token) > 100:
            return None
        device, mac = token.split(".")
        if hmac.compare_digest(mac.encode(), self._mac("device", device).encode()):
            return device
        return None

    def csrf_token(self, device: str) -> str:
        return self._mac("csrf", device)

    def csrf_ok(self, device: str, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(
            str(token).encode(), self.csrf_token(device).encode()
        )

    def ballot_token(self, device: str) -> str:
        """This device's one-time ballot token for this session (the same after a refresh)."""
        return self._mac("ballot", device, 40)

    def device_hash(self, device: str) -> str:
        """What the file keeps of a device that sent proposals (for "edit my own")."""
        return self._mac("owner", device, 24)


@dataclass(slots=True)
class Bucket:
    tokens: float
    stamp: float


@dataclass(slots=True)
class RateLimiter:
    """A token bucket per key: ``rate`` requests a second, bursts of ``burst``."""

    rate: float
    burst: float
    max_keys: int = 20_000
    _buckets: dict[str, Bucket] = field(default_factory=dict)

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= self.max_keys:
                self._buckets.clear()  # bounded memory; a flood of new keys resets all
            bucket = self._buckets[key] = Bucket(self.burst, now)
        bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.stamp) * self.rate)
        bucket.stamp = now
        if bucket.tokens < 1:
            return False
        bucket.tokens -= 1
        return True


def preferred_language(accept_language: str | None) -> str:
    """nl or en from a phone's Accept-Language (Dutch unless English comes first)."""
    if not accept_language:
        return "nl"
    ranked: list[tuple[float, int, str]] = []
    for index, part in enumerate(accept_language.split(",")[:20]):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        quality = 1.0
        for piece in pieces[1:]:
            name, _, value = piece.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranked.append((-quality, index, tag))
    for _q, _i, tag in sorted(ranked):
        if tag.startswith("nl"):
            return "nl"
        if tag.startswith("en"):
            return "en"
    return "nl"
