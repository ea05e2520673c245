#!/usr/bin/env bash
# Tomorrow's releases, today: a fresh environment .venv-newest on the newest Python the series
# supports, with the newest release of every dependency that pyproject.toml's ranges allow (no
# pins: `pip install --upgrade -e ".[tensorflow,lab,test]"`), the same set-up as every other
# environment, then the whole suite as `make test` runs it (unit tests and every notebook under
# strict nbval, in a fresh copy). It prints the versions it installed and a last line
# "newest releases: passed" or "... FAILED". Run it before a release, once a month, and when a
# hosted runtime announces new versions (see the README's Tests section).
# Usage: scripts/test_newest_releases.sh [PYTHON]   (make newest; default: 3.13, else 3.12 ...)
set -uo pipefail
cd "$(dirname "$0")/.."

python=${1:-}
for version in 3.13 3.12 3.11 3.10; do
  [ -n "$python" ] && break
  python=$(scripts/find_python.sh "$version") || python=""
done
if [ -z "$python" ]; then
  echo "make newest needs Python 3.10 to 3.13, and found none; name one: make newest PYTHON=..." >&2
  exit 1
fi

venv=.venv-newest
start=$SECONDS
rm -rf "$venv"
"$python" -m venv "$venv" &&
  "$venv/bin/python" -m pip install --quiet --upgrade pip &&
  "$venv/bin/python" -m pip install --quiet --upgrade --upgrade-strategy eager -e ".[tensorflow,lab,test]" &&
  "$venv/bin/python" scripts/setup_environment.py || { echo "newest releases: FAILED to install"; exit 1; }
echo "== installed in $((SECONDS - start)) s with $("$venv/bin/python" --version):"
"$venv/bin/python" -m pip freeze | grep -i -E '^(tensorflow|tensorflow[-_]cpu|keras|numpy|pandas|matplotlib|scikit[-_]learn|scipy|pillow|seaborn|ipywidgets|ipycanvas|ai[-_]edge[-_]litert|jupyterlab|ipykernel|nbval|pytest)=='
if "$venv/bin/python" scripts/test_in_fresh_copy.py; then
  echo "newest releases: passed in $((SECONDS - start)) s"
else
  echo "newest releases: FAILED after $((SECONDS - start)) s (see above; fix it, or cap the range in pyproject.toml with a comment saying why)"
  exit 1
fi
