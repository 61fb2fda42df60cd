#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-untranslated.py must report each untranslated message in the bad
# fixture (among them the call lia-confluence.c had) and pass the good one.
set -euo pipefail
here=$(dirname "$0")
check=("${PYTHON:-python3}" "$here/check-untranslated.py")
status=0

if out=$("${check[@]}" "$here/fixtures/untranslated-bad.c"); then
  echo "check-untranslated.py passed the bad fixture"
  status=1
fi
echo "$out"
for line in 10 14 15; do
  grep -q "untranslated-bad.c:$line:" <<< "$out" || { echo "line $line not reported"; status=1; }
done
[ "$(grep -c 'untranslated message' <<< "$out")" = 3 ] || { echo "expected exactly 3 reports"; status=1; }

"${check[@]}" "$here/fixtures/untranslated-good.c" || { echo "check-untranslated.py flagged the good fixture"; status=1; }
exit $status
