#!/usr/bin/env bash
# Regenerate constraints.txt: the exact versions of every Python package the project and its
# tests install, resolved from pyproject.toml's minimum versions in a fresh virtual
# environment. The README's commands and .ci/run install with `-c constraints.txt`, so every
# fresh clone gets the tested set. Run after changing dependencies; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
python=${PYTHON:-python3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$python" -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install -q --upgrade pip
"$scratch/venv/bin/python" -m pip install -q -e ".[test]"
{
  echo "# The tested versions of every Python package (scripts/update-constraints.sh writes this)."
  echo "# Install with: python -m pip install -c constraints.txt -e \".[test]\""
  "$scratch/venv/bin/python" -m pip freeze --exclude-editable --all | grep -v '^pip=='
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages)"
