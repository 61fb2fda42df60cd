#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Flag ASCII punctuation beside Chinese text in translations.

Usage: check-punctuation.py [--fix] PO...

In a Chinese sentence, GNOME's zh_CN team writes full-width punctuation:
，；：？！（）. This script reports every ASCII , ; : ? ! ( ) in a msgstr
whose nearest non-space neighbour on either side is a CJK character, and
exits 1 if it found any.

ASCII stays where it is not sentence punctuation, so these are masked
before looking at neighbours (see docs/translating.md):
  - printf and strftime conversions (%s, %1$s, %'d, %H:%M);
  - mnemonics in parentheses, as zh_CN writes them: 保存(_S);
  - URLs, paths, `code`, <markup>, {placeholders}, dotted key paths
    (requirements[3].steps[1]);
  - a mark with an ASCII letter or digit right against both sides (a:b, 09:00).
An entry can be exempted as a whole by a translator comment
"# check-punctuation: allow (why)" above it, or by ALLOW_MSGIDS below.

--fix rewrites the flagged marks as full-width (with both parentheses of a
pair, and without the spaces around them) and writes the file back; run
msgcat on it afterwards to rewrap, and read the diff: the script cannot
tell a sentence from a literal in every case.
"""
import re
import sys

# msgids whose translation must keep ASCII punctuation, with the reason.
ALLOW_MSGIDS = [
    (re.compile(r'^[^;\s][^;]*(;[^;]+)+;$'),
     'desktop file Keywords: a semicolon-separated list'),
]

FULL = {',': '，', ';': '；', ':': '：', '?': '？', '!': '！',
        '(': '（', ')': '）'}
ASCII_MARKS = set(FULL)

# Characters that make a neighbourhood Chinese: CJK ideographs, CJK
# symbols and punctuation, full-width forms, and the quotes and ellipsis
# Chinese text uses.
CJK_RE = re.compile('[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf'
                    '\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef'
                    '\u201c\u201d\u2018\u2019\u2026\u00b7]')

MASKS = [
    # printf (with positional args and flags) and strftime conversions
    r"%(?:\d+\$)?[-+ #0'_^]*\d*(?:\.\d+)?(?:hh|h|ll|l|L|q|j|z|t)?[A-Za-z%]",
    # GLib's 64-bit format macros leave "%" G_GINT64_FORMAT as "%" PRId64
    r'%<PRI[a-zA-Z0-9]+>',
    # mnemonic in parentheses, GNOME zh_CN style
    r'\(_[^\s()]\)',
    # URLs
    r"[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9._~:/?#\[\]@!$&'*+,;=%-]*"
    r"[A-Za-z0-9/_~#=-]",
    # a quoted literal character: expected “:” after the key
    r'“[^”\s]”',
    r'"[^"\s]"',
    # optional syntax in brackets: name=zone[,HH:MM-HH:MM][,days]
    r'\[[,;:=][^\]\n]*\]',
    # inline code and markup
    r'`[^`\n]*`',
    r'<[^<>\n]+>',
    r'&[a-z]+;',
    # {placeholders} and ${variables}
    r'\$?\{[^{}\s]*\}',
    # paths: /a/b, ~/a, ./a, C:\a
    r'(?<![\w])(?:~|\.{1,2})?/[A-Za-z0-9._/*-]+',
    r'\b[A-Za-z]:\\[^\s]*',
    # dotted or indexed key paths: requirements[3].steps[1], a.b.c
    r'\b[A-Za-z_]\w*(?:\[\d*\])+(?:\.[A-Za-z_]\w*(?:\[\d*\])*)*',
    r'\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\b',
]
MASK_RE = re.compile('|'.join('(?:%s)' % m for m in MASKS), re.ASCII)
MASKED = '\0'


class Entry:
    def __init__(self):
        self.comments = []
        self.flags = ''
        self.msgctxt = None
        self.msgid = None
        self.msgid_plural = None
        self.msgstr = {}        # index -> text
        self.msgstr_line = {}   # index -> line number (1-based)
        self.obsolete = False


def unquote(s):
    s = s.strip()
    assert s.startswith('"') and s.endswith('"'), s
    s = s[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t'}.get(
        m.group(1), m.group(1)), s)


def quote(s):
    s = s.replace('\\', '\\\\').replace('"', '\\"')
    s = s.replace('\n', '\\n').replace('\t', '\\t')
    return '"%s"' % s


def parse(lines):
    """Yield (entry, [line indexes of each msgstr block])."""
    entries = []
    e = Entry()
    key = None
    blocks = {}
    for i, raw in enumerate(lines):
        line = raw.rstrip('\n')
        if not line.strip():
            if e.msgid is not None:
                entries.append((e, blocks))
            e, key, blocks = Entry(), None, {}
            continue
        if line.startswith('#~'):
            e.obsolete = True
            continue
        if line.startswith('#,'):
            e.flags += line[2:]
            continue
        if line.startswith('#'):
            e.comments.append(line)
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$',
                     line)
        if m:
            key = m.group(1)
            val = unquote(m.group(3))
            if key.startswith('msgstr'):
                idx = int(m.group(2) or 0)
                e.msgstr[idx] = val
                e.msgstr_line[idx] = i + 1
                blocks[idx] = [i]
                key = ('msgstr', idx)
            else:
                setattr(e, key, val)
            continue
        if line.startswith('"') and key is not None:
            val = unquote(line)
            if isinstance(key, tuple):
                e.msgstr[key[1]] += val
                blocks[key[1]].append(i)
            else:
                setattr(e, key, getattr(e, key) + val)
            continue
        raise SystemExit('%d: cannot parse: %s' % (i + 1, line))
    if e.msgid is not None:
        entries.append((e, blocks))
    return entries


def allowed(e):
    if any('check-punctuation: allow' in c for c in e.comments):
        return True
    return any(rx.search(e.msgid or '') for rx, _ in ALLOW_MSGIDS)


def mask(text):
    return MASK_RE.sub(lambda m: MASKED * len(m.group(0)), text)


def neighbour(masked, i, step):
    j = i + step
    while 0 <= j < len(masked) and masked[j] == ' ':
        j += step
    return masked[j] if 0 <= j < len(masked) else ''


PLACEHOLDER_RE = re.compile(MASKS[0])


def sentence_mark_at_placeholder(text, i, msgid):
    """True if the mark at text[i], written tight against a placeholder,
    is the English sentence's "%s: " in msgid (and so is sentence
    punctuation), not a literal such as %H:%M or file:line."""
    mark = text[i]
    for m in PLACEHOLDER_RE.finditer(text):
        if m.end() == i and (m.group(0) + mark + ' ') in msgid:
            return True
        if m.start() == i + 1 and (mark + ' ' + m.group(0)) in msgid:
            return True
    return False


def offending(text, msgid=''):
    """Indexes of ASCII marks that sit in Chinese text."""
    masked = mask(text)
    chinese = bool(CJK_RE.search(text))
    bad = set()
    for i, ch in enumerate(masked):
        if ch not in ASCII_MARKS:
            continue
        before = masked[i - 1] if i > 0 else ''
        after = masked[i + 1] if i + 1 < len(masked) else ''
        tight = lambda c: c == MASKED or (c.isascii() and c.isalnum())
        if tight(before) and tight(after):
            # a:b, 09:00, %H:%M stay; "%s: %d" written as %s:%d in a
            # Chinese string is a sentence colon that lost its space.
            if chinese and sentence_mark_at_placeholder(text, i, msgid):
                bad.add(i)
            continue
        if (CJK_RE.match(neighbour(masked, i, -1))
                or CJK_RE.match(neighbour(masked, i, 1))):
            bad.add(i)
    # A pair of parentheses changes together.
    stack, pairs = [], {}
    for i, ch in enumerate(masked):
        if ch == '(':
            stack.append(i)
        elif ch == ')' and stack:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    for i in list(bad):
        if i in pairs:
            bad.add(pairs[i])
    return sorted(bad)


def fix(text, bad):
    out = list(text)
    for i in bad:
        out[i] = FULL[out[i]]
    # drop spaces around the new full-width marks
    s = ''.join(out)
    marks = ''.join(FULL[c] for c in FULL)
    s = re.sub(' *([%s]) *' % marks, r'\1', s)
    return s


def main(argv):
    do_fix = '--fix' in argv
    files = [a for a in argv if a != '--fix']
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    found = 0
    for path in files:
        with open(path, encoding='utf-8') as f:
            lines = f.readlines()
        replace = {}
        for e, blocks in parse(lines):
            if e.obsolete or not e.msgid or allowed(e):
                continue
            for idx, text in e.msgstr.items():
                bad = offending(text, e.msgid)
                if not bad:
                    continue
                found += 1
                marks = ' '.join(repr(text[i]) for i in bad)
                print('%s:%d: ASCII %s beside Chinese: %s'
                      % (path, e.msgstr_line[idx], marks, quote(text)))
                if do_fix:
                    head = 'msgstr' if e.msgid_plural is None \
                        else 'msgstr[%d]' % idx
                    replace[blocks[idx][0]] = '%s %s\n' % (head,
                                                           quote(fix(text, bad)))
                    for k in blocks[idx][1:]:
                        replace[k] = ''
        if do_fix and replace:
            with open(path, 'w', encoding='utf-8') as f:
                for i, line in enumerate(lines):
                    f.write(replace.get(i, line))
    if found:
        print('%d translation(s) with ASCII punctuation in Chinese text; '
              'see docs/translating.md' % found, file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
