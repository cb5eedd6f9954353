#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# screenshot.sh [options]: build Obeya, run it in a virtual X server and save
# a PNG of what a user sees. README's data/screenshots/board.png comes from
# here, so it can always be made again.
#
#   -w, --workspace FILE   workspace file to open (default: a fresh personal
#                          workspace, i.e. what a first start shows)
#   -s, --size WxH         screen and window size (default 1600x1000)
#   -d, --dark             dark style (OBEYA_COLOR_SCHEME=dark)
#   -o, --output FILE      PNG to write (default data/screenshots/board.png,
#                          or data/screenshots/board-dark.png with --dark)
#   -t, --wait SECONDS     time the app gets before the capture (default 3)
#   -h, --help
#
# The app runs with GSK_RENDERER=cairo (GL is blank or slow under Xvfb), in a
# private D-Bus session, with GSettings in memory and private XDG data, config
# and cache folders: the capture never touches your own settings or personal
# workspace, and every run starts from the same state. The app's output goes
# to OUTPUT with .log instead of .png.
set -euo pipefail

usage () { sed -n '3,22p' "$0" | sed 's/^# \{0,1\}//'; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
workspace="" size=1600x1000 dark=0 output="" wait=3
while (($#)); do
  case $1 in
    -w|--workspace) workspace=$(realpath "$2"); shift 2 ;;
    -s|--size) size=$2; shift 2 ;;
    -d|--dark) dark=1; shift ;;
    -o|--output) output=$2; shift 2 ;;
    -t|--wait) wait=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "screenshot.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $size =~ ^([0-9]+)x([0-9]+)$ ]] || { echo "screenshot.sh: --size wants WxH, e.g. 1600x1000" >&2; exit 2; }
width=${BASH_REMATCH[1]} height=${BASH_REMATCH[2]}
if [[ -z $output ]]; then
  output=$root/data/screenshots/board.png
  ((dark)) && output=$root/data/screenshots/board-dark.png
fi
output=$(realpath -m "$output")
log=${output%.png}.log
if [[ -n $workspace && ! -f $workspace ]]; then
  echo "screenshot.sh: no workspace file $workspace" >&2
  exit 2
fi

# Tools: Xvfb, a session bus, ImageMagick's import, xdotool (to size the
# window to the screen) and GNOME's UI font, so the picture looks like GNOME.
need=()
command -v xvfb-run >/dev/null || need+=(xvfb xauth)
command -v dbus-run-session >/dev/null || need+=(dbus-daemon)
command -v import >/dev/null || need+=(imagemagick)
command -v xdotool >/dev/null || need+=(xdotool)
fc-list 2>/dev/null | grep -qi cantarell || need+=(fonts-cantarell)
if ((${#need[@]})); then
  if [[ $(id -u) != 0 ]] && ! command -v sudo >/dev/null; then
    echo "screenshot.sh: please install: ${need[*]}" >&2
    exit 2
  fi
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  echo "screenshot.sh: installing ${need[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
    || { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; }
fi

make -C "$root" --no-print-directory build >/dev/null
builddir=$root/${BUILDDIR:-_build}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/gtk-4.0" "$tmp/data" "$tmp/cache" "$tmp/state" "$(dirname "$output")"
# GNOME's default UI font; without a settings daemon GTK would use "Sans".
printf '[Settings]\ngtk-font-name=Cantarell 11\n' >"$tmp/config/gtk-4.0/settings.ini"

# Runs inside Xvfb and the private bus.
cat >"$tmp/inner.sh" <<'EOF'
set -u
"$@" >"$SHOT_LOG" 2>&1 &
app=$!
# Wait (at most 20 s) for the main window, then make it fill the screen.
win=""
for _ in $(seq 100); do
  win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -n 1 || true)
  [[ -n $win ]] && break
  kill -0 "$app" 2>/dev/null || break
  sleep 0.2
done
if [[ -z $win ]]; then
  echo "screenshot.sh: the app showed no window (it wrote $SHOT_LOG)" >&2
  kill "$app" 2>/dev/null
  exit 1
fi
xdotool windowmove "$win" 0 0 windowsize "$win" "$SHOT_WIDTH" "$SHOT_HEIGHT"
sleep "$SHOT_WAIT"
status=0
kill -0 "$app" 2>/dev/null || { echo "screenshot.sh: the app quit early (see $SHOT_LOG)" >&2; status=1; }
import -window root "$SHOT_OUT" || status=1
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit $status
EOF

scheme_env=()
((dark)) && scheme_env=(OBEYA_COLOR_SCHEME=dark ADW_DEBUG_COLOR_SCHEME=prefer-dark)

env SHOT_LOG="$log" SHOT_OUT="$output" SHOT_WAIT="$wait" \
    SHOT_WIDTH="$width" SHOT_HEIGHT="$height" \
    GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 \
    GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" \
    XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state" \
    XDG_DATA_DIRS="$root/data:/usr/local/share:/usr/share" \
    "${scheme_env[@]}" \
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" \
  dbus-run-session -- bash "$tmp/inner.sh" "$builddir/src/obeya" ${workspace:+"$workspace"}

echo "screenshot.sh: wrote $output ($(identify -format '%wx%h' "$output"))"
