"""Copy the figures that README.md shows out of the committed notebooks.

A code cell tagged ``readme:NAME`` has its first PNG output written to
``docs/images/NAME.png``, so every picture in the README is a real notebook output.

Usage: python scripts/export_figures.py [notebooks/*.ipynb]
"""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "images"
TAG_PREFIX = "readme:"


def export(notebook: Path) -> list[Path]:
    """Write each tagged cell's PNG output; return the files written."""
    written = []
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        tags = cell.get("metadata", {}).get("tags", [])
        names = [t.removeprefix(TAG_PREFIX) for t in tags if t.startswith(TAG_PREFIX)]
        if not names or cell["cell_type"] != "code":
            continue
        pngs = [
            o["data"]["image/png"]
            for o in cell.get("outputs", [])
            if "image/png" in o.get("data", {})
        ]
        if not pngs:
            raise SystemExit(
                f"{notebook.name}: cell tagged {names} has no PNG output; run it first"
            )
        for name in names:
            path = TARGET / f"{name}.png"
            path.write_bytes(base64.b64decode(pngs[0]))
            written.append(path)
    return written


def main() -> int:
    notebooks = [Path(a) for a in sys.argv[1:]] or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    TARGET.mkdir(parents=True, exist_ok=True)
    for notebook in notebooks:
        for path in export(notebook):
            print(f"{notebook.name} -> {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
