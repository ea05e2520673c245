"""`make lab` starts a JupyterLab server that serves the notebooks on localhost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.lab_server import free_port, get, stop

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "smoke-test-token"


@pytest.mark.skipif(sys.platform == "win32", reason="uses make and process groups")
def test_make_lab_serves_the_notebooks(tmp_path):
    port = free_port()
    venv = Path(sys.prefix)
    lab_args = (
        f"--no-browser --ip=127.0.0.1 --port={port} --IdentityProvider.token={TOKEN} "
        f"--ServerApp.root_dir={ROOT} --allow-root"
    )
    # -o: take the installed environment as it is (never reinstall from inside a test).
    command = ["make", "lab", f"VENV={venv}", "-o", f"{venv}/.installed", f"LAB_ARGS={lab_args}"]
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path)}
    log = (tmp_path / "lab.log").open("w")
    server = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 90
        status = None
        while time.monotonic() < deadline and server.poll() is None:
            status, body = get(f"{base}/api/contents/notebooks?token={TOKEN}")
            if status is not None:
                break
            time.sleep(0.5)
        assert status == 200, (tmp_path / "lab.log").read_text()
        names = {item["name"] for item in json.loads(body)["content"]}
        assert "01_explore_the_data.ipynb" in names
        lab_status, lab_page = get(f"{base}/lab?token={TOKEN}")
        assert lab_status == 200 and b"JupyterLab" in lab_page
    finally:
        stop(server)
        log.close()
