"""The installed package holds every module of ``helpers``.

Hosted runtimes (and ``make hosted``) install the series with a plain, non-editable
``pip install``; a subpackage that pyproject.toml does not name works here (the editable install
reads the source folder) and fails there with ``ModuleNotFoundError``.
"""

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def packages_the_wheel_gets() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    packages = config.get("packages", [])
    if isinstance(packages, dict):  # [tool.setuptools.packages.find]
        found = packages["find"]
        return set(find_packages(where=str(ROOT), include=found.get("include", ["*"])))
    return set(packages)


def test_every_helpers_package_goes_into_the_wheel() -> None:
    in_source = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "helpers").rglob("__init__.py")
    }
    assert "helpers.exercises" in in_source
    missing = in_source - packages_the_wheel_gets()
    assert not missing, f"pyproject.toml leaves {sorted(missing)} out of the wheel"
