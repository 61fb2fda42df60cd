#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates tests/data/bad/: workspace files that must be refused, each
with NAME.expected holding the start of the error message Liaison must give
(test-workspace checks the message begins with it).  Most cases are one
mutation of a small valid workspace."""
import copy, json, os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bad")
M1 = "0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e01"
M2 = "0b5f6c1e-3f2a-4c47-9d1e-6a1b2c3d4e02"

BASE = {
    "format": "liaison-workspace", "version": 1, "title": "Bad input corpus",
    "members": [{"id": M1, "name": "Ada", "timezone": "Europe/Berlin"}],
    "requirements": [{"id": "5e0c7a7a-1111-4a8e-9a59-000000000001", "business_need": "Faster inference",
                      "steps": [{"id": "5e0c7a7a-1111-4a8e-9a59-000000000002", "text": "Profile"},
                                {"id": "5e0c7a7a-1111-4a8e-9a59-000000000003", "text": "Batch"}]}],
    "meetings": [{"id": "5e0c7a7a-2222-4a8e-9a59-000000000001", "title": "API design", "start": "2026-01-20T09:00",
                  "timezone": "Asia/Shanghai", "attendees": [M1],
                  "agenda": [{"id": "5e0c7a7a-2222-4a8e-9a59-000000000002", "title": "Opening", "duration": 10}],
                  "evaluation": {"id": "5e0c7a7a-2222-4a8e-9a59-000000000003",
                                 "ratings": [{"id": "5e0c7a7a-2222-4a8e-9a59-000000000004", "name": "Time management", "score": 3}]}}],
    "tasks": [{"id": "5e0c7a7a-3333-4a8e-9a59-000000000001", "project": "vLLM", "type": "Story", "summary": "Batching",
               "due": "2026-03-31", "labels": ["perf"]}],
    "pages": [{"id": "5e0c7a7a-4444-4a8e-9a59-000000000001", "title": "Docs",
               "children": [{"id": "5e0c7a7a-4444-4a8e-9a59-000000000002", "title": "Overview"}]}],
    "contracts": [{"id": "5e0c7a7a-5555-4a8e-9a59-000000000001", "name": "ChatRequest",
                   "fields": [{"id": "5e0c7a7a-5555-4a8e-9a59-000000000002", "name": "temperature", "type": "number",
                               "minimum": 0.0, "maximum": 2.0, "default": 0.7}]}],
    "assessments": [{"id": "5e0c7a7a-6666-4a8e-9a59-000000000001", "date": "2026-01-19", "ratings": []}],
}

def mutate(fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    return json.dumps(doc, ensure_ascii=False, indent=2).encode()

def setitem(path, value):
    def fn(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return fn

def delitem(path):
    def fn(doc):
        node = doc
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]
    return fn

R = ["requirements", 0]
CASES = {
    "not-json": (b"this is not JSON\n", "{}: line 1, column 2: unexpected character"),
    "truncated": (mutate(lambda d: None)[:300], "{}: line 15, column 2: the text ends before the JSON value is complete"),
    "empty": (b"", "{}: line 1, column 1: the text ends before the JSON value is complete"),
    "array-root": (b"[]\n", "{}: not a Liaison workspace: the top level must be a JSON object"),
    "wrong-format": (mutate(setitem(["format"], "something-else")), "{}: format: not a Liaison workspace (expected “liaison-workspace”)"),
    "missing-format": (mutate(delitem(["format"])), "{}: format: not a Liaison workspace"),
    "version-string": (mutate(setitem(["version"], "1")), "{}: version: expected a whole number of at least 1"),
    "version-zero": (mutate(setitem(["version"], 0)), "{}: version: expected a whole number of at least 1"),
    "title-number": (mutate(setitem(["title"], 42)), "{}: title: expected a string, found a number"),
    "requirements-object": (mutate(setitem(["requirements"], {})), "{}: requirements: expected an array, found an object"),
    "requirement-string": (mutate(setitem(["requirements"], ["x"])), "{}: requirements[0]: expected an object, found a string"),
    "missing-id": (mutate(delitem(R + ["id"])), "{}: requirements[0]: the required key “id” is missing"),
    "bad-uuid": (mutate(setitem(R + ["id"], "abc")), "{}: requirements[0].id: “abc” is not a UUID"),
    "duplicate-id": (mutate(lambda d: d["requirements"].append(copy.deepcopy(d["requirements"][0]))),
                     "{}: requirements[1].id: the id 5e0c7a7a-1111-4a8e-9a59-000000000001 is used twice"),
    "duplicate-id-across-types": (mutate(setitem(R + ["steps", 0, "id"], M1)),
                                  "{}: requirements[0].steps[0].id: the id " + M1 + " is used twice"),
    "business-need-number": (mutate(setitem(R + ["business_need"], 3)), "{}: requirements[0].business_need: expected a string, found a number"),
    "business-need-missing": (mutate(delitem(R + ["business_need"])), "{}: requirements[0]: the required key “business_need” is missing"),
    "business-need-empty": (mutate(setitem(R + ["business_need"], "")), "{}: requirements[0].business_need: must not be empty"),
    "priority-unknown": (mutate(setitem(R + ["priority"], "urgent")),
                         "{}: requirements[0].priority: “urgent” is not one of: highest, high, medium, low, lowest"),
    "step-text-null": (mutate(setitem(R + ["steps", 0, "text"], None)), "{}: requirements[0].steps[0].text: expected a string, found null"),
    "step-text-missing": (mutate(delitem(R + ["steps", 1, "text"])), "{}: requirements[0].steps[1]: the required key “text” is missing"),
    "steps-string": (mutate(setitem(R + ["steps"], "1. Profile")), "{}: requirements[0].steps: expected an array, found a string"),
    "remote-service-number": (mutate(setitem(R + ["remote"], {"service": 5})), "{}: requirements[0].remote.service: expected a string, found a number"),
    "zone-unknown": (mutate(setitem(["members", 0, "timezone"], "Mars/Olympus")),
                     "{}: members[0].timezone: “Mars/Olympus” is not a known IANA time zone"),
    "zone-offset": (mutate(setitem(["members", 0, "timezone"], "+08:00")), "{}: members[0].timezone: “+08:00” is not a known IANA time zone"),
    "work-start-25h": (mutate(setitem(["members", 0, "work_start"], "25:00")), "{}: members[0].work_start: “25:00” is not a time of day (HH:MM)"),
    "work-days-unknown": (mutate(setitem(["members", 0, "work_days"], ["mon", "funday"])),
                          "{}: members[0].work_days[1]: “funday” is not a weekday"),
    "work-days-twice": (mutate(setitem(["members", 0, "work_days"], ["mon", "mon"])), "{}: members[0].work_days[1]: “mon” is listed twice"),
    "meeting-start-month-13": (mutate(setitem(["meetings", 0, "start"], "2026-13-01T09:00")),
                               "{}: meetings[0].start: “2026-13-01T09:00” is not a local date and time"),
    "attendee-dangling": (mutate(setitem(["meetings", 0, "attendees"], [M2])),
                          "{}: meetings[0].attendees[0]: “" + M2 + "” is not the id of a member of this workspace"),
    "attendee-not-a-member": (mutate(setitem(["meetings", 0, "attendees"], ["5e0c7a7a-1111-4a8e-9a59-000000000001"])),
                              "{}: meetings[0].attendees[0]: “5e0c7a7a-1111-4a8e-9a59-000000000001” is not the id of a member"),
    "duration-zero": (mutate(setitem(["meetings", 0, "agenda", 0, "duration"], 0)),
                      "{}: meetings[0].agenda[0].duration: must be between 1 and 1440 (found 0)"),
    "duration-fraction": (mutate(setitem(["meetings", 0, "agenda", 0, "duration"], 1.5)),
                          "{}: meetings[0].agenda[0].duration: expected a whole number, found a number"),
    "score-seven": (mutate(setitem(["meetings", 0, "evaluation", "ratings", 0, "score"], 7)),
                    "{}: meetings[0].evaluation.ratings[0].score: must be between 0 and 5 (found 7)"),
    "due-february-30": (mutate(setitem(["tasks", 0, "due"], "2026-02-30")), "{}: tasks[0].due: “2026-02-30” is not a date (YYYY-MM-DD)"),
    "labels-string": (mutate(setitem(["tasks", 0, "labels"], "perf")), "{}: tasks[0].labels: expected an array of strings, found a string"),
    "field-required-string": (mutate(setitem(["contracts", 0, "fields", 0, "required"], "yes")),
                              "{}: contracts[0].fields[0].required: expected true or false, found a string"),
    "field-minimum-string": (mutate(setitem(["contracts", 0, "fields", 0, "minimum"], "0")),
                             "{}: contracts[0].fields[0].minimum: expected a number, found a string"),
    "page-child-title-array": (mutate(setitem(["pages", 0, "children", 0, "title"], [])),
                               "{}: pages[0].children[0].title: expected a string, found an array"),
    "page-updated-no-zone": (mutate(setitem(["pages", 0, "updated"], "2026-01-19 10:00")),
                             "{}: pages[0].updated: “2026-01-19 10:00” is not an ISO 8601 timestamp"),
    "assessment-date-missing": (mutate(delitem(["assessments", 0, "date"])), "{}: assessments[0]: the required key “date” is missing"),
    "invalid-utf8": (b'{\n  "format": "liaison-workspace",\n  "title": "caf\xe9"\n}\n', "{}: line 3, column 16: the text is not valid UTF-8"),
    "nul-byte": (b'{"format": "liaison-\x00workspace"}', "{}: line 1, column 21: the control character U+0000 must be written as an escape"),
    "nested-too-deep": (b'{"format": "liaison-workspace", "version": 1, "x": ' + b"[" * 300 + b"]" * 300 + b"}",
                        "{}: line 1, column 307: nested more than 256 levels deep"),
    # What json-glib would have taken and changed without a word.
    "duplicate-key": (mutate(lambda d: None).replace(b'  "requirements": [', b'  "requirements": [],\n  "requirements": [', 1),
                      "{}: line 13, column 3: the key “requirements” appears twice in this object"),
    "integer-overflow": (mutate(setitem(["meetings", 0, "agenda", 0, "duration"], 99999999999999999999)),
                         "{}: line 41, column 23: the number 99999999999999999999 is too large for a whole number"),
    "number-1e400": (mutate(lambda d: None).replace(b'"maximum": 2.0', b'"maximum": 1e400', 1),
                     "{}: line 90, column 22: the number 1e400 is out of range"),
    "escaped-nul": (mutate(lambda d: None).replace(b'"Faster inference"', b'"Faster\\u0000 inference"', 1),
                    "{}: line 15, column 31: the string contains “\\u0000”, a NUL character Liaison cannot hold"),
    "lone-surrogate": (mutate(lambda d: None).replace(b'"Faster inference"', b'"Faster \\ud800 inference"', 1),
                       "{}: line 15, column 32: “\\ud800” is the first half of a surrogate pair without a second half"),
    "trailing-text": (mutate(lambda d: None) + b"\n{}\n", "{}: line 104, column 1: there is text after the end of the JSON value"),
    "comment": (b"// a workspace\n" + mutate(lambda d: None), "{}: line 1, column 1: comments are not allowed in JSON"),
    "single-quotes": (mutate(lambda d: None).replace(b'"title": "Bad input corpus"', b"'title': 'Bad input corpus'", 1),
                      "{}: line 4, column 3: single quotes are not allowed in JSON"),
    "trailing-comma": (mutate(lambda d: None).replace(b'"Bad input corpus",', b'"Bad input corpus",,', 1),
                       "{}: line 4, column 31: unexpected character “,”"),
    # Zones are names from the system's list, never paths or rules.
    "zone-path": (mutate(setitem(["members", 0, "timezone"], "../../../../etc/passwd")),
                  "{}: members[0].timezone: “../../../../etc/passwd” is not a known IANA time zone"),
    "zone-posix-rule": (mutate(setitem(["members", 0, "timezone"], "XYZ3")),
                        "{}: members[0].timezone: “XYZ3” is not a known IANA time zone"),
    "meeting-start-plus-sign": (mutate(setitem(["meetings", 0, "start"], "2026-+2-03T09:00")),
                                "{}: meetings[0].start: “2026-+2-03T09:00” is not a local date and time"),
    "newer-version-broken": (mutate(lambda d: (d.__setitem__("version", 2), d.__setitem__("requirements", 7))),
                             "This file was written by a newer version of Liaison (format version 2). {}: requirements: expected an array, found a number"),
}

if __name__ == "__main__":
    os.makedirs(HERE, exist_ok=True)
    for name in os.listdir(HERE):
        os.unlink(os.path.join(HERE, name))
    for name, (data, expected) in sorted(CASES.items()):
        with open(os.path.join(HERE, name + ".liaison"), "wb") as f:
            f.write(data)
        with open(os.path.join(HERE, name + ".expected"), "w", encoding="utf-8") as f:
            f.write(expected.format(name + ".liaison") + "\n")
    print(len(CASES), "cases")
