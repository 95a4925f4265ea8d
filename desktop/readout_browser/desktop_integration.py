"""Put Readout Browser in the user's application menu and file associations, without root.

`install()` writes a freedesktop desktop entry whose `Exec` is the absolute path of this
installation's `readout-browser` (a pip or venv install cannot know that path when the wheel is
built), the hicolor icons, and a shared-mime-info type for parsed readouts (`*.readout.json`),
all under `$XDG_DATA_HOME`; then it refreshes the desktop, MIME and icon databases when their
tools are installed. A manifest records every file and folder it created, so `uninstall()`
takes away exactly those and nothing the user had before.

No Qt here: this runs from the command line, fast and without a display.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from readout_browser import APP_ID
from readout_browser.paths import resource

SCRIPT = "readout-browser"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
MANIFEST = Path("readout-browser") / "installed.json"
_MANIFEST_FORMAT = 1
_TOOL_TIMEOUT = 60
# Characters that make the desktop-entry spec require an Exec argument to be quoted.
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class DesktopIntegrationError(OSError):
    """The launcher could not be installed or removed; the message says which file and why."""


@dataclass(frozen=True)
class _Database:
    """A desktop cache rebuilt from a folder of ours: the tool, its folder, and the cache file
    whose presence shows that the tool has run there before."""

    tool: str
    options: tuple[str, ...]
    folder: str
    marker: str


_DATABASES = (
    _Database("update-desktop-database", ("-q",), "applications", "mimeinfo.cache"),
    _Database("update-mime-database", (), "mime", "mime.cache"),
    _Database("gtk-update-icon-cache", ("-q", "-t", "-f"), "icons/hicolor", "icon-theme.cache"),
)


def data_home() -> Path:
    """`$XDG_DATA_HOME`, or `~/.local/share` when it is unset or not absolute (as the spec says)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The absolute command that starts this installation of the app.

    A bundled app (PyInstaller) is its own executable. Otherwise the script being run wins,
    then the one installed beside this interpreter (the same venv), then the first on PATH;
    failing all three, this interpreter runs the package.
    """
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.stem == SCRIPT and argv0.is_file():
        return [str(argv0.absolute())]
    beside = Path(sys.executable).parent / SCRIPT
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside.absolute())]
    found = shutil.which(SCRIPT)
    if found:
        return [str(Path(found).absolute())]
    return [os.path.abspath(sys.executable), "-m", "readout_browser"]


def exec_line(command: list[str]) -> str:
    """`command` as the value of a desktop entry's `Exec` key, followed by `%F` (the files)."""
    return " ".join([*(_exec_argument(arg) for arg in command), "%F"])


def _exec_argument(arg: str) -> str:
    # The spec quotes first (escaping " ` $ \ inside the quotes), then escapes backslashes
    # once more because the whole value is a desktop-entry string; % doubles as a field code.
    arg = arg.replace("%", "%%")
    if any(char in _EXEC_RESERVED for char in arg):
        escaped = "".join("\\" + char if char in '"`$\\' else char for char in arg)
        arg = f'"{escaped}"'
    return arg.replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """The desktop entry text for `command`, from the template in resources/."""
    template_path = resource(f"{APP_ID}.desktop")
    template = template_path.read_text(encoding="utf-8")
    if "@EXEC@ %F" not in template:
        raise DesktopIntegrationError(f"{template_path}: the Exec line lacks its '@EXEC@ %F' placeholder")
    text = template.replace("@EXEC@ %F", exec_line(command))
    return text.replace("@TRYEXEC@", command[0].replace("\\", "\\\\"))


def _payload() -> dict[str, Path | str]:
    """What install() writes: a path relative to the data folder -> a source file or a text."""
    icons = "icons/hicolor"
    payload: dict[str, Path | str] = {
        f"applications/{APP_ID}.desktop": desktop_entry(launch_command()),
        f"mime/packages/{APP_ID}.xml": resource(f"{APP_ID}.xml"),
        f"{icons}/scalable/apps/{APP_ID}.svg": resource(f"icons/hicolor/scalable/apps/{APP_ID}.svg"),
    }
    for size in ICON_SIZES:
        relative = f"{size}x{size}/apps/{APP_ID}.png"
        payload[f"{icons}/{relative}"] = resource(f"icons/hicolor/{relative}")
    return payload


def install(data_home: Path | None = None) -> list[Path]:
    """Install the desktop entry, MIME type and icons for this user; return the files written.

    Installing again replaces the earlier installation (a moved venv gets a fresh `Exec`).
    """
    if sys.platform in ("win32", "darwin"):
        raise DesktopIntegrationError(
            "installing a desktop entry is for Linux and other freedesktop systems; on Windows and"
            " macOS the installer or app bundle adds the Start menu or Applications entry"
        )
    home = _data_home(data_home)
    if (home / MANIFEST).is_file():
        uninstall(home)
    created_dirs: list[str] = []
    written: list[str] = []
    try:
        payload = _payload()
        home.mkdir(parents=True, exist_ok=True)  # the data folder itself stays, as other apps use it
        for relative, source in payload.items():
            target = home / relative
            _make_dirs(home, target.parent, created_dirs)
            _write(target, source)
            written.append(relative)
        _make_dirs(home, (home / MANIFEST).parent, created_dirs)
        databases, failures = _refresh_after_install(home, set(written))
        _write_manifest(home, written, created_dirs, databases)
    except OSError as error:
        _discard(home, written, created_dirs)
        if isinstance(error, DesktopIntegrationError):
            raise
        raise DesktopIntegrationError(f"could not install the launcher under {home}: {error}") from error
    if failures:
        raise DesktopIntegrationError(
            "the launcher is installed, but refreshing the desktop databases failed: " + "; ".join(failures)
        )
    return [home / relative for relative in written]


def uninstall(data_home: Path | None = None) -> list[Path]:
    """Remove what install() put there (and only that); return the files removed."""
    home = _data_home(data_home)
    manifest = _read_manifest(home)
    if manifest is None:
        return []
    removed: list[Path] = []
    try:
        for relative in manifest["files"]:
            target = _inside(home, relative)
            if target.is_file() or target.is_symlink():
                target.unlink()
                removed.append(target)
        failures = _refresh_after_uninstall(home, manifest["databases"])
        (home / MANIFEST).unlink()
        _remove_empty_dirs(home, manifest["directories"])
    except OSError as error:
        if isinstance(error, DesktopIntegrationError):
            raise
        raise DesktopIntegrationError(f"could not remove the launcher from {home}: {error}") from error
    if failures:
        raise DesktopIntegrationError(
            "the launcher is removed, but refreshing the desktop databases failed: " + "; ".join(failures)
        )
    return removed


def _data_home(given: Path | None) -> Path:
    return Path(given).absolute() if given is not None else data_home()


def _inside(home: Path, relative: str) -> Path:
    """`home / relative`, refusing a manifest entry that points outside the data folder."""
    target = home / relative
    if Path(relative).is_absolute() or ".." in Path(relative).parts:
        raise DesktopIntegrationError(f"{home / MANIFEST}: entry {relative!r} is outside {home}")
    return target


def _make_dirs(home: Path, folder: Path, created: list[str]) -> None:
    """mkdir -p, remembering (outermost first) each folder that did not exist."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path.relative_to(home).as_posix())


def _write(target: Path, source: Path | str) -> None:
    """Write through a temporary file, so a reader never sees half a file."""
    partial = target.with_name(f".{target.name}.partial")
    if isinstance(source, Path):
        shutil.copyfile(source, partial)
    else:
        partial.write_text(source, encoding="utf-8")
    partial.chmod(0o644)
    os.replace(partial, target)


def _discard(home: Path, written: list[str], created_dirs: list[str]) -> None:
    """Undo a failed install as far as it got."""
    for relative in written:
        (home / relative).unlink(missing_ok=True)
    _remove_empty_dirs(home, created_dirs)


def _remove_empty_dirs(home: Path, folders: list[str]) -> None:
    for relative in sorted(folders, key=lambda name: name.count("/"), reverse=True):
        folder = _inside(home, relative)
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()


def _tree(folder: Path) -> set[Path]:
    return set(folder.rglob("*")) if folder.is_dir() else set()


def _digest(path: Path) -> str | None:
    """A file's SHA-256; None for a folder."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def _run(tool: str, options: tuple[str, ...], folder: Path) -> str | None:
    """Run a database tool on `folder`; None on success, else what went wrong."""
    program = shutil.which(tool)
    if program is None:
        return None
    try:
        done = subprocess.run(
            [program, *options, str(folder)],
            capture_output=True,
            text=True,
            timeout=_TOOL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"{tool}: {error}"
    if done.returncode != 0:
        return f"{tool} exited with {done.returncode}: {done.stderr.strip()}"
    return None


def _refresh_after_install(home: Path, ours: set[str]) -> tuple[list[dict], list[str]]:
    """Rebuild each cache; remember the cache files that exist only because of this install,
    so that uninstall can take them away again instead of leaving a cache of nothing."""
    databases, failures = [], []
    for database in _DATABASES:
        folder = home / database.folder
        if shutil.which(database.tool) is None or not folder.is_dir():
            continue
        first_run = not (folder / database.marker).exists()
        before = _tree(folder)
        failure = _run(database.tool, database.options, folder)
        if failure:
            failures.append(failure)
        generated = {}
        if first_run:
            for path in sorted(_tree(folder) - before):
                relative = path.relative_to(home).as_posix()
                if relative not in ours:
                    generated[relative] = _digest(path)
        databases.append({"tool": database.tool, "generated": generated})
    return databases, failures


def _refresh_after_uninstall(home: Path, databases: list[dict]) -> list[str]:
    """Take away caches that only this install made and nobody has rebuilt since; rebuild the
    others, so that they stop listing the app."""
    failures = []
    known = {database.tool: database for database in _DATABASES}
    for record in databases:
        database = known.get(record.get("tool"))
        if database is None:
            continue
        generated: dict[str, str | None] = record.get("generated", {})
        paths = {_inside(home, relative): digest for relative, digest in generated.items()}
        untouched = bool(paths) and all(
            path.exists() and (digest is None or _digest(path) == digest) for path, digest in paths.items()
        )
        if untouched:
            for path in sorted(paths, key=lambda p: len(p.parts), reverse=True):
                if path.is_dir():
                    if not any(path.iterdir()):
                        path.rmdir()
                else:
                    path.unlink()
        elif (home / database.folder).is_dir():
            failure = _run(database.tool, database.options, home / database.folder)
            if failure:
                failures.append(failure)
    return failures


def _write_manifest(home: Path, files: list[str], directories: list[str], databases: list[dict]) -> None:
    manifest = {
        "format": _MANIFEST_FORMAT,
        "app_id": APP_ID,
        "files": files,
        "directories": directories,
        "databases": databases,
    }
    _write(home / MANIFEST, json.dumps(manifest, indent=2) + "\n")


def _read_manifest(home: Path) -> dict | None:
    path = home / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DesktopIntegrationError(f"{path}: cannot read the list of installed files: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != _MANIFEST_FORMAT:
        raise DesktopIntegrationError(f"{path}: not a list of installed files this version understands")
    for key in ("files", "directories", "databases"):
        if not isinstance(manifest.get(key), list):
            raise DesktopIntegrationError(f"{path}: '{key}' is missing or not a list")
    # Check every entry before removing anything, so a damaged list removes nothing.
    generated = [name for record in manifest["databases"] for name in record.get("generated", {})]
    for relative in [*manifest["files"], *manifest["directories"], *generated]:
        _inside(home, relative)
    return manifest
