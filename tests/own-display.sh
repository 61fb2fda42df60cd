#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs one GTK test on an X server and a session bus of its own, so that
# the UI suites run side by side (meson test runs two at a time on two
# cores) without sharing keyboard focus, a unique application name or a
# Secret Service.  The server and the bus run on the real clock: under
# the date matrix's faketime wrapper only the test itself has the faked
# one.
#
#   own-display.sh TEST [ARG…]
set -u

preload=${LD_PRELOAD-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/lia-display.XXXXXX") || exit 99
xvfb_pid=
bus_pid=

cleanup() {
  [ -n "$bus_pid" ] && kill "$bus_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -displayfd: the server picks a free display number and writes it once
# it accepts connections, so two tests starting at once never race for
# one number.
LD_PRELOAD= Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3>"$dir/display" >/dev/null 2>&1 &
xvfb_pid=$!
i=0
while [ ! -s "$dir/display" ]; do
  i=$((i + 1))
  if [ $i -gt 200 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "own-display.sh: Xvfb did not start" >&2
    exit 99
  fi
  sleep 0.05
done
DISPLAY=":$(cat "$dir/display")"
export DISPLAY

LD_PRELOAD= dbus-daemon --session --fork --print-address=3 --print-pid=4 \
  3>"$dir/address" 4>"$dir/pid" 2>/dev/null || { echo "own-display.sh: no session bus" >&2; exit 99; }
DBUS_SESSION_BUS_ADDRESS=$(head -n1 "$dir/address")
bus_pid=$(cat "$dir/pid")
export DBUS_SESSION_BUS_ADDRESS

if [ -n "$preload" ]; then
  LD_PRELOAD=$preload "$@"
else
  "$@"
fi
status=$?
exit $status
