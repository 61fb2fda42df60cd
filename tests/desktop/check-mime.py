#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The built MIME type definition: the workspace type, its glob and parent
type, its comment in English and translated (zh_CN), and that
update-mime-database takes it.  Usage: check-mime.py MIME_XML"""
import os, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
path = sys.argv[1]
errors = []

root = ET.parse(path).getroot()
types = root.findall(NS + "mime-type")
if [t.get("type") for t in types] != ["application/x-liaison-workspace"]:
    errors.append("expected one type, application/x-liaison-workspace")
else:
    t = types[0]
    if [g.get("pattern") for g in t.findall(NS + "glob")] != ["*.liaison"]:
        errors.append("the glob must be *.liaison")
    if [s.get("type") for s in t.findall(NS + "sub-class-of")] != ["application/json"]:
        errors.append("the type must be a sub-class of application/json")
    comments = {c.get(LANG): c.text for c in t.findall(NS + "comment")}
    if comments.get(None) != "Liaison workspace":
        errors.append("the untranslated comment must be “Liaison workspace”, not %r" % comments.get(None))
    if not comments.get("zh_CN") or comments.get("zh_CN") == comments.get(None):
        errors.append("the comment has no zh_CN translation (is the .xml.in in po/POTFILES.in?)")

if shutil.which("update-mime-database"):
    with tempfile.TemporaryDirectory() as data:
        d = os.path.join(data, "mime")
        os.makedirs(os.path.join(d, "packages"))
        shutil.copy(path, os.path.join(d, "packages"))
        env = dict(os.environ, XDG_DATA_DIRS=data)
        r = subprocess.run(["update-mime-database", d], capture_output=True, text=True, env=env)
        if r.returncode != 0 or r.stderr.strip():
            errors.append("update-mime-database: %s" % (r.stderr.strip() or r.returncode))
        elif "application/x-liaison-workspace" not in open(os.path.join(d, "types")).read():
            errors.append("update-mime-database did not list the type")

for e in errors:
    print("%s: %s" % (path, e), file=sys.stderr)
sys.exit(1 if errors else 0)
