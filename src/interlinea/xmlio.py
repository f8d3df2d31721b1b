"""Writing XML byte-for-byte reproducibly and atomically (reading is `interlinea.xml_input`)."""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
from pathlib import Path

from lxml import etree

from interlinea.tei import MIXED_CONTENT, local_name


def _is_blank(value: str | None) -> bool:
    return value is None or not value.strip()


def indent(element: etree._Element, level: int = 0, step: str = "  ") -> None:
    """Indent element-only content; leave mixed content exactly as it is.

    An element is indented only when it has children, no text of its own and no text between its
    children. lxml's pretty printer would also indent a <p> whose only child is a <ref>, adding white
    space to the reading text; this never does.
    """
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or len(children) != len(element):
        return
    if not _is_blank(element.text) or any(not _is_blank(c.tail) for c in children):
        return
    if not _element_only(element):
        return
    inner = "\n" + step * (level + 1)
    element.text = inner
    for child in children:
        child.tail = inner
        indent(child, level + 1, step)
    children[-1].tail = "\n" + step * level


def _element_only(element: etree._Element) -> bool:
    return local_name(element) not in MIXED_CONTENT


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """Canonical bytes of a TEI tree: UTF-8, XML declaration, two-space indentation, final newline."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    indent(root)
    data = etree.tostring(root.getroottree(), encoding="UTF-8", xml_declaration=True)
    return data if data.endswith(b"\n") else data + b"\n"


# Temporary files of interrupted writes are recognised by this prefix and removed by the next run.
TEMP_PREFIX = ".interlinea-tmp."


def write_atomic(path: Path, data: bytes) -> None:
    """Write a file so that readers see either the old or the new content, never half of it.

    The bytes go to a temporary file in the same folder, are flushed to the disk (fsync), and the
    temporary file is renamed over the target; the folder is synced so that the rename survives a
    crash. An interruption leaves the old file and, at worst, a temporary file that
    `remove_temporaries` deletes on the next run.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = None
    try:
        # A stop signal inside mkstemp (the file made, its name not yet returned) would leave a
        # temporary nobody knows of: signals wait until the name is known.
        with _signals_held():
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{TEMP_PREFIX}{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


@contextlib.contextmanager
def _signals_held():
    """Hold SIGINT and SIGTERM back for the duration (delivered as soon as it ends), where the
    platform allows it (POSIX, main thread)."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError, OSError):
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_temporaries(folder: Path) -> list[Path]:
    """Delete what interrupted writes left in `folder` and below (call it holding the edition lock)."""
    if not folder.is_dir():
        return []
    removed = []
    for leftover in sorted(folder.rglob(f"{TEMP_PREFIX}*")):
        if leftover.is_file() and not leftover.is_symlink():
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed
