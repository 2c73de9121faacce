"""Accounts in the application database: users, keys, passwords."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from weerbaar.accounts.roles import ROLES, Permission, allowed
from weerbaar.core.errors import ConfigError, NotFoundError
from weerbaar.db.models import ApiKey, User, utcnow

KEY_PREFIX = "wb_"
_HASHER = PasswordHasher()
#: checked against when the user does not exist, so timing does not reveal it
_DUMMY_HASH = _HASHER.hash("not a password")


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the user, the role in force, and the key used (if any)."""

    user_id: int
    email: str
    role: str
    language: str
    key_id: int | None = None
    key_prefix: str | None = None
    rate_limit: int | None = None

    def can(self, permission: Permission) -> bool:
        return allowed(self.role, permission)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}", hint=f"use one of: {', '.join(ROLES)}")


def hash_key(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode("utf-8")).hexdigest()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == email.strip().lower()))


def create_user(
    session: Session,
    email: str,
    role: str,
    *,
    name: str = "",
    language: str = "nl",
    password: str | None = None,
) -> User:
    _check_role(role)
    email = email.strip().lower()
    if "@" not in email:
        raise ConfigError(f"{email!r} is not an e-mail address", hint="give name@domain")
    if find_user(session, email) is not None:
        raise ConfigError(f"a user {email} already exists")
    if language not in ("nl", "en"):
        raise ConfigError(f"unknown language {language!r}", hint="use nl or en")
    user = User(email=email, role=role, name=name, language=language)
    if password is not None:
        user.password_hash = _hash_password(password)
    session.add(user)
    session.flush()
    return user


def _hash_password(password: str) -> str:
    if len(password) < 10:
        raise ConfigError("the password is too short", hint="use at least 10 characters")
    return _HASHER.hash(password)


def set_password(session: Session, email: str, password: str) -> None:
    user = find_user(session, email)
    if user is None:
        raise NotFoundError(f"no user {email}")
    user.password_hash = _hash_password(password)


def create_key(
    session: Session,
    role: str,
    *,
    user: User | None = None,
    label: str = "",
    rate_limit: int | None = None,
) -> tuple[ApiKey, str]:
    """A new key; the plaintext is returned once and never stored.

    Without ``user`` the key gets its own service user (``key-<prefix>@weerbaar.local``).
    A key's role cannot exceed its user's: an analyst cannot mint admin keys.
    """
    _check_role(role)
    plaintext = KEY_PREFIX + secrets.token_urlsafe(32)
    prefix = plaintext[: len(KEY_PREFIX) + 8]
    if user is None:
        user = create_user(session, f"key-{prefix[len(KEY_PREFIX) :].lower()}@weerbaar.local", role)
    elif not _within(role, user.role):
        raise ConfigError(f"a {user.role} cannot hold a {role} key")
    key = ApiKey(
        user_id=user.id,
        prefix=prefix,
        key_hash=hash_key(plaintext),
        role=role,
        label=label,
        rate_limit=rate_limit,
    )
    session.add(key)
    session.flush()
    return key, plaintext


def _within(role: str, holder: str) -> bool:
    return all(allowed(holder, p) for p in Permission if allowed(role, p))


def list_keys(session: Session) -> list[tuple[ApiKey, User]]:
    rows = session.execute(select(ApiKey, User).join(User).order_by(ApiKey.id))
    return [(k, u) for k, u in rows.tuples()]


def revoke_key(session: Session, prefix: str) -> ApiKey:
    key = session.scalar(select(ApiKey).where(ApiKey.prefix == prefix))
    if key is None:
        raise NotFoundError(f"no API key {prefix}", hint="`weerbaar keys list` shows them")
    key.revoked_at = utcnow()
    return key


def authenticate_key(session: Session, plaintext: str) -> Principal | None:
    if not plaintext.startswith(KEY_PREFIX):
        return None
    row = session.execute(
        select(ApiKey, User).join(User).where(ApiKey.key_hash == hash_key(plaintext))
    ).first()
    if row is None:
        return None
    key, user = row
    if key.revoked_at is not None or not user.active:
        return None
    return Principal(
        user.id, user.email, key.role, user.language, key.id, key.prefix, key.rate_limit
    )


def authenticate_password(session: Session, email: str, password: str) -> Principal | None:
    user = find_user(session, email)
    stored = user.password_hash if user is not None and user.password_hash else _DUMMY_HASH
    try:
        _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active or not user.password_hash:
        return None
    return Principal(user.id, user.email, user.role, user.language)
