#!/usr/bin/env bash
# Debian's chromium for the browser tests: installed if missing (the tests
# drive it through Playwright with executable_path, no browser download).
source "$(dirname "$0")/common.sh"

browser="${CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$browser" ]; then
  echo "Installing Debian's chromium for the browser tests..." >&2
  apt_get="apt-get"
  [ "$(id -u)" -eq 0 ] || apt_get="sudo apt-get"
  $apt_get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium >&2
  browser="$(command -v chromium)"
fi
echo "$browser"
