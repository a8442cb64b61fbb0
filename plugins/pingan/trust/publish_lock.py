"""One build at a time publishes ``site/``; what a killed build left behind is removed.

``make build`` builds into a staging folder beside ``site/`` (``.site.new-…``)
and swaps it in. Two builds finishing together could swap at the same time,
and a build killed midway (Ctrl-C twice, a closed terminal, ``kill -9``)
leaves its staging folder forever. So a build holds a lock file
(``.site.lock``) from start to swap: a second build waits for the first and
says so. Holding the lock, a build knows that no other build is running, so
every staging folder it finds is a leftover, and it removes them.

The lock is an OS file lock (``flock``): the system releases it when the
process ends, however it ends, so a killed build never leaves a stale lock
(only an unlocked file, which the next build takes and removes).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: builds are not locked there
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("pingan.publish")

__all__ = ["BuildLocked", "build_lock", "leftovers", "lock_file", "staging_prefix"]


class BuildLocked(RuntimeError):
    """Another build is running and this one was told not to wait."""


def staging_prefix(site_dir: Path) -> str:
    """The name a staging folder of ``site_dir`` starts with: ``.site.new-``."""
    return f".{site_dir.name}.new-"


def lock_file(site_dir: Path) -> Path:
    """The lock file beside ``site_dir``: ``.site.lock``."""
    return site_dir.with_name(f".{site_dir.name}.lock")


def leftovers(site_dir: Path) -> list[Path]:
    """Staging and old folders of ``site_dir`` that builds leave while they run."""
    parent = site_dir.parent
    found = sorted(parent.glob(staging_prefix(site_dir) + "*"))
    old = site_dir.with_name(f".{site_dir.name}.old")
    return found + ([old] if old.exists() else [])


@contextlib.contextmanager
def build_lock(site_dir: Path, *, wait: bool = True, say: Callable[[str], None] = log.info) -> Iterator[None]:
    """Hold the build lock of ``site_dir`` (waiting for another build unless ``wait`` is False).

    On entry, the folders a killed build left beside ``site_dir`` are removed.
    """
    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    path = lock_file(site_dir)
    told = False
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is None:  # pragma: no cover
            break
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                os.close(fd)
                raise BuildLocked(
                    f"another build of {site_dir.name}/ is running; wait until it has finished, then build again"
                ) from None
            if not told:
                say(f"Another build of {site_dir.name}/ is running: waiting for it to finish …")
                told = True
            fcntl.flock(fd, fcntl.LOCK_EX)
        # The build before us removes the lock file when it is done: if it did while we
        # waited, our lock is on a file nobody else will see; take the new one.
        try:
            same = os.stat(path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        for folder in leftovers(site_dir):
            say(f"Removing {folder.name}/, left behind by a build that was stopped")
            shutil.rmtree(folder, ignore_errors=True)
        yield
    finally:
        with contextlib.suppress(OSError):
            path.unlink()  # still holding the lock: nothing is left beside site/
        os.close(fd)  # releases the lock
