#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Translation checks:
#  1. every source or data file with translatable strings is in POTFILES.in;
#     and no source file builds a user-visible message from an untranslated
#     literal (check-untranslated.py: g_set_error, g_printerr), which the
#     first check cannot see in a file that has no marker at all;
#  2. every file in POTFILES.in exists;
#  3. each language in LINGUAS is complete: all current messages translated,
#     none fuzzy, and msgfmt --check finds no format mismatch;
#  4. Chinese translations use full-width punctuation in sentences
#     (check-punctuation.py), and that checker still catches a bad entry.
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

here=$(dirname "$0")
"${PYTHON:-python3}" "$here/check-untranslated.py" src || status=1

while IFS= read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done < po/POTFILES.in

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
# data/its/ holds the rule that reads data/playbook.xml.
GETTEXTDATADIRS="$PWD/data${GETTEXTDATADIRS:+:$GETTEXTDATADIRS}" \
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

# The punctuation checker must fail on ASCII marks in Chinese sentences
# and let the allowed ASCII (mnemonics, formats, code, literals) pass.
check_punct=("${PYTHON:-python3}" "$here/check-punctuation.py")
cat > "$tmp/bad.po" <<'EOF'
msgid "Name: %s"
msgstr "名称:%s"

msgid "Save changes?"
msgstr "保存更改?"

msgid "%s: %d of 5"
msgstr "%s:%d 分(满分 5)"
EOF
cat > "$tmp/good.po" <<'EOF'
msgid "_Save"
msgstr "保存(_S)"

msgid "%a %e %b, %H:%M"
msgstr "%-m月%-d日 %a %H:%M"

msgid "expected “,” or “}”"
msgstr "此处应为“,”或“}”"

msgid "requirements;meeting;"
msgstr "requirements;meeting;需求;会议;"

msgid "see https://example.com/a?b=c, then run `liaison-cli check`"
msgstr "参见 https://example.com/a?b=c，然后运行 `liaison-cli check`"
EOF
if "${check_punct[@]}" "$tmp/bad.po" > "$tmp/bad.log" 2>&1 \
   || [ "$(grep -c 'beside Chinese' "$tmp/bad.log")" != 3 ]; then
  echo "check-punctuation.py did not flag all three bad sample entries:"
  cat "$tmp/bad.log"
  status=1
fi
if ! "${check_punct[@]}" "$tmp/good.po"; then
  echo "check-punctuation.py flagged allowed ASCII in the good sample"
  status=1
fi

for lang in $(grep -v '^#' po/LINGUAS); do
  case "$lang" in
    zh*|ja*|ko*) "${check_punct[@]}" "po/$lang.po" || status=1 ;;
  esac
done

exit $status
