"""Word-processor files are zip archives: checked before any library opens them, so that a zip bomb
(a small file that expands to gigabytes) or a malformed archive is refused with a message."""

from __future__ import annotations

import io
import zipfile

from interlinea.errors import SeedError
from interlinea.limits import max_input_bytes

MAX_MEMBERS = 10_000
# Compressed text compresses well (XML: 10–30×); a member expanding more than this is refused.
MAX_RATIO = 200


def check_zip(data: bytes, label: str, kind: str, required: str) -> None:
    """Refuse an archive that is not a zip, lacks `required`, has too many members, or expands
    past the input limit or by a suspicious ratio."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise SeedError(f"{label}: not a {kind} file (not a valid zip archive: {exc}); save it again from the word processor") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise SeedError(f"{label}: the {kind} archive has {len(infos)} members, over the limit of {MAX_MEMBERS}; this is not an ordinary document")
        names = {info.filename for info in infos}
        if required not in names:
            raise SeedError(f"{label}: not a {kind} file (the archive has no {required}); save it again from the word processor")
        limit = max_input_bytes()
        total = 0
        for info in infos:
            total += info.file_size
            if total > limit:
                raise SeedError(
                    f"{label}: the {kind} archive expands to more than {limit / 1048576:.0f} MB, the limit for one input file; "
                    "raise it with INTERLINEA_MAX_INPUT_MB if the document is genuine"
                )
            if info.file_size > 1_048_576 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise SeedError(
                    f"{label}: member {info.filename} of the {kind} archive expands {info.file_size // max(info.compress_size, 1)}× "
                    f"(over {MAX_RATIO}×): refused as a possible zip bomb"
                )
