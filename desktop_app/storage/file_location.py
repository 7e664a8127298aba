"""Is a session file where SQLite's locking cannot be trusted?

SQLite keeps a session safe with file locks and a shared-memory index beside
the file. On a network share the locks may not reach the other computer, and a
sync client (OneDrive, Dropbox, Google Drive, iCloud) copies the file, its
``-wal`` and ``-shm`` one by one while they change, or puts an older copy back:
either can tear a session apart. Such places are recognised by their path (the
folder names the sync clients make, UNC paths) and, on Linux, by the file
system type of the mount (NFS, SMB, sshfs …), which is one read of
``/proc/self/mountinfo``; on Windows a mapped network drive is asked of the OS.
"""

from __future__ import annotations

import contextlib
import re
import sys
from pathlib import Path, PurePath

ONEDRIVE = "onedrive"
DROPBOX = "dropbox"
GOOGLE_DRIVE = "google_drive"
ICLOUD = "icloud"
NETWORK = "network"

# Folder names the sync clients make (Windows, macOS, Linux), lower case.
_SYNC_FOLDERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (ONEDRIVE, re.compile(r"^onedrive($|[ -])")),  # OneDrive, "OneDrive - Firma", OneDrive-Personal
    (DROPBOX, re.compile(r"^dropbox($| \(|-)")),  # Dropbox, "Dropbox (Persoonlijk)"
    (GOOGLE_DRIVE, re.compile(r"^(google ?drive|googledrive-.*|my drive|mijn drive)$")),
    (ICLOUD, re.compile(r"^(icloud ?drive.*|mobile documents|com~apple~clouddocs)$")),
)

# File systems whose locking SQLite cannot rely on (Linux names in mountinfo).
_NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "beegfs",
        "davfs",
        "fuse.davfs2",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.gvfsd-fuse",
        "fuse.s3fs",
        "fuse.google-drive-ocamlfuse",
        "fuse.onedriver",
    }
)


def shared_location(path: Path, *, mountinfo: str | None = None) -> str | None:
    """ONEDRIVE, DROPBOX, GOOGLE_DRIVE, ICLOUD, NETWORK, or None for a local folder.

    ``mountinfo`` is the text of ``/proc/self/mountinfo`` (read when None, on Linux).
    """
    if str(path).startswith(("\\\\", "//")):  # \\server\share (UNC)
        return NETWORK
    with contextlib.suppress(OSError, RuntimeError):
        path = path.resolve()
    by_name = sync_folder_of(path)
    if by_name is not None:
        return by_name
    if sys.platform == "win32":
        return NETWORK if _is_windows_network_drive(path) else None
    if mountinfo is None and sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
    if mountinfo:
        fstype = filesystem_of(path, mountinfo)
        if fstype is not None and fstype in _NETWORK_FILESYSTEMS:
            return NETWORK
    return None


def sync_folder_of(path: PurePath) -> str | None:
    """The sync service whose folder holds ``path``, judged by the folder names."""
    for part in path.parts[:-1]:
        name = part.lower().rstrip("\\/")
        for service, pattern in _SYNC_FOLDERS:
            if pattern.match(name):
                return service
    return None


def filesystem_of(path: PurePath, mountinfo: str) -> str | None:
    """The file system type of the mount that holds ``path`` (the longest match)."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mountinfo.splitlines():
        fields, _, rest = line.partition(" - ")
        parts = fields.split()
        if len(parts) < 5 or not rest:
            continue
        mount_point = _unescape(parts[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):
            best = (len(mount_point), rest.split()[0])
    return None if best is None else best[1]


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def _is_windows_network_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = path.drive
    if not drive:
        return False
    remote = 4  # DRIVE_REMOTE
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    return bool(kernel32.GetDriveTypeW(drive + "\\") == remote)
