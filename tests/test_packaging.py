"""The installed package holds every module of ``helpers``.

Hosted runtimes (and ``make hosted``) install the series with a plain, non-editable
``pip install``; a subpackage that pyproject.toml does not name works here (the editable install
reads the source folder) and fails there with ``ModuleNotFoundError``. (Read as text: Python 3.10
has no ``tomllib``, and the 3.12+ environments have no setuptools to ask.)
"""

import re
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def package_patterns() -> list[str]:
    """The package names, or ``include`` patterns, that pyproject.toml gives setuptools."""
    text = (ROOT / "pyproject.toml").read_text()
    find = re.search(r"^\[tool\.setuptools\.packages\.find\]\n((?:[^\[\n].*\n|\n)*)", text, re.M)
    if find:
        include = re.search(r"^include\s*=\s*\[(.*?)\]", find.group(1), re.M | re.S)
        return re.findall(r'"([^"]+)"', include.group(1)) if include else ["*"]
    listed = re.search(r"^\[tool\.setuptools\]\n(?:.*\n)*?packages\s*=\s*\[(.*?)\]", text, re.M)
    assert listed, "pyproject.toml names no packages for setuptools"
    return re.findall(r'"([^"]+)"', listed.group(1))


def test_every_helpers_package_goes_into_the_wheel() -> None:
    in_source = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "helpers").rglob("__init__.py")
    }
    assert "helpers.exercises" in in_source
    patterns = package_patterns()
    missing = {name for name in in_source if not any(fnmatchcase(name, p) for p in patterns)}
    assert not missing, f"pyproject.toml leaves {sorted(missing)} out of the wheel"
