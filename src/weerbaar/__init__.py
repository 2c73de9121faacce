"""weerbaar: sanctions lists, screening and economic-security tooling."""

__version__ = "0.1.0"
