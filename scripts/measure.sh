#!/usr/bin/env bash
# make evaluate / make bench: the measurement programs in measure/, in the venv.
source "$(dirname "$0")/common.sh"

bash scripts/setup.sh
"$BIN/python" -m "measure.$1"
