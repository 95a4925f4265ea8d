"""One window per user: a second launch hands its files to the running app and exits.

Double-clicking a readout while the app is open should add it to the open window, not start a
second copy. The first launch listens on a local socket (a Unix socket in the user's runtime
folder, or a named pipe on Windows) named after the app and the user. A later launch connects,
sends the absolute paths of its files as one JSON line, waits for "ok", and quits. A socket left
behind by a crash is noticed because nobody answers on it, and is replaced.

The paths a user opens are nobody else's business, and a socket in a folder every user can
write to could be made first by another user, who would then receive them (and keep this
user's launch from ever opening a window). So the socket lives only in a folder that belongs
to the user and that no one else may enter (the runtime folder, or one the app makes with
mode 0700 and checks), and a launch hands its paths only to a socket, and a process on its
other end, of the same user.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import stat
import struct
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

from readout_browser import APP_ID

if TYPE_CHECKING:  # QtNetwork loads when a socket is first used: a first launch finds none to ask
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 3000
_ACK = b"ok\n"
_MAX_MESSAGE = 1 << 20
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS


def server_name() -> str | None:
    """The socket that all launches by one user share, and nobody else's do (None: no safe place)."""
    if not hasattr(os, "getuid"):  # Windows: a named pipe, which Qt makes for this user only
        return f"{APP_ID}-{getpass.getuser()}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    folders = [runtime] if os.path.isabs(runtime) and _private(runtime) else []
    folders.append(os.path.join(tempfile.gettempdir(), f"{APP_ID}-{os.getuid()}"))
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache")
    folders.append(os.path.join(cache, "readout-browser", "run"))  # when the shared one is taken
    for folder in folders:
        path = os.path.join(folder, f"{APP_ID}.socket")
        if len(os.fsencode(path)) <= _MAX_SOCKET_PATH and _private(folder, make=folder != runtime):
            return path
    return None


def _private(folder: str, make: bool = False) -> bool:
    """Whether `folder` is a real folder of this user's that nobody else may enter (made so if asked)."""
    if make:
        with contextlib.suppress(OSError):
            os.makedirs(os.path.dirname(folder), exist_ok=True)
            os.mkdir(folder, 0o700)
    try:
        info = os.lstat(folder)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return False  # a link, a file, or another user's folder
        if make and info.st_mode & 0o077:
            os.chmod(folder, 0o700)  # our own, left open by something else: close it
            info = os.lstat(folder)
    except OSError:
        return False
    return not info.st_mode & 0o077


def _owned_by_user(name: str) -> bool:
    """Whether the socket file at `name` is this user's (always so for a Windows pipe name)."""
    if not hasattr(os, "getuid") or not os.path.isabs(name):
        return True
    try:
        info = os.lstat(name)
    except OSError:
        return False
    return stat.S_ISSOCK(info.st_mode) and info.st_uid == os.getuid()


def _peer_is_user(connection: QLocalSocket) -> bool:
    """Whether the process at the other end of a connection runs as this user, where the system says."""
    import socket  # only once there is a connection: a first launch has none, and starts sooner

    option = getattr(socket, "SO_PEERCRED", None)
    if option is None or not hasattr(os, "getuid"):
        return True  # no way to ask: the socket's owner was checked before connecting
    fd = int(connection.socketDescriptor())
    if fd < 0:
        return False
    try:
        with socket.fromfd(fd, socket.AF_UNIX, socket.SOCK_STREAM) as peer:
            _, uid, _ = struct.unpack("3i", peer.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i")))
    except OSError:
        return False
    return uid == os.getuid()


def decode_message(data: bytes) -> list[str] | None:
    """The paths of one request line, or None when it is not one."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    paths = message.get("paths") if isinstance(message, dict) else None
    if not isinstance(paths, list) or not all(isinstance(path, str) and path for path in paths):
        return None
    return paths


def encode_message(paths: Sequence[str | os.PathLike[str]]) -> bytes:
    """One request line: the files as absolute paths, since the running app has its own cwd."""
    return json.dumps({"paths": [os.path.abspath(path) for path in paths]}).encode("utf-8") + b"\n"


class SingleInstance(QObject):
    """The first launch listens; every later launch forwards its files to it."""

    def __init__(self, name: str | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name or server_name() or ""
        self.error = ""
        self._server: QLocalServer | None = None
        self._on_paths: Callable[[list[str]], None] | None = None

    def try_forward(self, paths: Sequence[str | os.PathLike[str]]) -> bool:
        """Send `paths` to a running instance; True when it took them (this launch may exit).

        An empty list still counts: the running window comes to the front.
        """
        if not self.name or not _owned_by_user(self.name):
            return False  # no safe socket, or another user's: this launch opens its own window
        from PySide6.QtNetwork import QLocalSocket

        connection = QLocalSocket()
        connection.connectToServer(self.name)
        if not connection.waitForConnected(CONNECT_TIMEOUT_MS) or not _peer_is_user(connection):
            connection.abort()
            return False
        connection.write(encode_message(paths))
        reply = b""
        if connection.waitForBytesWritten(REPLY_TIMEOUT_MS):
            while not reply.endswith(b"\n") and connection.waitForReadyRead(REPLY_TIMEOUT_MS):
                reply += bytes(connection.readAll().data())
        connection.abort()
        return reply == _ACK

    def listen(self, on_paths: Callable[[list[str]], None]) -> bool:
        """Become the running instance: later launches' files go to `on_paths`.

        False (with `error` set) when the socket cannot be had; the app then runs on its own.
        """
        if not self.name:
            self.error = "no private folder for the socket could be made"
            return False
        # Ask first: with access options set, Qt's listen() replaces a live socket silently.
        if self._answered():
            self.error = f"{self.name}: another instance is already listening"
            return False
        from PySide6.QtNetwork import QAbstractSocket, QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        listening = server.listen(self.name)
        if not listening and server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
            QLocalServer.removeServer(self.name)  # nobody answered: left behind by a crash
            listening = server.listen(self.name)
        if not listening:
            self.error = f"{self.name}: {server.errorString()}"
            server.deleteLater()
            return False
        self._on_paths = on_paths
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening, remove the socket and let go of the callback (and what it holds)."""
        self._on_paths = None
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _answered(self) -> bool:
        from PySide6.QtNetwork import QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        connected = probe.waitForConnected(CONNECT_TIMEOUT_MS)
        probe.abort()
        return connected

    def _accept(self) -> None:
        server = self._server
        while server is not None and (connection := server.nextPendingConnection()) is not None:
            _Request(connection, self._deliver)

    def _deliver(self, paths: list[str]) -> None:
        if self._on_paths is not None:
            self._on_paths(paths)


class _Request(QObject):
    """Reads one request line from a connection, answers "ok", then hands over the paths.

    The answer goes before the files are opened, so a slow parse never makes the sender give
    up and start a second window.
    """

    def __init__(self, connection: QLocalSocket, deliver: Callable[[list[str]], None]) -> None:
        super().__init__(connection)
        self._connection = connection
        self._deliver = deliver
        self._buffer = b""
        connection.readyRead.connect(self._read)
        connection.disconnected.connect(connection.deleteLater)
        if connection.bytesAvailable():
            self._read()

    def _read(self) -> None:
        self._buffer += bytes(self._connection.readAll().data())
        if len(self._buffer) > _MAX_MESSAGE:
            self._connection.abort()
            return
        line, newline, _ = self._buffer.partition(b"\n")
        if not newline:
            return
        paths = decode_message(line)
        if paths is None:
            self._connection.abort()
            return
        self._connection.write(_ACK)
        self._connection.disconnectFromServer()
        deliver = self._deliver
        QTimer.singleShot(0, lambda: deliver(paths))


def bring_to_front(window: QWidget) -> None:
    """Show `window` un-minimised, raised and active, as a user who just opened a file expects."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()
