#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the pinned dependencies, once:
# it installs again only when requirements.txt, requirements.lock or
# pyproject.toml change.
source "$(dirname "$0")/common.sh"

stamp="$VENV/.installed"
wanted="$(cat requirements.txt requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
  exit 0
fi

if [ ! -x "$BIN/python" ]; then
  python="$(bash scripts/find-python.sh)"
  echo "Creating .venv with $python"
  "$python" -m venv "$VENV"
fi
echo "Installing dependencies into .venv (the first time takes a few minutes)"
"$BIN/python" -m pip install --quiet --upgrade pip
"$BIN/python" -m pip install --quiet -r requirements.txt -c requirements.lock
"$BIN/python" -m pip install --quiet --no-deps --no-build-isolation -e .
echo "$wanted" > "$stamp"
