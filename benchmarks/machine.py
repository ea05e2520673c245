"""One line describing where a benchmark ran, printed first by every benchmark script."""

from __future__ import annotations

import os
import platform
import time


def machine_summary() -> str:
    """Processor architecture, CPU count, Python and library versions, and today's date."""
    import keras
    import numpy as np

    parts = [
        f"machine: {platform.machine()}",
        f"{os.cpu_count()} CPUs",
        f"python {platform.python_version()}",
        f"keras {keras.__version__}",
        f"numpy {np.__version__}",
        f"date {time.strftime('%Y-%m-%d')}",
    ]
    return ", ".join(parts)
