#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What Flathub's and GNOME Circle's reviews ask of the metainfo beyond
`appstreamcli validate` (which Debian 12's AppStream 0.16 runs without
knowing <developer>): a summary of at most 35 characters that the desktop
file's Comment repeats, a developer with an id and a name, light and dark
brand colours, the project's links, what the app provides, screenshots
pinned to a commit or tag (a branch moves under a published release), each
with its zh_CN variant where one exists and present in the repository,
and notes for every release, the newest being the build's version.
Usage: check-metainfo.py METAINFO DESKTOP VERSION SOURCE_ROOT"""
import configparser, os, re, subprocess, sys
import xml.etree.ElementTree as ET

metainfo, desktop, version, top = sys.argv[1:5]
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
errors = []
root = ET.parse(metainfo).getroot()

summary = root.findtext("summary") or ""
if len(summary) > 35:
    errors.append("summary is %d characters (at most 35): %r" % (len(summary), summary))
if summary.endswith(".") or summary.startswith("Liaison"):
    errors.append("summary must not end in a full stop or repeat the name: %r" % summary)
entry = configparser.RawConfigParser(strict=False)
entry.read(desktop, encoding="utf-8")
if entry.get("Desktop Entry", "Comment", fallback=None) != summary:
    errors.append("the desktop file's Comment must be the summary %r" % summary)

dev = root.find("developer")
if dev is None or not dev.get("id") or not (dev.findtext("name") or "").strip():
    errors.append("<developer id=\"…\"><name>…</name></developer> is missing")

colours = {c.get("scheme_preference"): c.text for c in root.findall("branding/color[@type='primary']")}
for scheme in ("light", "dark"):
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", colours.get(scheme) or ""):
        errors.append("<branding> needs a primary colour for the %s scheme" % scheme)

urls = {u.get("type"): u.text for u in root.findall("url")}
for kind in ("homepage", "bugtracker", "vcs-browser", "help", "contribute", "translate"):
    if not (urls.get(kind) or "").startswith("https://"):
        errors.append("<url type=\"%s\"> is missing" % kind)

provides = root.find("provides")
if provides is None or provides.findtext("mediatype") != "application/x-liaison-workspace" \
        or "liaison-cli" not in [b.text for b in provides.findall("binary")]:
    errors.append("<provides> must name the MIME type and the liaison-cli binary")

def in_repository(ref, path):
    if not os.path.isdir(os.path.join(top, ".git")):
        return os.path.exists(os.path.join(top, path))
    r = subprocess.run(["git", "-C", top, "cat-file", "-e", "%s:%s" % (ref, path)], capture_output=True)
    if r.returncode == 0:
        return True
    # A shallow clone may not hold the commit: the file must be here then.
    return os.path.exists(os.path.join(top, path))

shots = root.findall("screenshots/screenshot")
if not shots:
    errors.append("no screenshots")
pinned = re.compile(r"^https://raw\.githubusercontent\.com/liaisonapp/liaison/([0-9a-f]{40}|v[0-9][0-9.]*)/(.+)$")
for i, shot in enumerate(shots):
    images = shot.findall("image")
    if not [im for im in images if im.get(LANG) is None]:
        errors.append("screenshot %d has no untranslated image" % (i + 1))
    for image in images:
        m = pinned.match(image.text or "")
        if not m:
            errors.append("screenshot %d: %s is not pinned to a commit or a tag" % (i + 1, image.text))
        elif not in_repository(m.group(1), m.group(2)):
            errors.append("screenshot %d: %s is not in the repository at %s" % (i + 1, m.group(2), m.group(1)[:12]))
    untranslated = [im.text for im in images if im.get(LANG) is None]
    if untranslated:
        stem = os.path.splitext(untranslated[0].rsplit("/", 1)[1])[0]
        has_zh = any(os.path.exists(os.path.join(top, "docs", "screenshots", stem + sep + "zh_CN.png")) for sep in (".", "-"))
        if has_zh and not [im for im in images if im.get(LANG) == "zh_CN"]:
            errors.append("screenshot %d: docs/screenshots has a zh_CN variant; list it with xml:lang=\"zh_CN\"" % (i + 1))

releases = root.findall("releases/release")
if not releases:
    errors.append("no releases")
elif releases[0].get("version") != version:
    errors.append("the newest release is %s, the build's version %s" % (releases[0].get("version"), version))
for r in releases:
    if r.find("description") is None or not "".join(r.find("description").itertext()).strip():
        errors.append("release %s has no notes" % r.get("version"))
dates = [r.get("date") for r in releases]
if dates != sorted(dates, reverse=True):
    errors.append("releases must run newest first")

for e in errors:
    print("%s: %s" % (metainfo, e), file=sys.stderr)
sys.exit(1 if errors else 0)
