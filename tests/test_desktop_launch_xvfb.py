"""Double-click launch on a real X server: the installed launcher opens one window, and a second
file opened from the file manager joins that window instead of starting another copy."""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop_entry import exec_argv, read_entry
from readout_browser import APP_ID
from readout_browser.desktop_integration import install
from readout_browser.paths import default_seed

pytestmark = pytest.mark.xvfb

TITLE_PREFIX = "Readout Browser"
SECOND_TITLE = "President of Freedonia met the Prime Minister of Sylvania"
SECOND_READOUT = f"""title: {SECOND_TITLE}
date: 2024-03-05
publisher: Office of the President of Freedonia
---
President of Freedonia Rufus Firefly held a meeting with Prime Minister of Sylvania Ana Trentino.
“Our countries stand together,” said the Head of State.
Freedonia will allocate 40 million euros for the reconstruction of Sylvania's power grid.
"""


def _missing() -> str | None:
    for tool in ("Xvfb", "xdotool", "xprop"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if ctypes.util.find_library("X11") is None:
        return "libX11 is not installed"
    for module in ("readout_browser.cli", "readout_browser.ui.app"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not available"
    return None


@pytest.fixture
def display() -> Iterator[str]:
    """A private Xvfb server; its display name."""
    reason = _missing()
    if reason:
        pytest.skip(reason)
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 20)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(10)


@pytest.fixture
def session(tmp_path: Path, display: str) -> Iterator[dict[str, str]]:
    """The environment of a desktop session with a fresh home and its own runtime folder."""
    runtime = tempfile.mkdtemp(prefix="rb-run-")  # short: it holds the single-instance socket
    env = {key: value for key, value in os.environ.items() if key not in ("WAYLAND_DISPLAY", "DISPLAY")}
    env |= {
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "home" / ".config"),
        "XDG_DATA_HOME": str(tmp_path / "home" / ".local" / "share"),
        "XDG_CACHE_HOME": str(tmp_path / "home" / ".cache"),
        "XDG_RUNTIME_DIR": runtime,
    }
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


def wait_for(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")


def x11(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=20, check=False)
    return done.stdout.strip()


def app_windows(env: dict[str, str]) -> list[str]:
    return x11(env, "xdotool", "search", "--onlyvisible", "--name", f"^{TITLE_PREFIX}").split()


class _ClientMessage(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", ctypes.c_ulong),
        ("message_type", ctypes.c_ulong),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class _Event(ctypes.Union):
    _fields_ = [("client", _ClientMessage), ("pad", ctypes.c_long * 24)]


def close_like_a_window_manager(display: str, window: int) -> None:
    """Send WM_DELETE_WINDOW, as the title bar's close button does."""
    xlib = ctypes.CDLL(ctypes.util.find_library("X11"))
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long, ctypes.c_void_p]
    xlib.XFlush.argtypes = [ctypes.c_void_p]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    connection = xlib.XOpenDisplay(display.encode())
    assert connection, f"cannot open display {display}"
    event = _Event()
    event.client.type = 33  # ClientMessage
    event.client.window = window
    event.client.message_type = xlib.XInternAtom(connection, b"WM_PROTOCOLS", 0)
    event.client.format = 32
    event.client.data[0] = xlib.XInternAtom(connection, b"WM_DELETE_WINDOW", 0)
    xlib.XSendEvent(connection, window, 0, 0, ctypes.byref(event))
    xlib.XFlush(connection)
    xlib.XCloseDisplay(connection)


def test_the_launcher_opens_one_window_and_a_second_file_joins_it(
    tmp_path: Path, session: dict[str, str]
) -> None:
    data_home = Path(session["XDG_DATA_HOME"])
    install(data_home)
    entry = read_entry(data_home / "applications" / f"{APP_ID}.desktop")
    command = exec_argv(entry["Exec"])
    assert command[-1] == "%F"

    first_log = (tmp_path / "first.log").open("w")
    first = subprocess.Popen(
        [*command[:-1], str(default_seed())], env=session, stdout=first_log, stderr=subprocess.STDOUT
    )
    try:
        (window,) = wait_for(lambda: app_windows(session), 60, "the first window")
        assert x11(session, "xdotool", "getwindowpid", window) == str(first.pid)
        assert x11(session, "xdotool", "getwindowname", window).startswith(TITLE_PREFIX)
        # The desktop matches the window to its launcher by these.
        wm_class = x11(session, "xprop", "-id", window, "WM_CLASS")
        assert f'"{entry["StartupWMClass"]}"' in wm_class
        assert f'"{APP_ID}"' in x11(session, "xprop", "-id", window, "_GTK_APPLICATION_ID")
        icon = "_NET_WM_ICON(CARDINAL)"  # set once the window has painted
        wait_for(lambda: icon in x11(session, "xprop", "-id", window, "_NET_WM_ICON"), 10, "the icon")

        second_file = tmp_path / "freedonia-sylvania.txt"
        second_file.write_text(SECOND_READOUT, encoding="utf-8")
        started = time.monotonic()
        second = subprocess.run(
            [*command[:-1], str(second_file)], env=session, capture_output=True, text=True, timeout=60
        )
        assert second.returncode == 0, second.stdout + second.stderr
        assert time.monotonic() - started < 30

        wait_for(
            lambda: SECOND_TITLE in x11(session, "xdotool", "getwindowname", window),
            30,
            "the running window to show the second readout",
        )
        assert app_windows(session) == [window]
        assert first.poll() is None

        close_like_a_window_manager(session["DISPLAY"], int(window))
        assert first.wait(30) == 0
        assert not list(Path(session["XDG_RUNTIME_DIR"]).iterdir()), "the socket outlived the app"
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
        first_log.close()
