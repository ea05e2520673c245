"""No code in the series loads untrusted data in a way that can run code.

Scans the helpers, scripts, benchmarks and every notebook's code cells.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    r"\bpickle\.loads?\(": "plain pickle.load runs arbitrary code; use a restricted Unpickler",
    r"allow_pickle\s*=\s*True": "np.load with allow_pickle=True can run arbitrary code",
    r"safe_mode\s*=\s*False": "Keras safe_mode=False lets a model file run arbitrary code",
    r"(?<![\w.])(eval|exec)\(": "eval/exec of strings (a method such as Image.eval is fine)",
}


def sources() -> list[tuple[str, str]]:
    found = []
    for folder in ("helpers", "scripts", "benchmarks"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "notebooks").rglob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        found.append((str(path.relative_to(ROOT)), code))
    return found


@pytest.mark.parametrize("name, text", sources(), ids=[name for name, _ in sources()])
def test_no_unsafe_loading(name, text):
    for pattern, why in FORBIDDEN.items():
        assert not re.search(pattern, text), f"{name}: {why}"


@pytest.mark.parametrize("name, text", sources(), ids=[name for name, _ in sources()])
def test_every_np_load_and_load_model_is_explicitly_safe(name, text):
    for call in re.findall(r"np\.load\([^)]*\)", text):
        assert "allow_pickle=False" in call, f"{name}: {call} must pass allow_pickle=False"
    for call in re.findall(r"load_model\([^)]*\)", text):
        assert "safe_mode=True" in call, f"{name}: {call} must pass safe_mode=True"


def test_the_scan_catches_what_it_should_and_only_that():
    pattern = next(p for p in FORBIDDEN if "eval" in p)
    assert re.search(pattern, "x = eval('1 + 1')")
    assert re.search(pattern, "exec(code)")
    assert not re.search(pattern, "Image.eval(image, f)")
    assert not re.search(pattern, "model.evaluate(x, y)")
    assert re.search(r"\bpickle\.loads?\(", "data = pickle.load(handle)")
