"""Users, roles, API keys and passwords.

    create_user(s, email, role)            -> User
    create_key(s, role=..., user=...)      -> (ApiKey, plaintext)  (plaintext shown once)
    authenticate_key(s, plaintext)         -> Principal | None
    authenticate_password(s, email, pw)    -> Principal | None
    allowed(role, permission)              -> bool

Keys are 32 random bytes (``wb_`` + URL-safe base64); only their SHA-256 is
stored, which is enough for a secret of that strength and costs microseconds
per request. Passwords are low-entropy, so they are hashed with argon2id.
"""

from weerbaar.accounts.roles import PERMISSIONS, ROLES, Permission, allowed
from weerbaar.accounts.service import (
    KEY_PREFIX,
    Principal,
    authenticate_key,
    authenticate_password,
    create_key,
    create_user,
    find_user,
    hash_key,
    list_keys,
    revoke_key,
    set_password,
)

__all__ = [
    "KEY_PREFIX",
    "PERMISSIONS",
    "ROLES",
    "Permission",
    "Principal",
    "allowed",
    "authenticate_key",
    "authenticate_password",
    "create_key",
    "create_user",
    "find_user",
    "hash_key",
    "list_keys",
    "revoke_key",
    "set_password",
]
