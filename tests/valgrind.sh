#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `meson test --setup valgrind` runs every test through this script: the
# test under valgrind's memcheck, and the liaison-cli runs the test starts
# (through $LIAISON_CLI, which points back here while the test runs)
# under valgrind too (all of them, or a sample: see below).  A Python
# test runs as it is (the interpreter's own allocations are not ours);
# the liaison-cli it runs is checked.
#
# Each process writes its report to a file of its own; at the end the
# reports with errors are printed and the test fails.  The exit status of
# a liaison-cli is left as it was, so a test that expects status 1 still
# gets 1, and a leak in a run whose status the test ignores still fails.
#
# What fails: memory errors and leaks "definitely" or "indirectly" lost.
# "Possibly lost" (GLib's type system keeps pointers into the middle of
# its blocks) and "still reachable" do not.  tests/valgrind.supp holds
# only what is the libraries' own (libsoup's listener leaks, PCRE2's JIT
# code); none of its entries names our code.
set -u

here=$(cd "$(dirname "$0")" && pwd)

memcheck() {
  log=$1
  shift
  # --vgdb=no: no gdb server (its FIFOs and polling cost a tenth of a
  # liaison-cli's time under valgrind).
  exec valgrind --tool=memcheck --vgdb=no --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --num-callers=30 --suppressions="$here/valgrind.supp" --gen-suppressions=all \
    --log-file="$log" "$@"
}

# A liaison-cli started by a test: the report goes to the test's folder.
# Valgrind takes about a second to start each one, and the CLI suite
# starts about 150: with LIAISON_VALGRIND_CLI_EVERY=N (the setup's), the
# first run of each subcommand in each test and every Nth after it are
# checked, the others run as they are.  LIAISON_VALGRIND_CLI_ALL=1 checks
# every run.
if [ -n "${LIAISON_VALGRIND_CLI:-}" ]; then
  sub=$(printf '%s' "${1:-none}" | tr -c 'A-Za-z0-9-' '_')
  count="$LIAISON_VALGRIND_LOGS/count.$sub"
  n=$(cat "$count" 2>/dev/null || echo 0)
  echo $((n + 1)) >"$count"
  every=${LIAISON_VALGRIND_CLI_EVERY:-1}
  if [ -z "${LIAISON_VALGRIND_CLI_ALL:-}" ] && [ $((n % every)) -ne 0 ]; then
    exec "$LIAISON_VALGRIND_CLI" "$@"
  fi
  memcheck "$LIAISON_VALGRIND_LOGS/liaison-cli.%p" "$LIAISON_VALGRIND_CLI" "$@"
fi

[ $# -gt 0 ] || { echo "usage: $0 TEST [ARG…]" >&2; exit 2; }
LIAISON_VALGRIND_LOGS=$(mktemp -d "${TMPDIR:-/tmp}/liaison-valgrind.XXXXXX")
export LIAISON_VALGRIND_LOGS
if [ -n "${LIAISON_CLI:-}" ]; then
  export LIAISON_VALGRIND_CLI="$LIAISON_CLI" LIAISON_CLI="$here/valgrind.sh"
fi
trap 'rm -rf "$LIAISON_VALGRIND_LOGS"' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

case "$(basename "$1")" in
  python*) "$@" ;;
  *) (memcheck "$LIAISON_VALGRIND_LOGS/test.%p" "$@") ;;
esac
status=$?

# A process killed on purpose (a test of a timeout) leaves a report with
# no summary: nothing to say about its leaks.
for log in "$LIAISON_VALGRIND_LOGS"/test.* "$LIAISON_VALGRIND_LOGS"/liaison-cli.*; do
  [ -f "$log" ] || continue
  if ! grep -q "ERROR SUMMARY: 0 errors" "$log" && grep -q "ERROR SUMMARY:" "$log"; then
    echo "valgrind: errors in $(sed -n 's/^==[0-9]*== Command: //p' "$log" | head -n 1)" >&2
    cat "$log" >&2
    [ "$status" -ne 0 ] || status=1
  fi
done
exit "$status"
