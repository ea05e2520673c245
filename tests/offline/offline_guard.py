"""Refuse every network connection that leaves this machine.

The tutorial series promises to run offline. The test run proves it: this module is
installed in the pytest process (``conftest.py``) and, through ``sitecustomize.py`` on
``PYTHONPATH``, in every notebook kernel that nbval starts. Loopback and Unix sockets
stay open, because Jupyter and its kernels talk over them.
"""

from __future__ import annotations

import ipaddress
import os
import socket
from collections.abc import MutableMapping
from pathlib import Path

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}
_installed = False


class NetworkBlockedError(ConnectionRefusedError):
    """Raised when code under test tries to reach another machine."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    host = str(host).split("%", 1)[0]
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _refuse(target: object) -> NetworkBlockedError:
    return NetworkBlockedError(
        f"network access is blocked in the test run (tried to reach {target!r}); "
        "the tutorial series must work offline"
    )


def block_network() -> None:
    """Patch :mod:`socket` so that connections to other machines raise.

    Idempotent; safe to call from ``sitecustomize`` and from pytest.
    """
    global _installed
    if _installed:
        return
    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex
    original_sendto = socket.socket.sendto
    original_getaddrinfo = socket.getaddrinfo

    def guarded_connect(self: socket.socket, address: object) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise _refuse(address)
        return original_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: object) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise _refuse(address)
        return original_connect_ex(self, address)

    def guarded_sendto(self: socket.socket, data: bytes, *args: object) -> int:
        address = args[-1]
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise _refuse(address)
        return original_sendto(self, data, *args)

    def guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> list:
        if not _is_local(host):
            raise _refuse(host)
        return original_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.socket.sendto = guarded_sendto
    socket.getaddrinfo = guarded_getaddrinfo
    _installed = True


def configure_test_environment(environ: MutableMapping[str, str] = os.environ) -> None:
    """Set what every process of a test run (notebook kernels included) must inherit.

    TensorFlow's C++ log noise is quietened before any kernel starts (inside a notebook
    is too late; the kernels keep what is left out of the cells anyway, see
    ``scripts/setup_environment.py``), and ``sitecustomize.py`` in this folder blocks the
    network in each Python process started with this environment. TensorFlow's oneDNN
    optimisations stay on, as TensorFlow ships them.
    """
    from helpers.environment import configure

    configure(environ)
    environ["MNIST_TUTORIAL_OFFLINE"] = "1"
    here = str(Path(__file__).resolve().parent)
    paths = [p for p in environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if here not in paths:
        environ["PYTHONPATH"] = os.pathsep.join([here, *paths])
