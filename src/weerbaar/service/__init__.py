"""The HTTP service: one FastAPI app (``create_app``) for the API and the web UI."""

from weerbaar.service.app import create_app

__all__ = ["create_app"]
