#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""liaison-cli merge as git's merge driver, with real git (TAP).

A bare repository and two clones share the sample workspace; each clone
edits it (the JSON through python's json module, then `liaison-cli format`
for the canonical form) and the second one pulls, so git runs the driver:
a clean merge keeps both sides' edits, a conflicting one leaves a valid
file whose conflicts `liaison-cli validate` lists (exit 1), and a file
that is not a workspace is refused (exit 2) and left as it was.  Then the
driver's exit codes and messages are checked directly."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid

CLI = os.environ.get("LIAISON_CLI") or sys.argv[1]
SRC = os.environ.get("G_TEST_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(SRC, "data", "samples", "sample.en.liaison")
WS = "team.liaison"
count = failures = 0

# Only this test's configuration: no user's or system's git settings.
GIT_ENV = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
               GIT_TERMINAL_PROMPT="0", GIT_MERGE_AUTOEDIT="no", GIT_EDITOR="true",
               LC_ALL="C.UTF-8", LANGUAGE="")
for key in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
    GIT_ENV.pop(key, None)


def ok(cond, name, detail=""):
    global count, failures
    count += 1
    if not cond:
        failures += 1
        print(f"not ok {count} - {name}")
        for line in str(detail).splitlines():
            print(f"# {line}")
    else:
        print(f"ok {count} - {name}")
    sys.stdout.flush()


def run(args, cwd=None, check=False):
    p = subprocess.run(args, cwd=cwd, env=GIT_ENV, capture_output=True, text=True, timeout=120)
    if check and p.returncode != 0:
        raise RuntimeError(f"{args}: exit {p.returncode}\n{p.stdout}\n{p.stderr}")
    return p


def git(repo, *args, check=True):
    return run(["git", *args], cwd=repo, check=check)


def cli(*args, cwd=None):
    return run([CLI, *args], cwd=cwd)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def edit(repo, change):
    """Change the workspace's JSON with CHANGE(data), then write it back in
    canonical form, as the app would."""
    path = os.path.join(repo, WS)
    data = load(path)
    change(data)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=2)
    p = cli("format", path)
    if p.returncode != 0:
        raise RuntimeError(f"format: {p.stderr}")
    if os.path.exists(path + "~"):
        os.unlink(path + "~")


def has_git_setup():
    p = cli("git-setup", "--help")
    return p.returncode == 0


def configure_driver(repo):
    git(repo, "config", "user.name", os.path.basename(repo))
    git(repo, "config", "user.email", f"{os.path.basename(repo)}@example.org")
    git(repo, "config", "pull.rebase", "false")
    if has_git_setup():
        p = cli("git-setup", cwd=repo)
        if p.returncode != 0:
            raise RuntimeError(f"git-setup: {p.stderr}")
        return
    git(repo, "config", "merge.liaison.name", "Liaison workspace")
    git(repo, "config", "merge.liaison.driver", f"'{CLI}' merge %O %A %B --path %P")


def clone(top, origin, name):
    repo = os.path.join(top, name)
    run(["git", "clone", "-q", origin, repo], check=True)
    configure_driver(repo)
    return repo


def commit_all(repo, message):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def requirement(data, i):
    return data["requirements"][i]


def setup(top, name):
    """A bare repository holding the sample, and two clones of it."""
    top = os.path.join(top, name)
    os.mkdir(top)
    origin = os.path.join(top, "origin.git")
    run(["git", "init", "-q", "--bare", "-b", "main", origin], check=True)

    seed = os.path.join(top, "seed")
    run(["git", "init", "-q", "-b", "main", seed], check=True)
    configure_driver(seed)
    shutil.copy(SAMPLE, os.path.join(seed, WS))
    p = cli("format", os.path.join(seed, WS))
    if p.returncode != 0:
        raise RuntimeError(f"format: {p.stderr}")
    if os.path.exists(os.path.join(seed, WS + "~")):
        os.unlink(os.path.join(seed, WS + "~"))
    attributes = os.path.join(seed, ".gitattributes")
    if not os.path.exists(attributes):
        with open(attributes, "w") as f:
            f.write("*.liaison merge=liaison\n")
    with open(os.path.join(seed, ".gitignore"), "w") as f:
        f.write("*~\n")
    commit_all(seed, "The sample workspace")
    git(seed, "remote", "add", "origin", origin)
    git(seed, "push", "-q", "origin", "main")
    return clone(top, origin, "alice"), clone(top, origin, "bob")


def clean_merge(top):
    a, b = setup(top, "clean")
    p = git(b, "check-attr", "merge", WS)
    ok("merge: liaison" in p.stdout, "the workspace is merged by the liaison driver", p.stdout)
    new_task = None

    def alice(data):
        nonlocal new_task
        requirement(data, 0)["business_need"] = "Halve inference latency"
        new_task = dict(data["tasks"][0], id=str(uuid.uuid4()), summary="Benchmark the scheduler")
        data["tasks"].append(new_task)

    edit(a, alice)
    commit_all(a, "Alice: clearer need, a benchmark task")
    git(a, "push", "-q", "origin", "main")

    def bob(data):
        requirement(data, 1)["status"] = "agreed"
        data["meetings"][0]["location"] = "Room 4"

    edit(b, bob)
    commit_all(b, "Bob: agreed, and a room")
    p = git(b, "pull", "-q", "origin", "main", check=False)
    ok(p.returncode == 0, "a pull with edits to different fields merges cleanly",
       p.stdout + p.stderr)
    merged = load(os.path.join(b, WS))
    ok(requirement(merged, 0)["business_need"] == "Halve inference latency"
       and any(t["id"] == new_task["id"] and t["summary"] == "Benchmark the scheduler"
               for t in merged["tasks"]),
       "Alice's edits are in Bob's file")
    ok(requirement(merged, 1)["status"] == "agreed" and merged["meetings"][0]["location"] == "Room 4",
       "Bob's edits are still in his file")
    ok("conflicts" not in merged, "a clean merge records no conflicts")
    p = cli("validate", os.path.join(b, WS))
    ok(p.returncode == 0, "the merged file validates", p.stdout + p.stderr)
    p = git(b, "status", "--porcelain", check=False)
    ok(p.stdout.strip() == "", "the merge is committed", p.stdout)
    # canonical form: format changes nothing
    before = open(os.path.join(b, WS), "rb").read()
    cli("format", os.path.join(b, WS))
    ok(open(os.path.join(b, WS), "rb").read() == before, "the merged file is in canonical form")


def conflicting_merge(top):
    a, b = setup(top, "conflict")
    req_id = requirement(load(os.path.join(a, WS)), 2)["id"]

    def alice(data):
        requirement(data, 2)["business_need"] = "Serve 128k-token contexts"
        requirement(data, 0)["status"] = "done"

    def bob(data):
        requirement(data, 2)["business_need"] = "Serve 32k-token contexts"
        requirement(data, 2)["priority"] = "low"

    edit(a, alice)
    commit_all(a, "Alice: longer contexts")
    git(a, "push", "-q", "origin", "main")
    edit(b, bob)
    commit_all(b, "Bob: shorter contexts, low priority")
    p = git(b, "pull", "origin", "main", check=False)
    ok(p.returncode != 0 and "CONFLICT" in p.stdout + p.stderr,
       "git reports the conflict the driver found", p.stdout + p.stderr)
    text = open(os.path.join(b, WS), encoding="utf-8").read()
    ok("<<<<<<<" not in text and ">>>>>>>" not in text, "no text markers in the workspace")
    try:
        merged = json.loads(text)
    except ValueError as e:
        merged = None
        print(f"# {e}")
    ok(merged is not None, "the conflicted file is valid JSON")
    if merged is not None:
        req = next((r for r in merged["requirements"] if r["id"] == req_id), None)
        ok(req is not None and req["business_need"] == "Serve 32k-token contexts"
           and req["priority"] == "low", "the file holds ours (Bob's) values", json.dumps(req))
        ok(requirement(merged, 0)["status"] == "done", "Alice's other edit is merged")
        conflicts = merged.get("conflicts", [])
        ok(len(conflicts) == 1 and conflicts[0]["entity"] == req_id
           and conflicts[0]["field"] == "business_need"
           and conflicts[0]["ours"] == "Serve 32k-token contexts"
           and conflicts[0]["theirs"] == "Serve 128k-token contexts",
           "the conflict is recorded with both values", json.dumps(conflicts, ensure_ascii=False))
    p = cli("validate", os.path.join(b, WS))
    ok(p.returncode == 1 and "1 unresolved conflict" in p.stdout + p.stderr,
       "validate lists 1 unresolved conflict and exits 1",
       f"exit {p.returncode}\n{p.stdout}{p.stderr}")
    p = git(b, "diff", "--name-only", "--diff-filter=U", check=False)
    ok(p.stdout.strip() == WS, "git lists the workspace as unmerged", p.stdout)


def broken_ours(top):
    a, b = setup(top, "broken")
    with open(os.path.join(b, WS), "w") as f:
        f.write("this is not JSON\n")
    commit_all(b, "Bob breaks the file")
    edit(a, lambda d: requirement(d, 0).update(owner="Alice"))
    commit_all(a, "Alice: owner")
    git(a, "push", "-q", "origin", "main")
    p = git(b, "pull", "origin", "main", check=False)
    ok(p.returncode != 0, "a pull into a broken file does not merge", p.stdout + p.stderr)
    ok(open(os.path.join(b, WS)).read() == "this is not JSON\n",
       "the broken file is left as it was")
    ok(f"{WS}:" in p.stderr or f"{WS}:" in p.stdout, "the driver's error names the file",
       p.stdout + p.stderr)


def main():
    top = tempfile.mkdtemp(prefix="liaison-merge-git-")
    try:
        for scenario in (clean_merge, conflicting_merge, broken_ours, direct):
            try:
                scenario(top)
            except Exception as e:  # one broken scenario is one failure; the others still run
                ok(False, f"{scenario.__name__} runs to the end", repr(e))
    finally:
        shutil.rmtree(top, ignore_errors=True)


def write(path, data):
    if isinstance(data, (bytes, str)):
        mode = "wb" if isinstance(data, bytes) else "w"
        with open(path, mode) as f:
            f.write(data)
    else:
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=2)


def direct(top):
    """liaison-cli merge BASE OURS THEIRS [--path NAME], as a driver is run."""
    d = os.path.join(top, "direct")
    os.mkdir(d)
    base = load(SAMPLE)
    base_f, ours_f, theirs_f = (os.path.join(d, n) for n in ("base", "ours", "theirs"))

    def fresh(ours_change=None, theirs_change=None):
        write(base_f, base)
        for path, change in ((ours_f, ours_change), (theirs_f, theirs_change)):
            data = json.loads(json.dumps(base))
            if change:
                change(data)
            write(path, data)

    fresh(lambda x: x["requirements"][0].update(status="agreed"),
          lambda x: x["requirements"][1].update(status="done"))
    p = cli("merge", base_f, ours_f, theirs_f)
    merged = load(ours_f)
    ok(p.returncode == 0 and merged["requirements"][0]["status"] == "agreed"
       and merged["requirements"][1]["status"] == "done",
       "merge: a clean merge exits 0 and writes the result to OURS", p.stderr)

    fresh(lambda x: x["requirements"][0].update(status="agreed"),
          lambda x: x["requirements"][0].update(status="done"))
    p = cli("merge", base_f, ours_f, theirs_f)
    merged = load(ours_f)
    ok(p.returncode == 1 and len(merged.get("conflicts", [])) == 1
       and merged["requirements"][0]["status"] == "agreed",
       "merge: a conflict exits 1 and is recorded in OURS", f"exit {p.returncode}\n{p.stderr}")
    p = cli("validate", ours_f)
    ok(p.returncode == 1 and "1 unresolved conflict" in p.stdout + p.stderr,
       "validate: 1 unresolved conflict, exit 1", f"exit {p.returncode}\n{p.stdout}{p.stderr}")

    fresh()
    broken = b"{\"format\": \"liaison-workspace\", \"version\": 1,"
    write(ours_f, broken)
    p = cli("merge", base_f, ours_f, theirs_f, "--path", "docs/team.liaison")
    ok(p.returncode == 2, "merge: OURS not JSON exits 2", f"exit {p.returncode}\n{p.stderr}")
    ok(open(ours_f, "rb").read() == broken, "merge: OURS is left byte for byte")
    ok("docs/team.liaison" in p.stderr, "merge: the message names OURS by --path", p.stderr)

    fresh()
    write(theirs_f, "[]")
    before = open(ours_f, "rb").read()
    p = cli("merge", base_f, ours_f, theirs_f, "--path", "docs/team.liaison")
    ok(p.returncode == 2 and open(ours_f, "rb").read() == before,
       "merge: THEIRS not a workspace exits 2, OURS untouched", f"exit {p.returncode}\n{p.stderr}")
    # git's %B is a temporary file: naming it by --path and its role is
    # as good as its own name
    ok(theirs_f in p.stderr or "docs/team.liaison (theirs)" in p.stderr,
       "merge: the message names THEIRS' file", p.stderr)

    fresh()
    bad = json.loads(json.dumps(base))
    bad["requirements"][0]["status"] = "someday"
    write(base_f, bad)
    before = open(ours_f, "rb").read()
    p = cli("merge", base_f, ours_f, theirs_f)
    ok(p.returncode == 2 and open(ours_f, "rb").read() == before,
       "merge: an invalid BASE exits 2, OURS untouched", f"exit {p.returncode}\n{p.stderr}")
    # without --path nothing names the files but their own paths: a
    # problem in BASE must not be reported under OURS' name
    ok(base_f in p.stderr and "requirements[0]" in p.stderr,
       "merge: the message locates the problem in BASE, by BASE's path", p.stderr)

    fresh()
    before = open(ours_f, "rb").read()
    p = cli("merge", base_f, ours_f)
    ok(p.returncode == 2 and open(ours_f, "rb").read() == before,
       "merge: two files are a usage error (exit 2)", f"exit {p.returncode}\n{p.stderr}")

    # an unchanged merge leaves OURS in canonical form and equal to the base
    fresh()
    p = cli("merge", base_f, ours_f, theirs_f)
    cli("format", base_f)
    ok(p.returncode == 0 and open(ours_f, "rb").read() == open(base_f, "rb").read(),
       "merge: nothing changed gives the base back, canonical", p.stderr)


if __name__ == "__main__":
    main()
    print(f"1..{count}")
    sys.exit(1 if failures else 0)
