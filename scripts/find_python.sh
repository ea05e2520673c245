#!/usr/bin/env bash
# Print the path of a Python X.Y that runs on this machine: pythonX.Y on PATH, else the newest
# pyenv build of X.Y (a pyenv shim for a version that is not active is on PATH but fails when
# run, so each candidate is run once to check). Exit 1, printing nothing, when there is none.
# Usage: scripts/find_python.sh 3.13
set -uo pipefail
version=${1:?usage: scripts/find_python.sh X.Y}

runs_as() {
  "$1" -c "import sys; sys.exit(sys.version_info[:2] != tuple(map(int, '$2'.split('.'))))" >/dev/null 2>&1
}

if candidate=$(command -v "python$version") && runs_as "$candidate" "$version"; then
  echo "$candidate"; exit 0
fi
if command -v pyenv >/dev/null 2>&1; then
  candidate=$(pyenv versions --bare 2>/dev/null | grep -E "^${version//./\\.}\.[0-9]+$" | sort -V | tail -n 1)
  if [ -n "$candidate" ] && runs_as "$(pyenv prefix "$candidate")/bin/python" "$version"; then
    echo "$(pyenv prefix "$candidate")/bin/python"; exit 0
  fi
fi
exit 1
