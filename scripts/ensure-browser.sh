#!/usr/bin/env bash
# What the server's pictures and documents and the browser tests need, from Debian: Chromium, a CJK font
# (without one every Chinese label renders as boxes), poppler-utils (pdftotext/pdftoppm read the PDFs in
# tests) and ffmpeg (mp4 playback; GIF needs nothing).
#
#   scripts/ensure-browser.sh               install what is missing, in the foreground (npm test)
#   scripts/ensure-browser.sh --background  never delay or fail the start (npm start): install in the
#                                           background, log to $DATA_DIR/ensure-browser.log; offline or
#                                           without apt the server still starts and its endpoints say
#                                           what is missing
set -uo pipefail
mode="${1:-}"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Read the font list first: `fc-list | grep -q` under pipefail fails when grep stops early (SIGPIPE).
fonts="$(fc-list 2>/dev/null || true)"
grep -qi "Noto Sans CJK" <<<"$fonts" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi
fi

install() {
  if [ "$SUDO" = "none" ] || ! command -v apt-get >/dev/null; then
    echo "cannot install ${missing[*]}: apt-get as root is not available here"
    return 1
  fi
  echo "installing ${missing[*]} with apt-get"
  # A machine without network must not hang here: apt gets two minutes to refresh its lists.
  timeout 120 $SUDO apt-get update -qq || echo "apt-get update failed (offline?); trying the cached lists"
  local others=()
  for package in "${missing[@]}"; do [ "$package" = ffmpeg ] || others+=("$package"); done
  if [ ${#others[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq "${others[@]}" >/dev/null || return 1
  fi
  if [[ " ${missing[*]} " == *" ffmpeg "* ]]; then
    DEBIAN_FRONTEND=noninteractive timeout 900 $SUDO apt-get install -y -qq --no-install-recommends ffmpeg >/dev/null ||
      echo "ffmpeg could not be installed: mp4 playback stays unavailable (GIF works)"
  fi
}

if [ "$mode" = "--background" ]; then
  log="${DATA_DIR:-var}/ensure-browser.log"
  mkdir -p "$(dirname "$log")"
  echo "missing for snapshots and documents: ${missing[*]}; installing in the background (log: $log)"
  ( install >"$log" 2>&1 || echo "install failed; the snapshot and PDF endpoints will answer 503 naming what is missing" >>"$log" ) </dev/null &
  disown
  exit 0
fi
install
