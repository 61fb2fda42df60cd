#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifests as Flathub would review them, offline.

flatpak-builder-lint is neither in Debian nor on npm, so the manifest
rules of it that apply to us are written out here under its own names
(module-NAME-source-git-no-commit-with-tag, finish-args-arbitrary-dbus-access,
...), beside our own house rules: a release manifest builds only pinned git
sources, each dependency carries x-checker-data, the file is laid out as
Flathub's manifests are (4 spaces, Flathub's key order), and the runtime is
not older than the previous GNOME release.

  check-flatpak-manifest.py [--devel] MANIFEST APP_ID [--version V] [--source-root DIR]
                            [--same-deps-as RELEASE_MANIFEST]
  check-flatpak-manifest.py --selftest MANIFEST APP_ID

--devel relaxes the release-only rules: the app comes from the checkout (a
dir source, path ..), so it has no tag or commit; the dependencies are held
to the release rules all the same.  --same-deps-as checks the modules before
the app are exactly the release manifest's.  --version checks the app's tag is vV (the meson project
version, which the metainfo's newest release repeats).  --source-root, when
it is a git checkout, checks the app's commit is a commit of it, and if the
tag exists there, that the tag points to that commit.  --selftest feeds
broken copies of MANIFEST to the checks and fails unless each is caught."""
import copy, json, os, re, subprocess, sys

# The GNOME runtime this was last checked against; one release older is
# still accepted (Flathub keeps it supported for a cycle), anything older
# fails: see docs/flatpak.md, "Bumping the runtime".
RUNTIME_CHOSEN = 51
RUNTIME_OLDEST = RUNTIME_CHOSEN - 1

APP_MODULE = "liaison"
TOPLEVEL_CLEANUP = ["/include", "/lib/pkgconfig", "/share/doc", "/share/man",
                    "/share/gtk-doc", "*.a", "*.la"]
# Flathub's manifest style; keys not listed may come after these.
ORDER_TOPLEVEL = ["id", "runtime", "runtime-version", "sdk", "command",
                  "finish-args", "cleanup", "modules"]
ORDER_MODULE = ["name", "buildsystem", "config-opts", "build-options",
                "cleanup", "sources"]
ORDER_SOURCE = ["type", "url", "path", "tag", "commit", "x-checker-data"]
BUILDSYSTEMS = ("meson", "cmake", "cmake-ninja", "autotools", "simple", "qmake")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def check_order(obj, order, where, errors):
    known = [k for k in obj if k in order]
    if known != sorted(known, key=order.index):
        errors.append(f"{where}: keys out of Flathub's order: {', '.join(known)} "
                      f"(expected {', '.join(sorted(known, key=order.index))})")


def check_finish_args(args, app_id, errors):
    """finish-args rules of flatpak-builder-lint that can apply to a GTK app,
    plus ours: files come through portals, never host folders."""
    sockets = {a.split("=", 1)[1] for a in args if a.startswith("--socket=")}
    if "x11" in sockets and "fallback-x11" in sockets:
        errors.append("finish-args-contains-both-x11-and-fallback")
    if "x11" in sockets and "wayland" in sockets:
        errors.append("finish-args-contains-both-x11-and-wayland")
    if ("x11" in sockets or "fallback-x11" in sockets) and "--share=ipc" not in args:
        errors.append("finish-args-x11-without-ipc")
    if "fallback-x11" in sockets and "wayland" not in sockets:
        errors.append("finish-args-fallback-x11-without-wayland")
    if "wayland" in sockets and not sockets & {"x11", "fallback-x11"}:
        errors.append("finish-args-only-wayland")
    for soc in ("gpg-agent", "ssh-auth"):
        if soc in sockets:
            errors.append(f"finish-args-has-socket-{soc}")
    if "session-bus" in sockets or "system-bus" in sockets:
        errors.append("finish-args-arbitrary-dbus-access")
    if "inherit-wayland-socket" in sockets:
        errors.append("finish-args-contains-inherit-wayland-socket")
    for arg in args:
        name = arg.split("=", 1)[1] if "=" in arg else ""
        if arg.startswith("--filesystem="):
            errors.append(f"finish-args: {arg} is broader than the app needs "
                          "(files go through portals; finish-args-*-filesystem-access)")
        elif arg == "--device=all":
            errors.append("finish-args: --device=all is broader than the app needs")
        elif arg.startswith(("--talk-name=", "--system-talk-name=", "--own-name=")):
            kind = arg[2:arg.index("=")]
            if name in ("org.freedesktop.Flatpak",):
                errors.append("finish-args-flatpak-spawn-access")
            elif name.startswith("org.freedesktop.portal."):
                errors.append("finish-args-portal-talk-name")
            elif name in ("org.freedesktop.*", "org.gnome.*", "org.kde.*"):
                errors.append(f"finish-args-wildcard-{name.split('.')[1]}-{kind}")
            elif kind in ("talk-name", "own-name") and name == app_id:
                errors.append(f"finish-args-unnecessary-appid-{kind}")
            elif name == "org.freedesktop.DBus":
                errors.append(f"finish-args-freedesktop-dbus-{kind}")
            elif name == "ca.desrt.dconf":
                errors.append("finish-args-dconf-talk-name")
        elif arg.startswith(("--nosocket=", "--unshare=", "--nodevice=")):
            errors.append(f"finish-args: {arg} only undoes a permission (finish-args-has-no*)")


def check_source(source, where, release, is_app, errors):
    if not isinstance(source, dict) or "type" not in source:
        errors.append(f"{where}: needs a type")
        return
    check_order(source, ORDER_SOURCE, where, errors)
    kind = source["type"]
    if kind == "dir":
        if release:
            errors.append(f"{where}: module-{where.split('[')[0]}-source-dir-not-allowed "
                          "(a dir source belongs in the Devel manifest)")
        return
    if kind in ("archive", "file"):
        for digest in ("sha1", "md5"):
            if digest in source:
                errors.append(f"{where}: {digest} is deprecated, use sha256")
        if "sha256" not in source:
            errors.append(f"{where}: an {kind} source needs a sha256")
    if kind != "git":
        return
    url = source.get("url", "")
    if not url:
        errors.append(f"{where}: module-source-git-no-url")
    elif not url.startswith(("http://", "https://")):
        errors.append(f"{where}: module-source-git-url-not-http")
    if "branch" in source:
        errors.append(f"{where}: module-source-git-branch (pin a tag and commit instead)")
    if not source.get("tag"):
        errors.append(f"{where}: a git source needs a tag (module-source-git-no-tag-commit-branch)")
    if not COMMIT_RE.match(str(source.get("commit", ""))):
        errors.append(f"{where}: a git source needs its tag's full 40-hex commit "
                      "(module-source-git-no-commit-with-tag)")
    if "commit-query" in source.get("x-checker-data", {}):
        errors.append(f"{where}: module-checker-tracks-commits")


def check_checker_data(module, where, errors):
    datas = [s.get("x-checker-data") for s in module.get("sources", [])
             if isinstance(s, dict) and s.get("x-checker-data")]
    if not datas:
        errors.append(f"{where}: a dependency needs x-checker-data on its source "
                      "so flatpak-external-data-checker proposes updates")
    for data in datas:
        kind = data.get("type")
        if kind == "git":
            pattern = data.get("tag-pattern")
            if not pattern:
                errors.append(f"{where}: x-checker-data of type git needs a tag-pattern")
                continue
            try:
                regex = re.compile(pattern)
            except re.error as e:
                errors.append(f"{where}: tag-pattern does not compile: {e}")
                continue
            if regex.groups != 1:
                errors.append(f"{where}: tag-pattern needs exactly one group, the version")
            for s in module.get("sources", []):
                if s.get("x-checker-data") is data and s.get("tag") and not regex.match(s["tag"]):
                    errors.append(f"{where}: tag {s['tag']} does not match its own tag-pattern")
        elif kind == "anitya":
            if not isinstance(data.get("project-id"), int):
                errors.append(f"{where}: x-checker-data of type anitya needs a project-id")
        elif kind not in ("gnome", "html", "json", "pypi", "jsonquery", "rotating-url"):
            errors.append(f"{where}: unknown x-checker-data type {kind}")


def git(root, *args):
    try:
        return subprocess.run(["git", "-C", root, *args], capture_output=True,
                              text=True, check=False).stdout.strip()
    except OSError:
        return ""


def check_app_source(source, version, root, errors):
    if source.get("type") != "git":
        return
    if source.get("url") != "https://github.com/liaisonapp/liaison.git":
        errors.append("the app must build from https://github.com/liaisonapp/liaison.git")
    if version and source.get("tag") != f"v{version}":
        errors.append(f"the app's tag is {source.get('tag')}, the project version is {version}: "
                      f"tag v{version} (docs/flatpak.md, Making a release)")
    commit = str(source.get("commit", ""))
    if root and COMMIT_RE.match(commit) and git(root, "rev-parse", "--is-inside-work-tree") == "true":
        if git(root, "cat-file", "-t", commit) != "commit":
            errors.append(f"the app's commit {commit} is not a commit of this repository")
        tagged = git(root, "rev-parse", "-q", "--verify", f"refs/tags/{source.get('tag')}^{{commit}}")
        if tagged and tagged != commit:
            errors.append(f"tag {source.get('tag')} is {tagged} here, the manifest says {commit}")


def check(text, path, app_id, devel=False, version=None, root=None, deps=None):
    errors = []
    try:
        manifest = json.loads(text)
    except ValueError as e:
        return [f"not valid JSON: {e}"]
    if not isinstance(manifest, dict):
        return ["not a JSON object"]
    if text != json.dumps(manifest, indent=4, ensure_ascii=False) + "\n":
        errors.append("layout: write it as json.dumps(indent=4) does "
                      "(4-space indentation, one item a line, a final newline)")
    if not devel and os.path.basename(path) != app_id + ".json":
        errors.append(f"appid-filename-mismatch: the release manifest must be named {app_id}.json")
    check_order(manifest, ORDER_TOPLEVEL, "manifest", errors)

    if "app-id" in manifest:
        errors.append("use 'id', not the older 'app-id'")
    if manifest.get("id") != app_id:
        errors.append(f"id must be {app_id}")
    for key in ("runtime", "runtime-version", "sdk", "command"):
        if not isinstance(manifest.get(key), str):
            errors.append(f"manifest: '{key}' is missing or not a string")
    if manifest.get("runtime") != "org.gnome.Platform" or manifest.get("sdk") != "org.gnome.Sdk":
        errors.append("runtime and sdk must be org.gnome.Platform and org.gnome.Sdk")
    runtime_version = str(manifest.get("runtime-version", ""))
    if not runtime_version.isdigit():
        errors.append(f"runtime-version must be a GNOME release number, not {runtime_version!r}")
    elif int(runtime_version) < RUNTIME_OLDEST:
        errors.append(f"runtime-version {runtime_version} is older than {RUNTIME_OLDEST} "
                      "(eol runtime; docs/flatpak.md, Bumping the runtime)")
    command = manifest.get("command", "")
    if command != "liaison":
        errors.append("command must be liaison" + (" (toplevel-command-is-path)" if command.startswith("/") else ""))
    if "branch" in manifest:
        errors.append("toplevel-unnecessary-branch")
    build_args = manifest.get("build-options", {}).get("build-args", [])
    if "--share=network" in build_args:
        errors.append("manifest-toplevel-build-network-access")

    check_finish_args(manifest.get("finish-args", []), app_id, errors)

    cleanup = manifest.get("cleanup", [])
    missing = [c for c in TOPLEVEL_CLEANUP if c not in cleanup]
    if missing:
        errors.append(f"cleanup: the top-level list lacks {', '.join(missing)}")
    if any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in cleanup):
        errors.append("toplevel-cleanup-debug")

    modules = manifest.get("modules")
    if not isinstance(modules, list) or not modules:
        errors.append("toplevel-no-modules")
        modules = []
    for i, module in enumerate(modules):
        if not isinstance(module, dict):
            errors.append(f"modules[{i}]: write the module inline, not as a file name")
            continue
        name = module.get("name")
        where = f"{name or 'modules'}[{i}]"
        if not isinstance(name, str):
            errors.append(f"{where}: 'name' is missing")
        check_order(module, ORDER_MODULE, where, errors)
        if module.get("buildsystem", "autotools") not in BUILDSYSTEMS:
            errors.append(f"{where}: unknown buildsystem {module.get('buildsystem')}")
        if "--share=network" in module.get("build-options", {}).get("build-args", []):
            errors.append(f"{where}: module-{name}-build-network-access")
        if any(c == "/lib/debug" or c.startswith("/lib/debug/") for c in module.get("cleanup", [])):
            errors.append(f"{where}: module-{name}-cleanup-debug")
        sources = module.get("sources")
        if not isinstance(sources, list) or not sources:
            errors.append(f"{where}: 'sources' is missing or empty")
            sources = []
        is_app = i == len(modules) - 1
        git_dests = {}
        for j, source in enumerate(sources):
            check_source(source, f"{where}.sources[{j}]", not devel, is_app, errors)
            if isinstance(source, dict) and source.get("type") == "git":
                git_dests.setdefault(source.get("dest", "."), []).append(source.get("url"))
        if any(len(urls) > 1 for urls in git_dests.values()):
            errors.append(f"{where}: module-{name}-multiple-git-sources-stacked")
        if is_app:
            if "x-checker-data" in json.dumps(sources):
                errors.append(f"{where}: the app takes no x-checker-data (a release updates it)")
            if sources and isinstance(sources[0], dict):
                if not devel and sources[0].get("type") != "git":
                    errors.append("the release manifest builds the app from its git tag")
                if devel and sources[0] != {"type": "dir", "path": ".."}:
                    errors.append("the Devel manifest builds the checkout: a dir source with path ..")
                check_app_source(sources[0], None if devel else version, root, errors)
        else:
            check_checker_data(module, where, errors)
    if deps is not None and modules[:-1] != deps:
        errors.append("the dependency modules differ from the release manifest's: "
                      "keep them the same (docs/flatpak.md)")
    if modules and modules[-1].get("name") != APP_MODULE:
        errors.append("the last module must build liaison itself")
    if "-Dwerror_ours=false" not in (modules[-1].get("config-opts", []) if modules else []):
        errors.append("liaison must build with -Dwerror_ours=false against the newer runtime")
    return errors


def selftest(text, path, app_id):
    """Each broken copy must be caught by the rule named beside it; a rule
    that no longer catches its case fails the test."""
    good = json.loads(text)

    def dump(m):
        return json.dumps(m, indent=4, ensure_ascii=False) + "\n"

    def mutate(fn):
        m = copy.deepcopy(good)
        fn(m)
        return dump(m)

    def first_git(m):
        return m["modules"][0]["sources"][0]

    def app(m):
        return m["modules"][-1]["sources"][0]

    def reorder(m):
        m["modules"][0] = dict(sorted(m["modules"][0].items()))

    cases = [
        ("no commit", mutate(lambda m: first_git(m).pop("commit")), {}, "40-hex commit"),
        ("short commit", mutate(lambda m: first_git(m).update(commit="1b28a84")), {}, "40-hex commit"),
        ("no tag", mutate(lambda m: first_git(m).pop("tag")), {}, "needs a tag"),
        ("branch", mutate(lambda m: first_git(m).update(branch="master")), {}, "source-git-branch"),
        ("git url", mutate(lambda m: first_git(m).update(url="git@github.com:a/b.git")), {}, "url-not-http"),
        ("dir in release", mutate(lambda m: m["modules"][-1].update(sources=[{"type": "dir", "path": ".."}])),
         {}, "source-dir-not-allowed"),
        ("no checker", mutate(lambda m: first_git(m).pop("x-checker-data")), {}, "x-checker-data"),
        ("checker no pattern", mutate(lambda m: first_git(m)["x-checker-data"].pop("tag-pattern")), {}, "tag-pattern"),
        ("pattern misses tag", mutate(lambda m: first_git(m)["x-checker-data"].update({"tag-pattern": "^release-(.*)$"})),
         {}, "does not match its own tag-pattern"),
        ("commit-query", mutate(lambda m: first_git(m)["x-checker-data"].update({"commit-query": ".sha"})),
         {}, "checker-tracks-commits"),
        ("checker on app", mutate(lambda m: app(m).update({"x-checker-data": {"type": "git", "tag-pattern": "^v(.*)$"}})),
         {}, "the app takes no x-checker-data"),
        ("cleanup", mutate(lambda m: m["cleanup"].remove("/share/man")), {}, "lacks /share/man"),
        ("cleanup debug", mutate(lambda m: m["cleanup"].append("/lib/debug")), {}, "toplevel-cleanup-debug"),
        ("2-space indent", json.dumps(good, indent=2) + "\n", {}, "layout"),
        ("tabs", json.dumps(good, indent="\t") + "\n", {}, "layout"),
        ("key order", dump(dict(reversed(list(good.items())))), {}, "out of Flathub's order"),
        ("module key order", mutate(reorder), {}, "out of Flathub's order"),
        ("old runtime", mutate(lambda m: m.update({"runtime-version": str(RUNTIME_OLDEST - 1)})), {}, "older than"),
        ("runtime not a number", mutate(lambda m: m.update({"runtime-version": "master"})), {}, "release number"),
        ("filesystem", mutate(lambda m: m["finish-args"].append("--filesystem=home")), {}, "portals"),
        ("session bus", mutate(lambda m: m["finish-args"].append("--socket=session-bus")), {}, "arbitrary-dbus-access"),
        ("x11 and fallback", mutate(lambda m: m["finish-args"].append("--socket=x11")), {}, "both-x11-and-fallback"),
        ("fallback without wayland", mutate(lambda m: m["finish-args"].remove("--socket=wayland")), {},
         "fallback-x11-without-wayland"),
        ("x11 without ipc", mutate(lambda m: m["finish-args"].remove("--share=ipc")), {}, "x11-without-ipc"),
        ("ssh agent", mutate(lambda m: m["finish-args"].append("--socket=ssh-auth")), {}, "has-socket-ssh-auth"),
        ("flatpak-spawn", mutate(lambda m: m["finish-args"].append("--talk-name=org.freedesktop.Flatpak")), {},
         "flatpak-spawn-access"),
        ("wildcard talk", mutate(lambda m: m["finish-args"].append("--talk-name=org.gnome.*")), {}, "wildcard-gnome"),
        ("branch key", mutate(lambda m: m.update(branch="stable")), {}, "toplevel-unnecessary-branch"),
        ("network build", mutate(lambda m: m["modules"][0].update({"build-options": {"build-args": ["--share=network"]}})),
         {}, "build-network-access"),
        ("stacked git", mutate(lambda m: m["modules"][0]["sources"].append(dict(first_git(m)))), {}, "stacked"),
        ("werror", mutate(lambda m: m["modules"][-1].update({"config-opts": []})), {}, "werror_ours"),
        ("app last", mutate(lambda m: m["modules"].reverse()), {}, "last module"),
        ("app tag vs version", text, {"version": "9.9.9"}, "tag v9.9.9"),
        ("file name", text, {"path": "flatpak/other.json"}, "appid-filename-mismatch"),
    ]
    root = os.path.dirname(os.path.dirname(os.path.abspath(path)))
    in_git = git(root, "rev-parse", "--is-inside-work-tree") == "true"
    if app(good).get("type") == "git" and in_git:
        cases.append(("app commit not ours", mutate(lambda m: app(m).update(commit="f" * 40)),
                      {"root": root}, "not a commit of this repository"))
    devel_text = mutate(lambda m: m["modules"][-1].update(sources=[{"type": "dir", "path": ".."}]))
    cases += [
        ("devel from git", text, {"devel": True}, "dir source with path .."),
        ("devel without commit", mutate(lambda m: (first_git(m).pop("commit"),
                                                   m["modules"][-1].update(sources=[{"type": "dir", "path": ".."}]))),
         {"devel": True}, "40-hex commit"),
        ("devel deps drift", devel_text, {"devel": True, "deps": good["modules"][1:-1]}, "differ from the release"),
    ]
    if check(devel_text, path, app_id, devel=True, deps=good["modules"][:-1]):
        print("selftest: the Devel form of the manifest fails the devel rules")
        return 1
    failures = 0
    baseline = check(text, path, app_id)
    if baseline:
        print(f"selftest: the manifest itself fails: {baseline}")
        return 1
    for label, broken, opts, expect in cases:
        opts = dict(opts)
        errs = check(broken, opts.pop("path", path), app_id, **opts)
        if not any(expect in e for e in errs):
            failures += 1
            print(f"selftest: '{label}' was not caught (wanted '{expect}', got {errs})")
    if not in_git:
        print("selftest: not a git checkout, the app-commit case was not run")
    print(f"selftest: {len(cases) - failures}/{len(cases)} broken manifests caught")
    return 1 if failures else 0


def main(argv):
    devel = "--devel" in argv
    run_selftest = "--selftest" in argv
    args, opts, it = [], {}, iter(a for a in argv if a not in ("--devel", "--selftest"))
    for a in it:
        if a in ("--version", "--source-root"):
            opts[a[2:].replace("source-", "")] = next(it, None)
        elif a == "--same-deps-as":
            try:
                with open(next(it, ""), encoding="utf-8") as f:
                    opts["deps"] = json.load(f)["modules"][:-1]
            except (OSError, ValueError, KeyError, TypeError) as e:
                sys.exit(f"--same-deps-as: {e}")
        else:
            args.append(a)
    if len(args) != 2:
        sys.exit(__doc__)
    path, app_id = args
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        sys.exit(f"{path}: {e}")
    if run_selftest:
        return selftest(text, path, app_id)
    errors = check(text, path, app_id, devel=devel, **opts)
    if errors:
        print("\n".join(f"{path}: {e}" for e in errors))
        return 1
    print(f"{path}: ok" + (" (devel rules)" if devel else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
