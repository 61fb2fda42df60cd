#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What Flathub's and GNOME Circle's reviews ask of the metainfo beyond
`appstreamcli validate` (which Debian 12's AppStream 0.16 runs without
knowing <developer>): a summary of at most 35 characters that the desktop
file's Comment repeats, a developer with an id and a name, light and dark
brand colours, the project's links, what the app provides, screenshots
pinned to a commit or tag (a branch moves under a published release), each
a PNG of docs/screenshots/ present in the repository at that commit, at
most 1000×700 pixels (Flathub's limit, shadow included) and with its
zh_CN variant, and notes for every release, the newest being the build's
version.
Usage: check-metainfo.py METAINFO DESKTOP VERSION SOURCE_ROOT"""
import configparser, os, re, struct, subprocess, sys
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
    """The file's bytes at ref, or None when it is not there."""
    if os.path.exists(os.path.join(top, ".git")):
        r = subprocess.run(["git", "-C", top, "cat-file", "blob", "%s:%s" % (ref, path)], capture_output=True)
        if r.returncode == 0:
            return r.stdout
    # A tarball, or a shallow clone without the commit: the file must be here then.
    try:
        with open(os.path.join(top, path), "rb") as f:
            return f.read()
    except OSError:
        return None

def png_size(data):
    """Width and height from a PNG's IHDR chunk, or None if it is no PNG."""
    if len(data) < 24 or data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])

MAX_W, MAX_H = 1000, 700

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
            continue
        ref, path = m.groups()
        if not re.fullmatch(r"docs/screenshots/[A-Za-z0-9_.-]+\.png", path):
            errors.append("screenshot %d: %s is not a PNG of docs/screenshots/" % (i + 1, path))
            continue
        data = in_repository(ref, path)
        if data is None:
            errors.append("screenshot %d: %s is not in the repository at %s" % (i + 1, path, ref[:12]))
            continue
        size = png_size(data)
        if size is None:
            errors.append("screenshot %d: %s at %s is not a PNG" % (i + 1, path, ref[:12]))
        elif size[0] > MAX_W or size[1] > MAX_H:
            errors.append("screenshot %d: %s at %s is %d×%d pixels (Flathub: at most %d×%d, shadow included)"
                          % (i + 1, path, ref[:12], size[0], size[1], MAX_W, MAX_H))
    # The Chinese UI is half of what Liaison is for: every screenshot shows it.
    if not [im for im in images if im.get(LANG) == "zh_CN"]:
        errors.append("screenshot %d: no zh_CN variant (<image xml:lang=\"zh_CN\">)" % (i + 1))

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
