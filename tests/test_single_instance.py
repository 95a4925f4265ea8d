"""One window per user: a second launch gives its files to the running app and exits."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from readout_browser import APP_ID
from readout_browser.ui.single_instance import (
    SingleInstance,
    bring_to_front,
    decode_message,
    encode_message,
    server_name,
)

SECOND_LAUNCH = (
    "import sys\n"
    "from readout_browser.ui.single_instance import SingleInstance\n"
    "sys.exit(0 if SingleInstance(sys.argv[1]).try_forward(sys.argv[2:]) else 3)\n"
)


@pytest.fixture
def name() -> Iterator[str]:
    """A socket of this test's own, short enough for sun_path."""
    folder = tempfile.mkdtemp(prefix="rb-")
    path = os.path.join(folder, f"{uuid.uuid4().hex[:8]}.socket")
    yield path
    QLocalServer.removeServer(path)
    os.rmdir(folder)


def second_launch(qtbot: QtBot, name: str, cwd: Path, *paths: str) -> int:
    """Run a second process that forwards `paths`, keeping this one's event loop turning."""
    process = subprocess.Popen([sys.executable, "-c", SECOND_LAUNCH, name, *paths], cwd=cwd)
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=20_000)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode


def test_a_second_launch_hands_its_files_to_the_running_one_as_absolute_paths(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    first = SingleInstance(name)
    assert first.listen(received.append), first.error

    status = second_launch(qtbot, name, tmp_path, "meeting.txt", str(tmp_path / "call readout.html"))

    assert status == 0
    qtbot.waitUntil(lambda: received != [])
    assert received == [[str(tmp_path / "meeting.txt"), str(tmp_path / "call readout.html")]]
    first.close()


def test_a_second_launch_without_files_still_reaches_the_running_one(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    first = SingleInstance(name)
    assert first.listen(received.append)

    assert second_launch(qtbot, name, tmp_path) == 0
    qtbot.waitUntil(lambda: received != [])
    assert received == [[]]
    first.close()


def test_with_nothing_running_the_files_are_not_forwarded(name: str) -> None:
    assert SingleInstance(name).try_forward(["a.txt"]) is False


def test_a_socket_left_by_a_crash_is_replaced(qtbot: QtBot, name: str, tmp_path: Path) -> None:
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(name)  # bound and closed without unlinking: what a killed process leaves
    dead.close()
    assert os.path.exists(name)
    assert SingleInstance(name).try_forward(["a.txt"]) is False

    received: list[list[str]] = []
    first = SingleInstance(name)
    assert first.listen(received.append), first.error
    assert second_launch(qtbot, name, tmp_path, "b.txt") == 0
    qtbot.waitUntil(lambda: received == [[str(tmp_path / "b.txt")]])
    first.close()


def test_a_second_listener_is_refused_while_the_first_is_alive(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    first_received: list[list[str]] = []
    first = SingleInstance(name)
    assert first.listen(first_received.append)

    second = SingleInstance(name)
    assert second.listen(lambda paths: pytest.fail("the second instance must not get files")) is False
    assert "already" in second.error

    assert second_launch(qtbot, name, tmp_path, "c.txt") == 0
    qtbot.waitUntil(lambda: first_received == [[str(tmp_path / "c.txt")]])
    first.close()


def test_a_garbled_request_is_dropped_and_the_next_one_still_works(
    qtbot: QtBot, name: str, tmp_path: Path
) -> None:
    received: list[list[str]] = []
    first = SingleInstance(name)
    assert first.listen(received.append)

    garbled = QLocalSocket()
    garbled.connectToServer(name)
    assert garbled.waitForConnected(1000)
    garbled.write(b'{"paths": "not a list"}\n')
    garbled.flush()
    qtbot.waitUntil(lambda: garbled.state() == QLocalSocket.LocalSocketState.UnconnectedState)
    assert received == []

    assert second_launch(qtbot, name, tmp_path, "d.txt") == 0
    qtbot.waitUntil(lambda: received == [[str(tmp_path / "d.txt")]])
    first.close()


def test_closing_the_running_instance_frees_the_name(qtbot: QtBot, name: str) -> None:
    first = SingleInstance(name)
    assert first.listen(lambda paths: None)
    first.close()
    assert SingleInstance(name).try_forward([]) is False
    again = SingleInstance(name)
    assert again.listen(lambda paths: None), again.error
    again.close()


def test_requests_carry_absolute_paths_as_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    line = encode_message(["x.readout.json", Path("sub") / "y.txt"])
    assert line.endswith(b"\n")
    expected = [str(tmp_path / "x.readout.json"), str(tmp_path / "sub" / "y.txt")]
    assert decode_message(line.rstrip(b"\n")) == expected


@pytest.mark.parametrize(
    "line",
    [b"", b"not json", b"[]", b'{"paths": "a.txt"}', b'{"paths": [1]}', b'{"paths": [""]}', b"\xff\xfe"],
)
def test_anything_but_a_list_of_paths_is_not_a_request(line: bytes) -> None:
    assert decode_message(line) is None


def test_the_socket_lives_in_the_users_runtime_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    runtime = tempfile.mkdtemp(prefix="rb-")
    monkeypatch.setenv("XDG_RUNTIME_DIR", runtime)
    assert server_name() == os.path.join(runtime, f"{APP_ID}.socket")
    os.rmdir(runtime)


@pytest.fixture
def shared_tmp(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder that stands for the one all users share, short enough for sun_path."""
    folder = Path(tempfile.mkdtemp(prefix="rb-"))
    folder.chmod(0o1777)
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(folder))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_without_a_runtime_folder_the_socket_lives_in_a_private_folder_named_for_the_user(
    shared_tmp: Path,
) -> None:
    name = server_name()
    assert name == str(shared_tmp / f"{APP_ID}-{os.getuid()}" / f"{APP_ID}.socket")
    folder = os.lstat(os.path.dirname(name))
    assert folder.st_uid == os.getuid()
    assert stat.S_IMODE(folder.st_mode) == 0o700


def test_a_runtime_folder_too_deep_for_a_socket_path_is_passed_over(shared_tmp: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    too_deep = tmp_path / ("x" * 60) / ("y" * 60)
    too_deep.mkdir(parents=True, mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(too_deep))
    assert server_name() == str(shared_tmp / f"{APP_ID}-{os.getuid()}" / f"{APP_ID}.socket")


def test_a_runtime_folder_others_may_enter_is_not_used(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = Path(tempfile.mkdtemp(prefix="rb-"))
    runtime.chmod(0o777)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert server_name() == str(shared_tmp / f"{APP_ID}-{os.getuid()}" / f"{APP_ID}.socket")
    runtime.rmdir()


def test_a_folder_squatted_in_the_shared_temporary_folder_is_never_used(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another user got there first: a link to a folder of theirs, open to all.
    theirs = shared_tmp / "theirs"
    theirs.mkdir(mode=0o777)
    (shared_tmp / f"{APP_ID}-{os.getuid()}").symlink_to(theirs)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_tmp / "home-cache"))  # short enough for sun_path
    name = server_name()
    assert name == str(shared_tmp / "home-cache" / "readout-browser" / "run" / f"{APP_ID}.socket")
    assert not list(theirs.iterdir())


@pytest.mark.skipif(os.getuid() != 0, reason="making a folder of another user's needs root")
def test_a_folder_of_another_users_in_the_shared_temporary_folder_is_never_used(
    shared_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    squatted = shared_tmp / f"{APP_ID}-{os.getuid()}"
    squatted.mkdir(mode=0o700)
    os.chown(squatted, 4242, 4242)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_tmp / "home-cache"))
    name = server_name()
    assert name is not None
    assert not name.startswith(str(squatted))


def test_no_paths_go_to_a_socket_of_another_user(
    qtbot: QtBot, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[list[str]] = []
    squatter = SingleInstance(name)
    assert squatter.listen(received.append), squatter.error
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # the socket is now someone else's

    assert SingleInstance(name).try_forward(["secret plans.txt"]) is False

    qtbot.wait(100)
    assert received == []
    squatter.close()


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()

    bring_to_front(window)

    assert window.isVisible()
    assert not window.windowState() & Qt.WindowState.WindowMinimized
