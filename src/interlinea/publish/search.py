"""The web edition's full-text search: a Pagefind index of the site's pages, in site/pagefind/.

Pagefind (https://pagefind.app, installed from PyPI as `pagefind[bin]`) reads the HTML pages once
they are written and makes a static index, split into small files that the search page
(xslt/html/search.xsl, assets/search.js) fetches as a query needs them: no server, no other host.
The text pages mark their reading text with `data-pagefind-body` and give the filters (language,
text, entity; register on entity pages) as `data-pagefind-filter` meta tags; every page's <html
lang="en"> puts all of them in one index, so one search finds a word in any language of the edition.

The binary is run as a subprocess (`pagefind --site site/ --output-path …`), not through the
`pagefind` Python package: that package is an asyncio client of the same binary (run as a
service), which would put an event loop inside the publisher for no gain; the command line is the
documented, stable interface, and it reads the pages exactly as a browser gets them.

What the index promises:
- Deterministic: two builds give the same bytes (the tests compare two builds file by file).
  Pagefind 1.5's pages, words and fragments are (measured: the same bytes from sites written in
  different orders, from different folders, over repeated runs), but not its filter indexes: it
  writes each filter's values in the order of a hash map seeded at random in every run (its own
  code says so: "TODO: Change filter indexes to BTree to give them a stable hash"; issue #638 of
  Pagefind's tracker), so the filter files, their names (digests of their content), the metadata
  file that names them and pagefind-entry.json changed from run to run (measured: 4 runs on the
  seed edition, 4 different sets of names). `normalise_filters` rewrites them in a fixed order:
  each filter's values sorted, the filters sorted by name, the files named by their digest as
  Pagefind names them; it reads and writes Pagefind's format (CBOR after a "pagefind_dcd"
  signature, with cbor2) and checks that it reads it exactly (every file it rewrites re-encodes to Pagefind's
  own bytes) or stops, naming the version. The rewritten files are stored uncompressed, which
  Pagefind's script reads as well as gzip (its decompress() takes either), so that no zlib
  version can change their bytes.
- Incremental: the index is remade only when a page it reads changed (or was added or removed): a
  stamp in the bundle (`.interlinea-index.json`) keeps the digest of every page, Pagefind's
  version and this module's method; a build whose pages give the same digest leaves the bundle
  untouched (the HTML publisher calls it after every run, once its pages are written and the
  stale ones removed).
- Whole: Pagefind writes a new bundle into a temporary folder inside the site; that folder then
  takes the place of site/pagefind/ in one step (an atomic exchange of the two folders where the
  system has one, Linux's renameat2), and the old bundle, stale files and all, is deleted. A build
  stopped at any moment leaves the old bundle or the new one, never a mixture; a temporary folder
  left by a killed build is deleted by the next one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import gzip
import hashlib
import json
import os
import shutil
import subprocess
from functools import cache
from pathlib import Path

import cbor2

from interlinea.publish.base import sha256_of
from interlinea.publish.xslt import PublishError
from interlinea.xmlio import TEMP_PREFIX, sync_folder

BUNDLE = "pagefind"  # the index's folder in the site, where the search page looks for it
STAMP = ".interlinea-index.json"  # in the bundle: what the index was made from
NEW = f"{TEMP_PREFIX}{BUNDLE}.new"  # the bundle being written
OLD = f"{TEMP_PREFIX}{BUNDLE}.old"  # the bundle replaced, until it is deleted
TIMEOUT = 600  # seconds Pagefind may take; a whole real-TEI corpus takes a fraction of one
# How this module makes the bundle from Pagefind's output (normalise_filters); a change of it is a
# reason to remake an index as much as a change of the pages is.
METHOD = "pagefind-1.5-sorted-filters-1"


def index_site(site: Path) -> bool:
    """Index the site's HTML pages into site/pagefind/, unless the index there was made from
    exactly the pages the site has now. Returns whether it was remade."""
    for leftover in (NEW, OLD):
        _remove_folder(site / leftover)
    pagefind = pagefind_command()
    stamp = {"pagefind": pagefind_version(pagefind), "method": METHOD, "pages": pages_digest(site)}
    bundle = site / BUNDLE
    if _read_stamp(bundle) == stamp:
        return False
    new = site / NEW
    try:
        _run_pagefind(pagefind, site, new)
        normalise_filters(new)
        (new / STAMP).write_text(json.dumps(stamp, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        _swap(new, bundle)
    finally:
        _remove_folder(new)  # after the swap: the old bundle
    return True


def pages_digest(site: Path) -> str:
    """One digest of the names and contents of the pages Pagefind reads (every *.html of the site,
    as its default glob **/*.html finds them): what the index says depends on nothing else."""
    pages = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.html") if path.is_file())
    return sha256_of(*(part for name in pages for part in (name.encode(), (site / name).read_bytes())))


def pagefind_command() -> list[str]:
    """The Pagefind binary: the one `pagefind[bin]` installs (pagefind_bin), else one on PATH."""
    try:
        import pagefind_bin

        return [str(pagefind_bin.get_executable())]
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind")
        if found:
            return [found]
    raise PublishError(
        "the search index needs Pagefind, which is not installed: pip install 'pagefind[bin]' "
        "(a dependency of interlinea; reinstall it with: pip install -e .)"
    )


@cache
def _version_of(binary: str) -> str:
    done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=60, check=False)
    return done.stdout.strip() or done.stderr.strip()


def pagefind_version(pagefind: list[str]) -> str:
    """'pagefind 1.5.2': part of the stamp, since another version may index differently."""
    return _version_of(pagefind[0])


def _run_pagefind(pagefind: list[str], site: Path, output: Path) -> None:
    # --keep-index-url: result links name index.html, as the site's own links do, so that they
    # also work from a server that does not map a folder to its index.html.
    command = pagefind + ["--site", str(site), "--output-path", str(output), "--keep-index-url", "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    if done.returncode != 0:
        said = (done.stderr.strip() or done.stdout.strip())[-2000:]
        raise PublishError(f"{site}: the search index could not be made (pagefind exit {done.returncode}): {said}")


def _read_stamp(bundle: Path) -> dict | None:
    try:
        stamp = json.loads((bundle / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return stamp if isinstance(stamp, dict) else None


def _swap(new: Path, bundle: Path) -> None:
    """Put the folder `new` in the place of `bundle`; afterwards `new` holds the old bundle (or is
    gone). Readers see the whole old folder or the whole new one."""
    if not bundle.exists():
        os.rename(new, bundle)
    elif not _exchange(new, bundle):
        # No atomic exchange on this system: two renames, with a moment without a bundle between
        # them (never a mixture of two bundles).
        old = new.with_name(OLD)
        os.rename(bundle, old)
        os.rename(new, bundle)
        os.rename(old, new)
    sync_folder(bundle.parent)



# ------------------------------------------------------------------ Pagefind's filter indexes

SIGNATURE = b"pagefind_dcd"  # what every file of a Pagefind bundle starts with, once decompressed
FILTERS_IN_META = 3  # the position of the list of [filter, file] in the metadata (Pagefind 1.5)
SHORT_HASH = 7  # the length of a filter file's digest in its name, as Pagefind makes it
META_HASH = 10  # the length of the metadata file's digest in its name


class UnknownBundleFormat(PublishError):
    """Pagefind wrote a bundle this module does not know how to read (another version's format)."""


def normalise_filters(bundle: Path) -> None:
    """Rewrite the filter indexes of a fresh Pagefind bundle in a fixed order, and the metadata
    and pagefind-entry.json that name them (see the module's doc: Pagefind orders them at random)."""
    entry_path = bundle / "pagefind-entry.json"
    text = entry_path.read_text(encoding="utf-8")
    entry = json.loads(text)
    if _entry_json(entry) != text or not isinstance(entry.get("languages"), dict):
        raise UnknownBundleFormat(f"{entry_path}: not the pagefind-entry.json of Pagefind 1.5 ({entry.get('version')})")
    for language in sorted(entry["languages"]):
        info = entry["languages"][language]
        info["hash"] = _normalise_language(bundle, info["hash"])
    entry["languages"] = dict(sorted(entry["languages"].items()))
    entry_path.write_text(_entry_json(entry), encoding="utf-8")


def _normalise_language(bundle: Path, meta_hash: str) -> str:
    """Normalise the filters of one language's index; returns the new name of its metadata."""
    prefix = meta_hash.rpartition("_")[0]  # "en"
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = _read_pagefind(meta_path)
    named = meta[FILTERS_IN_META] if isinstance(meta, list) and len(meta) > FILTERS_IN_META else None
    if not isinstance(named, list) or not all(_is_pair_of_strings(item) for item in named):
        raise UnknownBundleFormat(f"{meta_path}: no list of filters where Pagefind 1.5 has it")
    if not named:
        return meta_hash  # no filter: Pagefind's own files are already the same every time
    rewritten, taken = [], set()
    for name, old in sorted(named):
        path = bundle / "filter" / f"{old}.pf_filter"
        filter_name, values = _filter_index(path)
        data = _cbor([filter_name, sorted([value, sorted(pages)] for value, pages in values)])
        short = _unique_name(prefix, _pagefind_hash(data), SHORT_HASH, taken)
        rewritten.append((name, path, short, data))
    for _name, path, _short, _data in rewritten:
        path.unlink()
    for _name, _path, short, data in rewritten:
        (bundle / "filter" / f"{short}.pf_filter").write_bytes(SIGNATURE + data)
    meta[FILTERS_IN_META] = [[name, short] for name, _path, short, _data in rewritten]
    data = _cbor(meta)
    new_hash = f"{prefix}_{_pagefind_hash(data)[:META_HASH]}"
    meta_path.unlink()
    (bundle / f"pagefind.{new_hash}.pf_meta").write_bytes(SIGNATURE + data)
    return new_hash


def _filter_index(path: Path) -> tuple[str, list]:
    """A filter file: [filter name, [[value, [page numbers]]…]]."""
    index = _read_pagefind(path)
    if (
        isinstance(index, list) and len(index) == 2 and isinstance(index[0], str) and isinstance(index[1], list)
        and all(isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], list)
                and all(isinstance(page, int) for page in v[1]) for v in index[1])
    ):
        return index[0], index[1]
    raise UnknownBundleFormat(f"{path}: not a filter index of Pagefind 1.5")


def _read_pagefind(path: Path):
    """The CBOR value of one file of the bundle (gzip, or not), checked to re-encode to its bytes."""
    data = path.read_bytes()
    if not data.startswith(SIGNATURE):
        data = gzip.decompress(data)
    if not data.startswith(SIGNATURE):
        raise UnknownBundleFormat(f"{path}: no Pagefind signature")
    body = data[len(SIGNATURE):]
    try:
        value = cbor2.loads(body)
    except (cbor2.CBORDecodeError, ValueError) as error:
        raise UnknownBundleFormat(f"{path}: {error}") from None
    if _cbor(value) != body:
        raise UnknownBundleFormat(f"{path}: Pagefind's encoding differs from what Interlinea reads and writes")
    return value


def _entry_json(entry: dict) -> str:
    """pagefind-entry.json as Pagefind writes it (serde_json: compact, UTF-8 as is)."""
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":"))


def _pagefind_hash(data: bytes) -> str:
    """Pagefind's digest of a file: SHA-1, each byte in hexadecimal without its leading zero
    (Rust's format!("{:x?}", byte) in pagefind/src/utils.rs), so names match Pagefind's own."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(data).digest())


def _unique_name(prefix: str, digest: str, length: int, taken: set[str]) -> str:
    """prefix_digest cut to `length`, longer while another file of the bundle has that name."""
    while f"{prefix}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    name = f"{prefix}_{digest[:length]}"
    taken.add(name)
    return name


def _is_pair_of_strings(item) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(part, str) for part in item)


def _cbor(value) -> bytes:
    """CBOR as Pagefind writes it (minicbor: definite lengths, the shortest head of each item),
    which is what cbor2 writes for the integers, strings, byte strings and arrays of the index."""
    return cbor2.dumps(value)


RENAME_EXCHANGE = 2  # linux/fs.h
AT_FDCWD = -100


@cache
def _renameat2():
    """libc's renameat2 (Linux, glibc 2.28 and later), or None."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    function.restype = ctypes.c_int
    return function


def _exchange(first: Path, second: Path) -> bool:
    """Exchange two folders in one step; False when the system or its file system cannot."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _remove_folder(folder: Path) -> None:
    if folder.is_symlink() or folder.is_file():
        folder.unlink()
    elif folder.exists():
        shutil.rmtree(folder)
