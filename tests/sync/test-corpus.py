#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Markdown corpus through `liaison-cli convert`: every example of the
# CommonMark spec (read with the commonmark-spec package's own reader), GFM
# tables, task lists, strikethrough and autolinks, and the seed's task and
# meeting texts in Chinese and English (tests/data/markdown/*.md) must give
#   - ADF that Atlassian's published JSON schema accepts (the oracle),
#   - Confluence storage XHTML that an XML parser accepts,
#   - Jira wiki markup and Redmine text without a crash or a warning.
#
#   test-corpus.py LIAISON-CLI     (TAP; needs LIAISON_ORACLE_DIR, set by
#                                   tests/sync/meson.build)

import concurrent.futures
import json
import os
import subprocess
import sys
import time
import xml.parsers.expat

cli = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('LIAISON_CLI', 'liaison-cli')
top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
oracle_dir = os.environ.get('LIAISON_ORACLE_DIR', '')
oracle_script = os.environ.get('LIAISON_ORACLE_SCRIPT') or os.path.join(top, 'tests', 'oracle', 'oracle.js')
targets = ('adf', 'jira-wiki', 'confluence-storage', 'redmine')


def bail(why):
    print(f'Bail out! {why}')
    print(f'{why}\nInstall the test oracles with ./build-aux/dev test '
          '(or tests/oracle/install.sh BUILDDIR) before running meson test.', file=sys.stderr)
    sys.exit(1)


def load_spec():
    spec = os.path.join(oracle_dir, 'node_modules', 'commonmark-spec')
    if not oracle_dir or not os.path.isfile(os.path.join(spec, 'spec.txt')):
        bail(f'no CommonMark spec in {oracle_dir or "LIAISON_ORACLE_DIR (not set)"}')
    out = subprocess.run(['node', '-e', 'process.stdout.write(JSON.stringify(require(process.argv[1]).tests))', spec],
                         capture_output=True, check=True)
    return json.loads(out.stdout)


def corpus():
    items = []
    for example in load_spec():
        # the spec shows tabs as →
        items.append((f'CommonMark example {example["number"]} ({example["section"]})',
                      example['markdown'].replace('\u2192', '\t')))
    folder = os.path.join(top, 'tests', 'data', 'markdown')
    for name in sorted(os.listdir(folder)):
        if name.endswith('.md'):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                items.append((f'tests/data/markdown/{name}', f.read()))
    return items


class Oracle:
    def __init__(self):
        self.process = subprocess.Popen(['node', oracle_script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, encoding='utf-8')

    def check_adf(self, doc):
        self.process.stdin.write(json.dumps({'kind': 'adf', 'doc': doc}) + '\n')
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            bail('the ADF validator ended without an answer')
        return json.loads(line)


def convert(target, markdown):
    env = dict(os.environ, G_DEBUG='fatal-warnings')
    return subprocess.run([cli, 'convert', '--to', target, '-'], input=markdown.encode('utf-8'),
                          capture_output=True, env=env, timeout=60)


def xml_ok(text):
    parser = xml.parsers.expat.ParserCreate()
    try:
        parser.Parse('<body xmlns:ac="urn:ac" xmlns:ri="urn:ri">' + text + '</body>', True)
        return None
    except xml.parsers.expat.ExpatError as e:
        return str(e)


def problems_of(oracle, markdown, results):
    problems = []
    for target, run in results.items():
        if run.returncode != 0 or run.stderr:
            problems.append(f'--to {target}: exit {run.returncode}: {run.stderr.decode("utf-8", "replace").strip()}')
            continue
        try:
            text = run.stdout.decode('utf-8')
        except UnicodeDecodeError as e:
            problems.append(f'--to {target}: output is not UTF-8 ({e})')
            continue
        if target == 'adf':
            try:
                doc = json.loads(text)
            except json.JSONDecodeError as e:
                problems.append(f'--to adf: not JSON ({e})')
                continue
            answer = oracle.check_adf(doc)
            if not answer.get('valid'):
                problems.append(f'--to adf: refused by the ADF schema: {answer.get("errors")}')
        elif target == 'confluence-storage':
            error = xml_ok(text)
            if error:
                problems.append(f'--to confluence-storage: not well-formed XML: {error}')
        elif target == 'redmine':
            if '<!-- liaison:00000000-0000-0000-0000-000000000000 -->' not in text:
                problems.append('--to redmine: no marker line')
    return problems


def main():
    start = time.monotonic()
    items = corpus()
    oracle = Oracle()
    print(f'1..{len(items)}')
    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        futures = [{t: pool.submit(convert, t, markdown) for t in targets} for _, markdown in items]
        for number, ((name, markdown), runs) in enumerate(zip(items, futures), 1):
            results = {t: f.result() for t, f in runs.items()}
            problems = problems_of(oracle, markdown, results)
            if problems:
                failed += 1
                print(f'not ok {number} - {name}')
                print('  # input: ' + json.dumps(markdown, ensure_ascii=False))
                for p in problems:
                    print('  # ' + p.replace('\n', '\n  # '))
            else:
                print(f'ok {number} - {name}')
    oracle.process.stdin.close()
    oracle.process.wait()
    print(f'# {len(items)} texts, {len(items) * len(targets)} conversions in {time.monotonic() - start:.1f} s')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
