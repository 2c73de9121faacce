"""Service tests use the fixtures of ``tests/plugins/service.py`` (loaded by tests/conftest.py)."""

from tests.plugins.service import PASSWORD, auth

__all__ = ["PASSWORD", "auth"]
