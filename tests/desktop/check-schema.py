#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The shipped JSON Schema of the workspace format is a valid draft 2020-12
schema, accepts both samples and rejects files the app rejects."""
import json, os, sys
import jsonschema

top = sys.argv[1]
with open(os.path.join(top, "data", "liaison-workspace.schema.json"), encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

failures = 0
for lang in ("zh_CN", "en"):
    with open(os.path.join(top, "data", "samples", f"sample.{lang}.liaison"), encoding="utf-8") as f:
        for error in validator.iter_errors(json.load(f)):
            print(f"sample.{lang}: {error.json_path}: {error.message}")
            failures += 1

# Shape errors the schema must catch as well as the app.
bad_dir = os.path.join(top, "tests", "data", "bad")
for name in ("business-need-number", "priority-unknown", "duration-zero", "score-seven", "missing-id",
             "requirements-object", "wrong-format", "field-required-string", "labels-string", "work-start-25h"):
    with open(os.path.join(bad_dir, name + ".liaison"), encoding="utf-8") as f:
        doc = json.load(f)
    if validator.is_valid(doc):
        print(f"{name}: accepted by the schema, refused by Liaison")
        failures += 1

if failures:
    sys.exit(1)
print("schema ok")
