#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the test oracles (the services' published descriptions and a
# JSON Schema validator) into BUILD/oracle/node_modules with npm, at pinned
# versions; nothing is committed and nothing is used at run time.
#
#   tests/oracle/install.sh [BUILD]      (default: _build)
#
# Skipped when the same versions are there already (the stamp file).
set -eu

build=${1:-_build}
dir="$build/oracle"

# Pinned exact versions: a new release of a description is a deliberate
# change, made here and checked with the whole suite.
packages="@atlaskit/adf-schema@57.7.22 @octokit/openapi@23.0.2 commonmark-spec@0.31.2 ajv@8.20.0 ajv-draft-04@1.0.0"

stamp="$dir/installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$packages" ] &&
   [ -f "$dir/node_modules/@atlaskit/adf-schema/dist/json-schema/v1/full.json" ] &&
   [ -f "$dir/node_modules/@octokit/openapi/generated/api.github.com.json" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "tests/oracle/install.sh: npm is needed to install the test oracles (Debian: apt install npm)" >&2
  exit 1
fi
mkdir -p "$dir"
# shellcheck disable=SC2086
npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock $packages >&2
printf '%s' "$packages" > "$stamp"
