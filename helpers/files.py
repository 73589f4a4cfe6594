"""Reading and writing files safely: atomic writes, bounded reads, folder locks, staging
folders, Ctrl-C.

A leaf module like ``paths``: ``corpus`` (adding documents) and ``site`` (the rendered site)
both build on it, and every module writes its files through it. What it guarantees:

- :func:`atomic_write_bytes` / :func:`atomic_write_text` write a temporary file in the same
  folder and rename it over the target, so an interrupted run (Ctrl-C, a kill, a full disk)
  leaves either the old file or the new one, never half of one.

- :func:`read_bounded` reads only regular files, never more than a limit, in chunks, so a FIFO,
  a device (``/dev/zero`` behind a symlink) or a huge file gives an error instead of a hang or
  an out-of-memory crash.
- :func:`folder_lock` serialises the processes that change one folder (``corpus/`` for ``add``,
  ``reports/`` for the site's swaps and its index), with ``flock`` on the folder itself: no lock
  file is left behind, and the kernel releases the lock when a process dies, even by SIGKILL.
- :func:`staging_folder` is a hidden folder a run builds its output in, locked by that run for
  as long as it lives; :func:`remove_stale_staging` removes the ones whose owner is gone.
- :func:`deferred_interrupt` holds Ctrl-C back during a commit that must not be cut in half.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from .paths import display_path

CHUNK = 1 << 20  # bytes read at a time


class UnreadableFile(Exception):
    """A file that cannot be read as asked; the message names the file and the reason."""


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, with one line saying what was (or was not) done; the command line prints it and
    exits with 130."""


_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a directory, not a text file",
}


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``limit`` of them.

    Opened without blocking (a FIFO with no writer would otherwise wait forever), checked to be
    a regular file after following symlinks, and read in chunks of :data:`CHUNK`, stopping as
    soon as the limit is passed (a file still growing cannot exhaust memory either).
    """
    where = display_path(path)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except FileNotFoundError:
        raise UnreadableFile(f"{where}: no such file") from None
    except (OSError, ValueError) as err:  # ValueError: a NUL character in the path
        raise UnreadableFile(f"{where}: cannot be opened ({_reason(err)})") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = _KINDS.get(stat.S_IFMT(mode), "not a regular file")
            if stat.S_ISDIR(mode):
                raise UnreadableFile(f"{where}: is {kind}")
            raise UnreadableFile(f"{where}: is {kind}; only regular files are read")
        size = os.fstat(fd).st_size
        if size > limit:
            raise UnreadableFile(f"{where}: {_too_big(size, limit)}")
        chunks, total = [], 0
        while chunk := os.read(fd, CHUNK):
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(f"{where}: {_too_big(total, limit)} (it grew while read)")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as err:
        raise UnreadableFile(f"{where}: cannot be read ({_reason(err)})") from None
    finally:
        os.close(fd)


def _too_big(size: int, limit: int) -> str:
    return f"is {size:,} bytes, more than the limit of {limit:,} bytes"


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err)


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on ``folder`` (created if missing) for the ``with`` block."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def staging_folder(parent: Path, prefix: str) -> Iterator[Path]:
    """A new hidden folder ``parent/<prefix>XXXX`` held locked by this process; removed at the
    end of the block unless it was renamed away (see :func:`swap_in`)."""
    parent.mkdir(parents=True, exist_ok=True)
    folder, fd = None, None
    try:
        # Ctrl-C neither leaves a folder unlocked nor cuts the clean-up short
        with deferred_interrupt():
            folder = Path(tempfile.mkdtemp(dir=parent, prefix=prefix))
            os.chmod(folder, 0o777 & ~_umask())  # mkdtemp makes 0700 folders; results are shared
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield folder
    finally:
        with deferred_interrupt():
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
            if fd is not None:
                os.close(fd)


def remove_stale_staging(parent: Path, prefix: str) -> list[Path]:
    """Remove ``parent/<prefix>*`` folders no live process holds (left by a killed run)."""
    removed = []
    for folder in sorted(parent.glob(f"{prefix}*")):
        if not folder.is_dir() or folder.is_symlink():
            continue
        try:
            fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a running process builds in it
        else:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(fd)
    return removed


def swap_in(staged: Path, target: Path, old_prefix: str) -> None:
    """Put the folder ``staged`` at ``target``, replacing any folder there, whole.

    Call under :func:`folder_lock` on the parent. The old folder is first renamed to a hidden
    ``<old_prefix>…`` name, so a kill between the two renames leaves it to be restored by
    :func:`restore_swapped_out`; readers of the parent under the same lock never see a gap.
    """
    old = None
    if target.exists():
        old = target.with_name(f"{old_prefix}{target.name}")
        shutil.rmtree(old, ignore_errors=True)
        os.rename(target, old)
    os.rename(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def restore_swapped_out(parent: Path, old_prefix: str) -> None:
    """Undo a :func:`swap_in` cut short by a kill (call under the parent's lock): an old folder
    whose replacement never arrived goes back in place; one that was replaced is removed."""
    for old in sorted(parent.glob(f"{old_prefix}*")):
        target = parent / old.name.removeprefix(old_prefix)
        if old.is_dir() and not target.exists():
            os.rename(old, target)
        else:
            shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM back until the block ends, then raise
    ``KeyboardInterrupt``: the block (a commit) either runs whole or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set in the main thread, which receives the signals
        return
    received: list[int] = []
    handlers = {
        sig: signal.signal(sig, lambda number, frame: received.append(number))
        for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
    if received:
        raise KeyboardInterrupt


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; results are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def atomic_write_text(path: Path, text: str) -> Path:
    """Write ``text`` (UTF-8, newlines as given) to ``path`` atomically."""
    return atomic_write_bytes(path, str(text).encode("utf-8"))
