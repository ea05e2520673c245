#!/usr/bin/env bash
# The check on the other supported Pythons, after `make test` has run the full suite on the
# default one: for each of 3.10, 3.12 and 3.13 found on this machine (pythonX.Y on PATH, else a
# pyenv build), a fresh environment .venv-X.Y made by the same set-up as `make test` (install,
# pip check, the MNIST digests), then the unit tests and notebook 01 under nbval.
# Usage: scripts/python_matrix.sh [VERSION ...]   (default: 3.10 3.12 3.13)
set -uo pipefail
cd "$(dirname "$0")/.."

# True when $1 runs and is Python $2 (a pyenv shim for a version that is not active is on PATH
# but fails when run).
runs_as() {
  "$1" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$2'.split('.'))))" >/dev/null 2>&1
}

find_python() {
  local version=$1 candidate
  if candidate=$(command -v "python$version") && runs_as "$candidate" "$version"; then
    echo "$candidate"; return 0
  fi
  if command -v pyenv >/dev/null 2>&1; then
    candidate=$(pyenv versions --bare 2>/dev/null | grep -E "^${version//./\\.}\.[0-9]+$" | sort -V | tail -n 1)
    if [ -n "$candidate" ] && runs_as "$(pyenv prefix "$candidate")/bin/python" "$version"; then
      echo "$(pyenv prefix "$candidate")/bin/python"; return 0
    fi
  fi
  return 1
}

failed=()
for version in "${@:-3.10 3.12 3.13}"; do
  for v in $version; do
    if ! python=$(find_python "$v"); then
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
