#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A pseudo translation of every string in po/POTFILES.in: each msgstr is
the English accented and wrapped in ⟦…⟧, padded to 130 % of its length,
so that any text on screen that is not wrapped was never translated, and
longer languages' layouts can be seen.  Placeholders (%s, %1$s, %H:%M),
markup, entities and mnemonics are kept as they are.
Usage: make-pseudo-po.py SOURCE_ROOT LOCALE_DIR  (writes
LOCALE_DIR/pseudo/LC_MESSAGES/liaison.mo)"""
import os, re, subprocess, sys, tempfile

top, localedir = sys.argv[1], sys.argv[2]
ACCENTS = dict(zip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                   "áƀçđéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤꝖŔŠŢÚṼŴẊÝŽ"))
KEEP = re.compile(r"%(?:\d+\$)?[-+ #0_^]*\d*(?:\.\d+)?(?:ll|l|h|z|j|t|L)?[a-zA-Z%]"
                  r"|<[^>]*>|&[a-zA-Z#0-9]+;|_.|\\.|https?://\S+")

def pseudo(text):
    if not text.strip():
        return text
    out, pos = [], 0
    for m in KEEP.finditer(text):
        out.append("".join(ACCENTS.get(c, c) for c in text[pos:m.start()]))
        out.append(m.group(0))
        pos = m.end()
    out.append("".join(ACCENTS.get(c, c) for c in text[pos:]))
    body = "".join(out)
    # Leading and trailing white space stays outside the brackets.
    lead = body[:len(body) - len(body.lstrip())]
    trail = body[len(body.rstrip()):]
    core = body.strip()
    pad = "·" * max(1, (len(core) * 3 + 9) // 10)
    return "%s⟦%s%s⟧%s" % (lead, core, pad, trail)

def po_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'

def unquote(lines):
    s = "".join(re.match(r'^\s*(?:msg\w+(?:\[\d+\])?\s+)?"(.*)"\s*$', l).group(1) for l in lines)
    return (s.replace('\\"', '"').replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"))

with tempfile.TemporaryDirectory() as tmp:
    files = [l.strip() for l in open(os.path.join(top, "po", "POTFILES.in"), encoding="utf-8")
             if l.strip() and not l.startswith("#")]
    with open(os.path.join(tmp, "files"), "w") as f:
        f.write("\n".join(files) + "\n")
    env = dict(os.environ, GETTEXTDATADIRS=os.path.join(top, "data"))
    subprocess.run(["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
                    "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=g_dpgettext2:2c,3",
                    "--keyword=g_dngettext:2,3", "-f", os.path.join(tmp, "files"),
                    "-o", os.path.join(tmp, "t.pot")], cwd=top, env=env, check=True,
                   stderr=subprocess.DEVNULL)
    entries, cur, key = [], {}, None
    for line in open(os.path.join(tmp, "t.pot"), encoding="utf-8"):
        line = line.rstrip("\n")
        m = re.match(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s", line)
        if m:
            if m.group(1) in ("msgctxt",) or (m.group(1) == "msgid" and "msgid" in cur):
                if "msgid" in cur:
                    entries.append(cur)
                cur = {}
            key = m.group(1)
            cur.setdefault(key, []).append(line)
        elif line.startswith('"') and key:
            cur[key].append(line)
        elif not line.strip():
            if "msgid" in cur:
                entries.append(cur)
            cur, key = {}, None
    if "msgid" in cur:
        entries.append(cur)
    out = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"',
           '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"', ""]
    for e in entries:
        msgid = unquote(e["msgid"])
        if msgid == "":
            continue
        if "msgctxt" in e:
            out.append("msgctxt " + po_string(unquote(e["msgctxt"])))
        out.append("msgid " + po_string(msgid))
        if "msgid_plural" in e:
            plural = unquote(e["msgid_plural"])
            out.append("msgid_plural " + po_string(plural))
            out.append("msgstr[0] " + po_string(pseudo(msgid)))
            out.append("msgstr[1] " + po_string(pseudo(plural)))
        else:
            out.append("msgstr " + po_string(pseudo(msgid)))
        out.append("")
    po = os.path.join(tmp, "pseudo.po")
    with open(po, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    target = os.path.join(localedir, "pseudo", "LC_MESSAGES")
    os.makedirs(target, exist_ok=True)
    subprocess.run(["msgfmt", "-o", os.path.join(target, "liaison.mo"), po], check=True)
