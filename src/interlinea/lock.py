"""One writer per edition at a time: commands that write take an exclusive lock on the edition.

The lock is `fcntl.flock` on `.interlinea.lock` in the edition's folder. The operating system releases
it when the process ends, however it ends (even SIGKILL), so a lock is never left stale; the file
itself stays and is harmless (it is git-ignored). A second command that finds the edition locked stops
at once with a message rather than interleaving its writes with the first one's.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from interlinea.errors import InterlineaError

LOCK_NAME = ".interlinea.lock"


class EditionLocked(InterlineaError):
    """Another Interlinea command is writing the same edition."""


@contextmanager
def edition_lock(root: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks through fcntl; run one command at a time
        yield
        return
    path = root / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            raise EditionLocked(
                f"{path}: another interlinea command (pid {holder}) is writing this edition; "
                "wait until it has finished, then run this command again"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
