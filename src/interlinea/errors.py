"""One exception root for everything the user can get wrong, with documented exit codes.

Exit codes (also in the README):
  0  success
  1  the edition's data is invalid: a bad seed, manifest or TEI file, failed validation
  2  usage error (unknown option, missing argument): click's own code
"""

from __future__ import annotations

import click


class InterlineaError(click.ClickException):
    """An error the user can fix; the message names the file, the place and the fix."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:
        # Messages already start with "file:line:"; click's "Error: " prefix would hide that.
        if self.message:
            click.echo(f"error: {self.message}", err=True)


class SeedError(InterlineaError):
    """A plain-text seed cannot be read as text: empty, not UTF-8, binary, characters not allowed in XML."""


class ManifestError(InterlineaError):
    """`seeds/edition.toml` is missing, malformed, or an entry lacks a key or has the wrong type."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class ConversionError(InterlineaError):
    """A seed could be read but its structure contradicts the manifest."""


class EditionNotFound(InterlineaError):
    """No edition (no `seeds/edition.toml`) where one was expected."""


class ValidationFailed(InterlineaError):
    """Validation found errors; the report has already been printed."""
