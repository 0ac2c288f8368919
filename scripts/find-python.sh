#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 runs on 3.10, not 3.11):
# $PYTHON if set, then python3.10 on PATH, then pyenv's 3.10 versions.
set -u

works() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; }

for candidate in "${PYTHON:-}" python3.10 /usr/bin/python3.10 /usr/local/bin/python3.10; do
  [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 && works "$candidate" \
    && { command -v "$candidate"; exit 0; }
done

pyenv_root="$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")"
for candidate in $(ls -d "$pyenv_root"/versions/3.10*/bin/python3.10 2>/dev/null | sort -V -r); do
  works "$candidate" && { echo "$candidate"; exit 0; }
done

cat >&2 <<'MSG'
Python 3.10 was not found. Rasa 3.6 needs Python 3.10 (it does not run on 3.11).
Install it (e.g. `pyenv install 3.10`, or your system's python3.10 package), or
point to it with PYTHON=/path/to/python3.10 make run
MSG
exit 1
