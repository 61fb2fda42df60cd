#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader says, on every page: start the real liaison
binary with the sample workspace, show each area of the sidebar in turn
(and the first item of each of its lists, so editors show too), open the
main menu, and fail on any accessible name that still carries a mnemonic's
underscore ("_Run") or says its text twice ("Run Run").  In English and in
Chinese.  Prints TAP."""
import os, re, subprocess, sys, time
import pyatspi

BINARY = sys.argv[1]
results = []

try:
    pyatspi.Registry.getDesktop(0)
    time.sleep(0.5)
except Exception:
    pass

def ok(cond, name):
    results.append((bool(cond), name))
    print(("ok" if cond else "not ok") + " %d %s" % (len(results), name), flush=True)

def walk(node, depth=0):
    if node is None or depth > 60:
        return
    yield node
    try:
        count = node.childCount
    except Exception:
        return
    for i in range(count):
        try:
            yield from walk(node.getChildAtIndex(i), depth + 1)
        except Exception:
            continue

def find_app(pid, timeout=25):
    """The app of this process only: the registry may still list apps
    stopped before (the previous language's, another test's)."""
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is None or app.get_process_id() != pid:
                    continue
                if any(n.getRoleName() == "frame" and n.name for n in walk(app)):
                    return app
            except Exception:
                continue
        time.sleep(0.2)
    return None

# A mnemonic's underscore at the start of a word ("_Run", "Open _Recent",
# Chinese "(_R)"); in a control's name anywhere ("Sa_mple").  Inside a
# word of the content (a contract's "max_tokens") it is the text itself.
WORD_START_MNEMONIC = re.compile(r"(?:^|[\s(（])_[^\W\d_]")
ANY_MNEMONIC = re.compile(r"_[^\W\d_]")
CONTROLS = {"push button", "toggle button", "menu item", "check menu item", "radio menu item",
            "check box", "radio button", "page tab", "combo box", "menu", "switch"}
REPEATED = re.compile(r"(.+?)\s+\1", re.S)

def bad_name(node):
    try:
        name, role = node.name, node.getRoleName()
    except Exception:
        return None
    if not name:
        return None
    if WORD_START_MNEMONIC.search(name) or (role in CONTROLS and ANY_MNEMONIC.search(name)):
        return "%s “%s” carries a mnemonic" % (role, name)
    if REPEATED.fullmatch(name.replace("_", "").strip()):
        return "%s “%s” says its text twice" % (role, name)
    return None

def collect(app, where, found, buttons):
    for node in walk(app):
        try:
            if node.getRoleName() == "push button" and node.name:
                buttons.add(node.name)
        except Exception:
            pass
        why = bad_name(node)
        if why is not None:
            found.setdefault(why, where)

def areas(app):
    """The sidebar's rows (the list named by its accessible label), with
    the selection interface to pick them."""
    for node in walk(app):
        if node.getRoleName() in ("list", "list box") and node.name == SIDEBAR[LANG]:
            return node
    return None

def select_first_items(app, sidebar):
    """Picks the first row of every list on the page (a meeting, a task,
    a model...), so their editors are walked too."""
    for node in list(walk(app)):
        try:
            if node is sidebar or node.getRoleName() not in ("list", "list box", "tree table", "table"):
                continue
            node.querySelection().selectChild(0)
        except Exception:
            pass

def open_main_menu(app):
    for node in walk(app):
        if node.name == MAIN_MENU[LANG] and node.getRoleName() in ("toggle button", "push button"):
            try:
                action = node.queryAction()
                for i in range(action.nActions):
                    if action.getName(i) in ("click", "activate", "press"):
                        return action.doAction(i)
            except Exception:
                pass
    return False

def translated(msgid):
    """The zh_CN translation of a one-line msgid, as shown (underscore
    dropped; the msgid itself while it is untranslated)."""
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(os.path.join(top, "po", "zh_CN.po"), encoding="utf-8") as f:
        po = f.read()
    m = re.search(r'^msgid "%s"\nmsgstr "(.+)"$' % re.escape(msgid), po, re.M)
    return (m.group(1) if m else msgid).replace("_", "")

SIDEBAR = {"en": "Areas", "zh_CN": "功能区"}
MAIN_MENU = {"en": "Main Menu", "zh_CN": "主菜单"}

def run(language):
    global LANG
    LANG = language
    env = dict(os.environ)
    for key in ("NO_AT_BRIDGE", "GTK_A11Y"):
        env.pop(key, None)
    env["LANGUAGE"] = language
    env["GSETTINGS_BACKEND"] = "memory"
    proc = subprocess.Popen([BINARY], env=env, stdout=subprocess.DEVNULL, start_new_session=True,
                            stderr=None if os.environ.get("LIAISON_TEST_VERBOSE") else subprocess.DEVNULL)
    try:
        app = find_app(proc.pid)
        ok(app is not None, "%s: the app shows a window" % language)
        if app is None:
            return
        time.sleep(1.0)
        found, buttons = {}, set()
        sidebar = areas(app)
        ok(sidebar is not None, "%s: the sidebar of areas is found" % language)
        if sidebar is None:
            return
        names = []
        for i in range(sidebar.childCount):
            row = sidebar.getChildAtIndex(i)
            label = next((n.name for n in walk(row) if n.name), "row %d" % i)
            names.append(label)
            sidebar.querySelection().selectChild(i)
            time.sleep(1.0)
            select_first_items(app, sidebar)
            time.sleep(1.0)
            collect(app, label, found, buttons)
            # Some pages (on a narrow window) slide to the editor; the
            # sidebar's selection brings the list back next time.
        ok(proc.poll() is None, "%s: the app is still running" % language)
        ok(len(names) >= 8, "%s: every area was shown (%s)" % (language, ", ".join(names)))
        opened = open_main_menu(app)
        time.sleep(0.8)
        collect(app, "main menu", found, buttons)
        ok(opened, "%s: the main menu opened" % language)
        for why, where in sorted(found.items()):
            print("# %s: %s" % (where, why), flush=True)
        run_name = translated("_Run") if language == "zh_CN" else "Run"
        ok(run_name in buttons, "%s: the meeting's Run button is named “%s” by its label" % (language, run_name))
        ok(not found, "%s: no accessible name carries a mnemonic or repeats itself (%d found)"
           % (language, len(found)))
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()

LANG = "en"
run("en")
run("zh_CN")

print("1..%d" % len(results))
sys.exit(0 if all(r for r, _ in results) else 1)
