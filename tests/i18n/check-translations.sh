#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Translation checks:
#  1. every source or data file with translatable strings is in POTFILES.in;
#  2. every file in POTFILES.in exists;
#  3. each language in LINGUAS is complete: all current messages translated,
#     none fuzzy, and msgfmt --check finds no format mismatch.
set -euo pipefail
top=$1
cd "$top"
status=0

while IFS= read -r f; do
  if grep -qE '(\b_\(|\bN_\(|\bC_\(|\bNC_\(|translatable="yes")' "$f" \
     && ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done < <(find src data -type f \( -name '*.c' -o -name '*.ui' -o -name '*.in' -o -name '*.xml' \) | sort)

while IFS= read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dpgettext2:2c,3 --keyword=g_dngettext:2,3 \
  --flag=g_strdup_printf:1:c-format --flag=g_set_error:4:c-format \
  -f "$tmp/files" -o "$tmp/liaison.pot" 2> "$tmp/xgettext.log"
if grep -q 'warning' "$tmp/xgettext.log"; then
  cat "$tmp/xgettext.log"
  status=1
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  po="po/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1 | tail -n 1)
  echo "$lang: $stats"
  case "$stats" in *untranslated*|*fuzzy*|*error*) status=1 ;; esac
  if ! msgcmp "$po" "$tmp/liaison.pot" 2> "$tmp/msgcmp.log"; then
    echo "$lang lacks translations of current strings (run: meson compile -C _build liaison-update-po):"
    head -n 20 "$tmp/msgcmp.log"
    status=1
  fi
done

exit $status
