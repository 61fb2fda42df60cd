#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Flag user-visible messages built from an untranslated literal.

Usage: check-untranslated.py PATH...   (C files, or folders searched for *.c)

A file can build every message a user sees and still hold no _() at all,
so the "has _() but is not in POTFILES.in" check never notices it.  This
script reads every call of

    g_set_error (error, DOMAIN, CODE, "literal" …)
    g_set_error_literal (error, DOMAIN, CODE, "literal")
    g_printerr ("literal" …)

and reports the ones whose message argument is a bare string literal with
words in it; _(), C_(), ngettext () and the g_d*gettext () family count as
translated.  A literal with no letters outside its conversions ("%s: %s\\n")
and command or option names ("liaison-cli: %s\\n", "--busy %s") holds
nothing to translate and passes.  A line can be exempted with a
comment "check-untranslated: allow (why)" on it or on the line above.

Exits 1 if it found any, printing FILE:LINE: the call.
"""
import os
import re
import sys

# function name → index of its message argument
CALLS = {"g_set_error": 3, "g_set_error_literal": 3, "g_printerr": 0}
CALL_RE = re.compile(r"\b(" + "|".join(CALLS) + r")\s*\(")
CONVERSION_RE = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]|\\[ntr\\\"']")
# Command and option names are the same in every language.
CODE_RE = re.compile(r"liaison-cli(?: (?:sync|publish))?|--[a-z][a-z-]*|\bgit(?: config)?\b")
ALLOW = "check-untranslated: allow"


def mask_comments(text):
    """The text with every comment blanked (newlines kept), so that a call
    quoted in a comment is not read and offsets stay the same."""
    out, i = [], 0
    while i < len(text):
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < len(text) and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        elif text.startswith("/*", i) or text.startswith("//", i):
            end = text.find("*/", i + 2) + 2 if text[i + 1] == "*" else text.find("\n", i)
            if end < i:
                end = len(text)
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        else:
            out.append(c)
            i += 1
    return "".join(out)


def split_args(text, start):
    """The arguments of the call whose '(' is at text[start - 1]:
    a list of (offset, source) up to the matching ')'."""
    args, depth, i, arg_start = [], 0, start, start
    while i < len(text):
        c = text[i]
        if c == '"' or c == "'":
            i += 1
            while i < len(text) and text[i] != c:
                i += 2 if text[i] == "\\" else 1
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append((arg_start, text[arg_start:i]))
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append((arg_start, text[arg_start:i]))
            arg_start = i + 1
        i += 1
    return args


def has_words(literal_source):
    """True when the string literal(s) at the start of an argument hold a
    letter outside printf conversions and escapes."""
    pieces = re.findall(r'"((?:[^"\\]|\\.)*)"', literal_source)
    text = CODE_RE.sub("", CONVERSION_RE.sub("", "".join(pieces)))
    return re.search(r"[^\W\d_]", text) is not None


def check_file(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    text = mask_comments(text)
    found = []
    for m in CALL_RE.finditer(text):
        args = split_args(text, m.end())
        index = CALLS[m.group(1)]
        if len(args) <= index:
            continue
        offset, arg = args[index]
        stripped = arg.strip()
        if not stripped.startswith('"') or not has_words(stripped):
            continue
        line = text.count("\n", 0, m.start())
        if ALLOW in lines[line] or (line > 0 and ALLOW in lines[line - 1]):
            continue
        found.append((line + 1, " ".join(text[m.start():offset + len(arg)].split())))
    return found


def main(argv):
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    files = []
    for p in argv:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".c")]
        else:
            files.append(p)
    status = 0
    for path in files:
        for line, call in check_file(path):
            print(f"{path}:{line}: untranslated message: {call}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
