#!/usr/bin/env bash
# Trains a model only when data/, config.yml, domain.yml or the NLU checks in
# bot/nlu changed: the model is named after a fingerprint of those files.
# Prints the model's path.
source "$(dirname "$0")/common.sh"

model="models/$(model_fingerprint).tar.gz"
if [ ! -f "$model" ]; then
  echo "Training a model for the current data (a few minutes)" >&2
  started=$(date +%s)
  "$BIN/rasa" train --fixed-model-name "$(basename "$model" .tar.gz)" --out models >&2
  echo "Trained $model in $(( $(date +%s) - started ))s" >&2
fi
echo "$model"
