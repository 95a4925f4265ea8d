"""One window per user: a second launch hands its files to the running app and exits.

Double-clicking a readout while the app is open should add it to the open window, not start a
second copy. The first launch listens on a local socket (a Unix socket in the user's runtime
folder, or a named pipe on Windows) named after the app and the user. A later launch connects,
sends the absolute paths of its files as one JSON line, waits for "ok", and quits. A socket left
behind by a crash is noticed because nobody answers on it, and is replaced.
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from readout_browser import APP_ID

CONNECT_TIMEOUT_MS = 500
REPLY_TIMEOUT_MS = 3000
_ACK = b"ok\n"
_MAX_MESSAGE = 1 << 20
_MAX_SOCKET_PATH = 100  # sun_path holds 108 bytes on Linux, 104 on macOS


def server_name() -> str:
    """The socket that all launches by one user share, and nobody else's do."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.path.isabs(runtime) and os.path.isdir(runtime):
        path = os.path.join(runtime, f"{APP_ID}.socket")
        if len(os.fsencode(path)) <= _MAX_SOCKET_PATH:
            return path
    user = str(os.getuid()) if hasattr(os, "getuid") else getpass.getuser()
    return f"{APP_ID}-{user}"


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
        self.name = name or server_name()
        self.error = ""
        self._server: QLocalServer | None = None
        self._on_paths: Callable[[list[str]], None] | None = None

    def try_forward(self, paths: Sequence[str | os.PathLike[str]]) -> bool:
        """Send `paths` to a running instance; True when it took them (this launch may exit).

        An empty list still counts: the running window comes to the front.
        """
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(encode_message(paths))
        reply = b""
        if socket.waitForBytesWritten(REPLY_TIMEOUT_MS):
            while not reply.endswith(b"\n") and socket.waitForReadyRead(REPLY_TIMEOUT_MS):
                reply += bytes(socket.readAll().data())
        socket.abort()
        return reply == _ACK

    def listen(self, on_paths: Callable[[list[str]], None]) -> bool:
        """Become the running instance: later launches' files go to `on_paths`.

        False (with `error` set) when the socket cannot be had; the app then runs on its own.
        """
        # Ask first: with access options set, Qt's listen() replaces a live socket silently.
        if self._answered():
            self.error = f"{self.name}: another instance is already listening"
            return False
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
