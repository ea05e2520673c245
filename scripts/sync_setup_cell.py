"""Write the hosted-runtime install cell into every notebook, and the README's Colab links.

Every numbered notebook starts (after its title) with the same two cells: one sentence that
says what the next cell is for, and the install cell itself, tagged ``hosted-setup``. Both are
generated here from :data:`helpers.hosted.SERIES_GIT_URL`, the one place the series' address
is set, and so are the "Open in Colab" links between the README's ``hosted-links`` markers.
A fork changes that one value and runs ``make format``.

Usage:
  python scripts/sync_setup_cell.py          write the cells and the links (``make format``)
  python scripts/sync_setup_cell.py --check  exit 1 when a notebook or the README differs
                                             (``make lint``, and a unit test)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from helpers.hosted import SERIES_GIT_URL, colab_url

ROOT = Path(__file__).resolve().parents[1]

TAG = "hosted-setup"
CLONE = "mnist-series"

EXPLANATION = """\
**In Google Colab or another hosted runtime** (a service that runs notebooks on its own machines),
run the next cell first: it installs the series (its helpers, the MNIST data and the trained
networks; about a minute, and again in each new runtime, which in Colab means each lesson) without
replacing the runtime's TensorFlow, Keras or NumPy, and ends with the line "The series is
installed". Numbers and timings there can differ slightly from the ones saved here, as on any
other machine. If the cell stops with an error, run it again: it carries on where it stopped.
Where the series is already installed (on your own machine, set up as the README says), the cell
does nothing and prints nothing."""


def setup_source(git_url: str = SERIES_GIT_URL) -> str:
    """The install cell's code, with ``git_url`` as the series' address."""
    return f"""\
# Installs the series where it is missing or half-installed (a new Colab runtime, say) and
# applies Colab's kernel settings; on your own machine, set up as the README says, it does
# nothing.
import importlib
import os
import shutil
import subprocess
import sys

SERIES_GIT_URL = "{git_url}"
try:
    import helpers.hosted

    ready = helpers.hosted.series_ready()
except ImportError:
    ready = False
if not ready:
    print(f"Installing the series for {{sys.executable}} (about a minute) ...")
    if not os.path.isfile("{CLONE}/pyproject.toml"):  # none yet, or an interrupted clone
        shutil.rmtree("{CLONE}", ignore_errors=True)
        clone = ["git", "clone", "--quiet", "--depth=1", SERIES_GIT_URL, "{CLONE}"]
        subprocess.run(clone, check=True)
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "./{CLONE}"]
    subprocess.run(pip, check=True)
    importlib.invalidate_caches()
    import helpers.hosted

    helpers.hosted.finish_set_up("{CLONE}")
helpers.hosted.configure_kernel()"""


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def setup_cells(git_url: str = SERIES_GIT_URL) -> list[dict]:
    """The markdown cell and the code cell, as they stand in every notebook."""
    return [
        {
            "cell_type": "markdown",
            "id": "hosted-setup-note",
            "metadata": {"tags": [f"{TAG}-note"]},
            "source": _lines(EXPLANATION),
        },
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "hosted-setup",
            "metadata": {"tags": [TAG]},
            "outputs": [],
            "source": _lines(setup_source(git_url)),
        },
    ]


def _tagged(cell: dict, tag: str) -> bool:
    return tag in cell.get("metadata", {}).get("tags", [])


def with_setup_cells(notebook: dict, git_url: str = SERIES_GIT_URL) -> dict:
    """``notebook`` with the two install cells right after its title cell, sources up to date.

    Outputs and execution counts of an existing install cell are kept (they are the notebook's
    last run); only its source is rewritten.
    """
    cells = notebook["cells"]
    note, code = setup_cells(git_url)
    old_code = next((c for c in cells if _tagged(c, TAG)), None)
    if old_code is not None:
        code = {**old_code, "source": code["source"]}
    rest = [c for c in cells if not (_tagged(c, TAG) or _tagged(c, f"{TAG}-note"))]
    return {**notebook, "cells": [rest[0], note, code, *rest[1:]]}


def readme_links(notebooks: list[str], git_url: str = SERIES_GIT_URL) -> str:
    """The README's list of Colab links, one per lesson."""
    lines = [f"- [{name.removesuffix('.ipynb')}]({colab_url(name, git_url)})" for name in notebooks]
    return "\n".join(lines)


LINKS = re.compile(r"(<!-- hosted-links:start -->\n)(.*?)(<!-- hosted-links:end -->)", re.S)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report differences")
    args = parser.parse_args()
    stale = []
    paths = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    solutions = sorted((ROOT / "notebooks" / "solutions").glob("[0-9]*.ipynb"))
    for path in paths + solutions:
        text = path.read_text(encoding="utf-8")
        updated = json.dumps(
            with_setup_cells(json.loads(text)), indent=1, sort_keys=True, ensure_ascii=False
        )
        if updated + "\n" != text:
            stale.append(path)
            if not args.check:
                path.write_text(updated + "\n", encoding="utf-8")
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    if not LINKS.search(text):
        print("README.md lacks the <!-- hosted-links:start --> … :end --> markers.")
        return 1
    links = readme_links([p.name for p in paths]) + "\n"
    updated = LINKS.sub(lambda m: m.group(1) + links + m.group(3), text)
    if updated != text:
        stale.append(readme)
        if not args.check:
            readme.write_text(updated, encoding="utf-8")
    names = ", ".join(str(p.relative_to(ROOT)) for p in stale)
    if args.check and stale:
        print(
            f"{names}: the hosted install cell or the Colab links differ from "
            "helpers.hosted.SERIES_GIT_URL: run `make format` (scripts/sync_setup_cell.py)."
        )
        return 1
    if stale:
        print(f"wrote {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
