"""Sync folders and network shares are recognised, local folders are not."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from desktop_app.storage.file_location import (
    DROPBOX,
    GOOGLE_DRIVE,
    ICLOUD,
    NETWORK,
    ONEDRIVE,
    filesystem_of,
    shared_location,
    sync_folder_of,
)

# What /proc/self/mountinfo says on a laptop with a NAS, a Windows share and sshfs.
MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/nvme0n1p2 rw,errors=remount-ro
40 27 0:35 / /home rw,relatime - ext4 /dev/nvme0n1p3 rw
51 40 0:48 / /home/anna/nas rw,relatime - nfs4 nas.local:/export rw,vers=4.2
52 40 0:49 / /home/anna/P\\040schijf rw,relatime - cifs //fs01/projecten rw,vers=3.1.1
53 40 0:50 / /home/anna/server rw,relatime - fuse.sshfs anna@server: rw
54 27 0:51 / /media/anna/USB rw,relatime - vfat /dev/sdb1 rw
"""


@pytest.mark.parametrize(
    ("folder", "service"),
    [
        ("OneDrive/Documenten/Tafelronde", ONEDRIVE),
        ("OneDrive - Van Dijk Installatietechniek/Documents", ONEDRIVE),
        ("Library/CloudStorage/OneDrive-Personal", ONEDRIVE),
        ("Dropbox/PMO", DROPBOX),
        ("Dropbox (Persoonlijk)/PMO", DROPBOX),
        ("Google Drive/Mijn Drive/PMO", GOOGLE_DRIVE),
        ("Library/CloudStorage/GoogleDrive-anna@example.nl/My Drive", GOOGLE_DRIVE),
        ("iCloud Drive/Tafelronde", ICLOUD),
        ("Library/Mobile Documents/com~apple~CloudDocs", ICLOUD),
    ],
)
def test_sync_folders_by_name(tmp_path: Path, folder: str, service: str) -> None:
    session = tmp_path / folder / "PMO Zwolle.tafelronde"
    session.parent.mkdir(parents=True)
    session.write_bytes(b"")
    assert shared_location(session, mountinfo="") == service


@pytest.mark.parametrize(
    "folder", ["Documents/Tafelronde", "OneDriveBackupNotes", "Dropboxes", "Drive/PMO"]
)
def test_ordinary_folders_are_local(tmp_path: Path, folder: str) -> None:
    session = tmp_path / folder / "PMO.tafelronde"
    session.parent.mkdir(parents=True)
    assert shared_location(session, mountinfo="") is None


def test_windows_paths_by_name() -> None:
    assert sync_folder_of(PureWindowsPath(r"C:\Users\anna\OneDrive - Firma\PMO.tafelronde")) == (
        ONEDRIVE
    )
    assert sync_folder_of(PureWindowsPath(r"G:\Mijn Drive\PMO.tafelronde")) == GOOGLE_DRIVE
    assert sync_folder_of(PureWindowsPath(r"C:\Users\anna\Documents\PMO.tafelronde")) is None


def test_unc_paths_are_network_shares() -> None:
    assert shared_location(Path("//fs01/projecten/PMO.tafelronde"), mountinfo="") == NETWORK


@pytest.mark.parametrize(
    ("path", "fstype", "where"),
    [
        ("/home/anna/nas/PMO.tafelronde", "nfs4", NETWORK),
        ("/home/anna/P schijf/sessies/PMO.tafelronde", "cifs", NETWORK),
        ("/home/anna/server/PMO.tafelronde", "fuse.sshfs", NETWORK),
        ("/home/anna/Documenten/PMO.tafelronde", "ext4", None),
        ("/home/anna/nasje/PMO.tafelronde", "ext4", None),  # a prefix, not the mount
        ("/media/anna/USB/PMO.tafelronde", "vfat", None),
    ],
)
def test_linux_file_system_types(path: str, fstype: str, where: str | None) -> None:
    assert filesystem_of(Path(path), MOUNTINFO) == fstype
    assert shared_location(Path(path), mountinfo=MOUNTINFO) == where


def test_this_machines_temporary_folder_is_local(tmp_path: Path) -> None:
    session = tmp_path / "PMO.tafelronde"
    session.write_bytes(b"")
    assert shared_location(session) is None  # reads the real /proc/self/mountinfo
