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
chromium="$(bash scripts/browser.sh)"
CHROMIUM="$chromium" MODEL="$model" "$BIN/python" -m pytest tests/e2e -q

echo "== The storage, helpdesk and fault drills again, on a real PostgreSQL server"
postgres="$(bash scripts/postgres.sh start)"
trap 'bash scripts/postgres.sh stop' EXIT
TEST_POSTGRES_URL="$postgres" MODEL="$model" "$BIN/python" -m pytest -q \
  tests/e2e/test_helpdesk.py tests/e2e/test_security.py \
  "tests/e2e/test_rest.py::test_restarting_the_server_loses_no_conversation"
