"""One error family for weerbaar, translated once at each edge.

    WeerbaarError                 any failure a user should read
    ├── ConfigError               a setting is missing or wrong
    ├── InputError                a file we were given cannot be used
    │   ├── UnknownFormatError    the content matches no known list format
    │   ├── EncodingError         the bytes are not in the expected encoding
    │   └── ParseError            the content is malformed at a given place
    ├── DownloadError             a list could not be fetched completely
    ├── StoreError                the local store refused an operation
    │   └── VersionOrderError     a list version older than the stored one
    └── NotFoundError             an entity, source or version does not exist

Every message names the file (or thing), the place and, where there is one,
the fix. The CLI turns these into ``click.ClickException``; nothing else
should be caught and re-worded further down.
"""

from __future__ import annotations

from pathlib import Path


class WeerbaarError(Exception):
    """Base class of every error meant for a user."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\n  Fix: {self.hint}"
        return self.message


class ConfigError(WeerbaarError):
    """A setting is missing or has an unusable value."""


class InputError(WeerbaarError):
    """A file we were given cannot be used."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        where: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.path = str(path)
        self.where = where
        place = f" ({where})" if where else ""
        super().__init__(f"{self.path}{place}: {message}", hint)


class UnknownFormatError(InputError):
    """The content matches no known list format."""


class EncodingError(InputError):
    """The bytes are not in the encoding the format requires."""


class ParseError(InputError):
    """The content is malformed at a given place."""


class DownloadError(WeerbaarError):
    """A list could not be fetched completely; the store is left as it was."""


class StoreError(WeerbaarError):
    """The local store refused an operation."""


class VersionOrderError(StoreError):
    """A list version is older than the newest one stored for its source."""


class NotFoundError(WeerbaarError):
    """An entity, source or version does not exist."""
