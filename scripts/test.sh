#!/usr/bin/env bash
# The whole suite, in the order a failure is cheapest to find:
# unit tests, data validation, training, conversation tests, end-to-end.
source "$(dirname "$0")/common.sh"

bash scripts/setup.sh
load_env

echo "== Unit tests: actions, safety, privacy, language, content"
"$BIN/python" -m pytest tests/unit -q

echo "== rasa data validate"
"$BIN/rasa" data validate --fail-on-warnings

echo "== Model"
model="$(bash scripts/train.sh)"

echo "== Conversation tests (rasa test)"
"$BIN/rasa" test core --model "$model" --stories tests/stories \
  --fail-on-prediction-errors --out var/results/core

echo "== End to end: the real servers on loopback, and Debian's chromium"
CHROMIUM="$(bash scripts/browser.sh)" MODEL="$model" "$BIN/python" -m pytest tests/e2e -q
