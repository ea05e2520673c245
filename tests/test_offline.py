"""The test run is offline: this process and every Python process it starts (kernels)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import textwrap

import pytest

import offline_guard

PUBLIC_ADDRESS = ("192.0.2.1", 443)  # TEST-NET-1: never routed, and never tried here


def test_connections_to_other_machines_are_refused():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(offline_guard.NetworkBlockedError, match="must work offline"):
            sock.connect(PUBLIC_ADDRESS)


def test_name_lookups_of_other_machines_are_refused():
    with pytest.raises(offline_guard.NetworkBlockedError):
        socket.getaddrinfo("storage.googleapis.com", 443)


def test_loopback_stays_open_for_jupyter():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
    assert socket.getaddrinfo("localhost", 80)


def test_child_python_processes_are_offline_too():
    # Notebook kernels are child processes that inherit this environment.
    assert os.environ["MNIST_TUTORIAL_OFFLINE"] == "1"
    assert os.environ["TF_CPP_MIN_LOG_LEVEL"] == "3"
    code = textwrap.dedent(
        """
        import socket
        try:
            socket.create_connection(("192.0.2.1", 443), timeout=1)
        except ConnectionRefusedError as exc:
            print("blocked:", type(exc).__name__)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "blocked: NetworkBlockedError"
