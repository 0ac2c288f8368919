#!/usr/bin/env bash
# Everything a resident and the helpdesk talk to: the action server (5055),
# the Rasa server (5005, REST and socket.io, HTTP API behind $RASA_TOKEN) and
# the helpdesk (8000: case API and staff console). Ctrl-C stops them all.
source "$(dirname "$0")/common.sh"

bash scripts/setup.sh
load_env
model="$(bash scripts/train.sh)"
mkdir -p var/logs
# Conversations and closed cases past the force's retention period go first.
"$BIN/python" -m bot.retention purge

host="${RASA_HOST:-127.0.0.1}"
export HELPDESK_URL="http://127.0.0.1:8000" RASA_URL="http://127.0.0.1:5005"
pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  echo "Stopped."
}
trap stop INT TERM EXIT

"$BIN/python" -m bot.helpdesk serve --port 8000 &
pids+=($!)
"$BIN/python" -m bot.action_server --port 5055 &
pids+=($!)
"$BIN/rasa" run --model "$model" --enable-api --auth-token="$RASA_TOKEN" \
  --interface "$host" --port 5005 --endpoints endpoints.yml --credentials credentials.yml \
  --log-file var/logs/rasa.log &
pids+=($!)

echo "Loading the model (about a minute)..."
until curl -sf "http://$host:5005/" >/dev/null; do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process stopped while starting; see above."; exit 1; }
  done
  sleep 2
done

cat <<MSG

The assistant is running.
  Talk to it (REST):  curl -XPOST http://$host:5005/webhooks/rest/webhook \\
                        -d '{"sender":"a","message":"someone rang from my bank and I moved money to a safe account"}'
  Its memory:         curl "http://$host:5005/conversations/a/tracker?token=\$RASA_TOKEN"   (token in .env)
  Chat page:          http://127.0.0.1:8000/
  Staff console:      http://127.0.0.1:8000/staff/   (first add staff: .venv/bin/python -m bot.helpdesk add-staff NAME)
  Socket.io channel:  http://$host:5005/socket.io
  Force profile:      ${FORCE_PROFILE:-default}   (FORCE_PROFILE: a file in content/forces/)
Ctrl-C stops everything.
MSG

# Stop everything as soon as any process ends.
wait -n "${pids[@]}"
