#!/usr/bin/env bash
# The check on the other supported Pythons, after `make test` has run the full suite on the
# default one: for each of 3.10, 3.12 and 3.13 found on this machine (pythonX.Y on PATH, else a
# pyenv build), a fresh environment .venv-X.Y made by the same set-up as `make test` (install,
# pip check, the MNIST digests), then the unit tests and notebook 01 under nbval. Which Python
# is used for each: scripts/find_python.sh.
# Usage: scripts/python_matrix.sh [VERSION ...]   (default: 3.10 3.12 3.13)
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
for version in "${@:-3.10 3.12 3.13}"; do
  for v in $version; do
    if ! python=$(scripts/find_python.sh "$v"); then
      echo "== Python $v: not found on this machine, skipped"
      continue
    fi
    echo "== Python $v: $python"
    start=$SECONDS
    if make --no-print-directory check-python PYTHON="$python" VENV=".venv-$v"; then
      echo "== Python $v: passed in $((SECONDS - start)) s"
    else
      echo "== Python $v: FAILED after $((SECONDS - start)) s"
      failed+=("$v")
    fi
  done
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "python matrix: failed on ${failed[*]}"
  exit 1
fi
echo "python matrix: passed"
