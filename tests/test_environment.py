"""The environment the set-up builds (scripts/setup_environment.py): what every learner gets."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
from nbclient import NotebookClient


def test_numpy_2_and_a_clean_pip_check():
    assert int(np.__version__.split(".")[0]) >= 2, np.__version__
    result = subprocess.run(
        [sys.executable, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_kernels_keep_cpp_output_out_of_the_cells():
    # TensorFlow's C++ start-up notices go to file descriptor 2. The set-up's kernel settings
    # leave them in the terminal; Python's own print() and warnings still reach the cell.
    config = Path(sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
    assert "capture_fd_output = False" in config.read_text(encoding="utf-8")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(
            "import os, sys\n"
            "os.write(2, b'a C++ library writes this to fd 2\\n')\n"
            "print('printed by Python')\n"
            "print('warned by Python', file=sys.stderr)"
        )
    ]
    NotebookClient(notebook, kernel_name="python3", timeout=120).execute()
    text = "".join(output.get("text", "") for output in notebook.cells[0].outputs)
    assert "printed by Python" in text and "warned by Python" in text
    assert "C++ library" not in text
