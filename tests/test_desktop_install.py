"""`readout-browser --install-desktop`: a launcher, icons and a file type for one user, removable
without a trace."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop_entry import exec_argv, read_entry
from readout_browser import APP_ID
from readout_browser.desktop_integration import (
    MANIFEST,
    DesktopIntegrationError,
    data_home,
    install,
    uninstall,
)

MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ENTRY = f"applications/{APP_ID}.desktop"


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty XDG data folder standing in for ~/.local/share."""
    folder = tmp_path / "share"
    folder.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder` with its content (None for folders)."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes() if path.is_file() else None)
        for path in folder.rglob("*")
    }


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def test_install_writes_entry_mime_type_and_icons_under_xdg_data_home(share: Path) -> None:
    installed = install()

    expected = {share / ENTRY, share / f"mime/packages/{APP_ID}.xml"}
    expected |= {share / f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in SIZES}
    expected.add(share / f"icons/hicolor/scalable/apps/{APP_ID}.svg")
    assert set(installed) == expected
    assert all(path.is_file() for path in installed)
    assert (share / MANIFEST).is_file()


def test_the_entry_launches_this_installation_with_the_files_as_a_list(share: Path) -> None:
    install()
    entry = read_entry(share / ENTRY)

    argv = exec_argv(entry["Exec"])
    assert argv[-1] == "%F"
    program = Path(argv[0])
    assert program.is_absolute() and program.is_file() and os.access(program, os.X_OK)
    assert entry["TryExec"] == argv[0]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Readout Browser"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"]
    assert entry["Comment"]
    assert "Office" in entry["Categories"].split(";")
    assert "readout" in entry["Keywords"].split(";")
    mime_types = entry["MimeType"].split(";")
    for mime_type in ("application/x-readout+json", "text/plain", "text/html", "application/xhtml+xml"):
        assert mime_type in mime_types


def test_the_entry_passes_desktop_file_validate(share: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate (desktop-file-utils) is not installed")
    install()
    done = subprocess.run([validator, str(share / ENTRY)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in (done.stdout + done.stderr).lower()


def test_a_program_path_with_spaces_is_quoted_so_the_desktop_runs_it(
    share: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "my apps $HOME" / "readout-browser"
    program.parent.mkdir()
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(program)])

    install()
    entry = read_entry(share / ENTRY)

    assert exec_argv(entry["Exec"]) == [str(program), "%F"]
    validator = shutil.which("desktop-file-validate")
    if validator:
        done = subprocess.run([validator, str(share / ENTRY)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stdout + done.stderr


def test_without_an_installed_script_the_entry_runs_the_package_with_this_python(
    share: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    lonely_python = tmp_path / "bin" / "python3"
    lonely_python.parent.mkdir()
    lonely_python.symlink_to(sys.executable)
    monkeypatch.setattr(sys, "argv", ["-c"])
    monkeypatch.setattr(sys, "executable", str(lonely_python))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))

    install()

    argv = exec_argv(read_entry(share / ENTRY)["Exec"])
    assert argv == [str(lonely_python), "-m", "readout_browser", "%F"]


def test_parsed_readouts_get_their_own_mime_type(share: Path) -> None:
    install()
    root = ET.parse(share / f"mime/packages/{APP_ID}.xml").getroot()

    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == "application/x-readout+json"
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.readout.json"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    assert mime_type.find(f"{MIME_NS}comment").text
    assert mime_type.find(f"{MIME_NS}icon").get("name") == APP_ID


def test_the_mime_and_desktop_databases_know_the_type_after_install(share: Path) -> None:
    if not (shutil.which("update-mime-database") and shutil.which("update-desktop-database")):
        pytest.skip("shared-mime-info or desktop-file-utils is not installed")
    install()

    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    assert ":application/x-readout+json:*.readout.json" in globs
    cache = (share / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
    assert f"application/x-readout+json={APP_ID}.desktop;" in cache
    assert f"text/plain={APP_ID}.desktop;" in cache


@pytest.mark.parametrize("size", SIZES)
def test_an_icon_of_each_hicolor_size_is_a_png_of_that_size(share: Path, size: int) -> None:
    install()
    assert png_size(share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png") == (size, size)


def test_the_scalable_icon_is_an_svg(share: Path) -> None:
    install()
    root = ET.parse(share / f"icons/hicolor/scalable/apps/{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_uninstall_leaves_the_folder_as_it_was_with_other_apps_files_untouched(share: Path) -> None:
    (share / "applications").mkdir()
    (share / "applications" / "org.example.Other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", encoding="utf-8"
    )
    (share / "icons/hicolor/48x48/apps").mkdir(parents=True)
    (share / "icons/hicolor/48x48/apps/org.example.Other.png").write_bytes(b"not ours")
    (share / "readout-browser").mkdir()
    (share / "readout-browser" / "recent.json").write_text("[]", encoding="utf-8")
    before = snapshot(share)

    installed = install()
    removed = uninstall()

    assert sorted(removed) == sorted(installed)
    assert snapshot(share) == before


def test_uninstall_into_an_empty_folder_leaves_it_empty(share: Path) -> None:
    install()
    uninstall()
    assert list(share.iterdir()) == []


def test_uninstall_rebuilds_caches_that_existed_before_so_they_forget_the_app(share: Path) -> None:
    if not shutil.which("update-desktop-database"):
        pytest.skip("desktop-file-utils is not installed")
    apps = share / "applications"
    apps.mkdir()
    (apps / "org.example.Other.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Other\nExec=other %f\nMimeType=text/x-other;\n",
        encoding="utf-8",
    )
    subprocess.run(["update-desktop-database", str(apps)], check=True)
    paths_before = set(snapshot(share))

    install()
    assert APP_ID in (apps / "mimeinfo.cache").read_text(encoding="utf-8")
    uninstall()

    cache = (apps / "mimeinfo.cache").read_text(encoding="utf-8")
    assert APP_ID not in cache
    assert "text/x-other=org.example.Other.desktop;" in cache
    assert set(snapshot(share)) == paths_before


def test_installing_twice_replaces_the_first_installation(share: Path) -> None:
    first = install()
    second = install()
    assert first == second
    manifest = json.loads((share / MANIFEST).read_text(encoding="utf-8"))
    assert "applications" in manifest["directories"]  # still known as made by the first install
    uninstall()
    assert list(share.iterdir()) == []


def test_uninstall_when_nothing_is_installed_removes_nothing(share: Path) -> None:
    assert uninstall() == []
    assert list(share.iterdir()) == []


def test_an_explicit_data_folder_wins_over_the_environment(share: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    installed = install(other)
    assert all(other in path.parents for path in installed)
    assert list(share.iterdir()) == []
    assert uninstall(other) and not any(other.rglob("*.desktop"))


def test_xdg_data_home_defaults_to_local_share(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME")
    assert data_home() == tmp_path / ".local" / "share"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")  # the spec says to ignore it
    assert data_home() == tmp_path / ".local" / "share"


def test_a_failed_install_says_where_and_leaves_nothing_behind(share: Path) -> None:
    (share / "icons").write_text("a file where a folder should be", encoding="utf-8")
    before = snapshot(share)

    with pytest.raises(DesktopIntegrationError, match=str(share)) as raised:
        install()

    assert isinstance(raised.value, OSError)
    assert snapshot(share) == before


def test_a_manifest_pointing_outside_the_data_folder_is_refused(share: Path, tmp_path: Path) -> None:
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    install()
    manifest_path = share / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["files"].append("../precious.txt")
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

    with pytest.raises(DesktopIntegrationError, match="outside"):
        uninstall()
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_data_folder_that_does_not_exist_yet_is_created(tmp_path: Path) -> None:
    fresh = tmp_path / "new-home" / ".local" / "share"
    installed = install(fresh)
    assert all(path.is_file() for path in installed)
    uninstall(fresh)
    assert list(fresh.iterdir()) == []


def test_a_bundled_app_launches_its_own_executable(share: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = share.parent / "ReadoutBrowser" / "ReadoutBrowser"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle))
    monkeypatch.setattr(sys, "argv", [str(bundle)])

    install()

    assert exec_argv(read_entry(share / ENTRY)["Exec"]) == [str(bundle), "%F"]


def test_the_installer_runs_without_qt() -> None:
    probe = (
        "import sys, readout_browser.desktop_integration\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
