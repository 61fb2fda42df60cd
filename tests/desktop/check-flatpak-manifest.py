#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest has what flatpak-builder requires and the
sandbox stays minimal: files come through portals, never host folders."""
import json, sys

path, app_id = sys.argv[1], sys.argv[2]
errors = []
try:
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
except (OSError, ValueError) as e:
    sys.exit(f"{path}: not valid JSON: {e}")

def need(obj, key, kind, where):
    if not isinstance(obj.get(key), kind):
        errors.append(f"{where}: '{key}' is missing or not a {kind.__name__}")
        return None
    return obj[key]

if manifest.get("id", manifest.get("app-id")) != app_id:
    errors.append(f"id must be {app_id}")
for key in ("runtime", "runtime-version", "sdk", "command"):
    need(manifest, key, str, "manifest")
if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
    errors.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
if manifest.get("command") != "liaison":
    errors.append("command must be liaison")

for arg in manifest.get("finish-args", []):
    if arg.startswith("--filesystem=") or arg in ("--socket=session-bus", "--socket=system-bus", "--device=all"):
        errors.append(f"finish-args: {arg} is broader than the app needs (files go through portals)")

modules = need(manifest, "modules", list, "manifest") or []
if not modules:
    errors.append("modules: empty")
for i, module in enumerate(modules):
    if isinstance(module, str):
        continue
    where = f"modules[{i}]"
    need(module, "name", str, where)
    if module.get("buildsystem", "autotools") not in ("meson", "cmake", "cmake-ninja", "autotools", "simple", "qmake"):
        errors.append(f"{where}: unknown buildsystem {module.get('buildsystem')}")
    for j, source in enumerate(need(module, "sources", list, where) or []):
        if not isinstance(source, dict) or "type" not in source:
            errors.append(f"{where}.sources[{j}]: needs a type")
if modules and modules[-1].get("name") != "liaison":
    errors.append("the last module must build liaison itself")
if "-Dwerror_ours=false" not in (modules[-1].get("config-opts", []) if modules else []):
    errors.append("liaison must build with -Dwerror_ours=false against the newer runtime")

if errors:
    print("\n".join(f"{path}: {e}" for e in errors))
    sys.exit(1)
print(f"{path}: ok")
