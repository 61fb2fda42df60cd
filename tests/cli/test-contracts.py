#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""liaison-cli export --format jsonschema|openapi and check-payload (TAP).

The exported schema is checked by an independent validator (Debian's
python3-jsonschema, draft 2020-12): it must be a valid schema, accept the
seed's defaults and reject what the seed's pydantic models reject; and
check-payload must agree with it on every payload here."""

import json
import os
import subprocess
import sys
import tempfile

import jsonschema

CLI = os.environ.get("LIAISON_CLI") or sys.argv[1]
SRC = os.environ.get("G_TEST_SRCDIR", os.path.join(os.path.dirname(__file__), "..", ".."))
SAMPLE = os.path.join(SRC, "data", "samples", "sample.en.liaison")
count = failures = 0


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


def cli(*args):
    p = subprocess.run([CLI, *args], capture_output=True, text=True, timeout=60)
    return p.returncode, p.stdout, p.stderr


SEED_DEFAULTS = {"model": "vllm-7b", "messages": [{"role": "user", "content": "你好"}],
                 "temperature": 0.7, "top_p": 0.95, "n": 1, "stream": False, "max_tokens": 1024,
                 "presence_penalty": 0.0, "frequency_penalty": 0.0}

PAYLOADS = [
    ("the seed's defaults", SEED_DEFAULTS, True),
    ("only the required fields", {"model": "m", "messages": []}, True),
    ("temperature 2.5", dict(SEED_DEFAULTS, temperature=2.5), False),
    ("n 0", dict(SEED_DEFAULTS, n=0), False),
    ("max_tokens 5000", dict(SEED_DEFAULTS, max_tokens=5000), False),
    ("temperature at its bounds", dict(SEED_DEFAULTS, temperature=2.0, top_p=0.0), True),
    ("penalties just outside", dict(SEED_DEFAULTS, presence_penalty=-2.01), False),
    ("n as 2.0", dict(SEED_DEFAULTS, n=2.0), True),
    ("n as 2.5", dict(SEED_DEFAULTS, n=2.5), False),
    ("a message without a role", dict(SEED_DEFAULTS, messages=[{"content": "x"}]), False),
    ("messages not an array", dict(SEED_DEFAULTS, messages={"role": "user"}), False),
    ("stream as a string", dict(SEED_DEFAULTS, stream="no"), False),
    ("an unknown member", dict(SEED_DEFAULTS, user="u1"), True),
    ("no model", {"messages": []}, False),
    ("not an object", [1, 2, 3], False),
]


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-contracts-")

    rc, out, err = cli("export", "--format", "jsonschema", "--contract", "ChatRequest", SAMPLE)
    schema = json.loads(out) if rc == 0 else {}
    ok(rc == 0 and schema.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
       "ChatRequest exports as a draft 2020-12 schema", err)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        valid_schema = True
    except jsonschema.SchemaError as e:
        valid_schema = str(e)
    ok(valid_schema is True, "the schema is valid for an independent validator", valid_schema)
    validator = jsonschema.Draft202012Validator(schema)

    for name, payload, want in PAYLOADS:
        path = os.path.join(tmp, "payload.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(payload, f, ensure_ascii=False)
        theirs = validator.is_valid(payload)
        rc, out, err = cli("check-payload", "--contract", "ChatRequest", path, SAMPLE)
        ours = rc == 0
        ok(theirs == want and ours == want and (rc in (0, 1)),
           f"{name}: {'valid' if want else 'invalid'} for jsonschema and check-payload",
           (theirs, rc, out, err))

    # The seed's rejections, with their paths.
    path = os.path.join(tmp, "bad.json")
    with open(path, "w") as f:
        json.dump(dict(SEED_DEFAULTS, temperature=2.5, n=0, max_tokens=5000,
                       messages=[{"role": "user", "content": "a"}, {"content": "b"}]), f)
    rc, out, err = cli("check-payload", "--contract", "ChatRequest", path, SAMPLE)
    ok(rc == 1 and out.splitlines() == ["messages[1].role: required",
                                        "temperature: 2.5 is above the maximum 2",
                                        "n: 0 is below the minimum 1",
                                        "max_tokens: 5000 is above the maximum 4096"],
       "every violation is listed with its JSON path", out + err)
    rc, out, err = cli("check-payload", "--json", "--contract", "ChatRequest", path, SAMPLE)
    ok(rc == 1 and json.loads(out)[0] == "messages[1].role: required", "--json lists them as an array", out)

    # OpenAPI 3.1: the endpoint with its request and response, every $ref resolvable.
    rc, out, err = cli("export", "--format", "openapi", "--contract", "ChatRequest", SAMPLE)
    doc = json.loads(out) if rc == 0 else {}
    op = doc.get("paths", {}).get("/v1/chat/completions", {}).get("post", {})
    refs = []

    def collect(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "$ref":
                    refs.append(v)
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)
    collect(doc)
    schemas = doc.get("components", {}).get("schemas", {})
    ok(doc.get("openapi") == "3.1.0" and op.get("requestBody", {}).get("content", {}).get("application/json")
       and "200" in op.get("responses", {}), "OpenAPI 3.1 has the endpoint's request and response", out[:400] + err)
    ok(refs and all(r.startswith("#/components/schemas/") and r.split("/")[-1] in schemas for r in refs)
       and set(schemas) == {"Message", "ChatRequest", "Choice", "ChatResponse"},
       "every $ref points at a component schema", (refs, list(schemas)))
    for name, s in schemas.items():
        try:
            jsonschema.Draft202012Validator.check_schema(s)
        except jsonschema.SchemaError as e:
            ok(False, f"component {name} is a valid schema", e)
            break
    else:
        ok(True, "every component is a valid 2020-12 schema")
    response = {"id": "r1", "object": "chat.completion", "created": 1700000000, "model": "m",
                "choices": [{"index": 0, "message": {"role": "assistant", "content": "hi"}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 1}}
    resolver_doc = {"$defs": schemas, **schemas["ChatResponse"]}
    text = json.dumps(resolver_doc).replace("#/components/schemas/", "#/$defs/")
    ok(jsonschema.Draft202012Validator(json.loads(text)).is_valid(response),
       "a well-formed response matches ChatResponse")

    # Bad arguments: exit 2 with a clear message.
    rc, out, err = cli("export", "--format", "openapi", "--contract", "Message", SAMPLE)
    ok(rc == 2 and "not an endpoint" in err, "OpenAPI of a model without a path is refused", err)
    rc, out, err = cli("export", "--format", "jsonschema", "--contract", "Nope", SAMPLE)
    ok(rc == 2 and "“Nope”" in err and "ChatRequest" in err, "an unknown model names the ones there are", err)
    with open(path, "w") as f:
        f.write('{"model": "m",\n  "messages": [}')
    rc, out, err = cli("check-payload", "--contract", "ChatRequest", path, SAMPLE)
    ok(rc == 2 and "not JSON" in err and ":2:" in err, "a payload that is not JSON is located", err)
    rc, out, err = cli("check-payload", path, SAMPLE)
    ok(rc == 2 and "--contract" in err, "check-payload without --contract is a usage error", err)

    # A contract with a problem is refused with the located problem.
    data = json.load(open(SAMPLE, encoding="utf-8"))
    for c in data["contracts"]:
        if c["name"] == "ChatRequest":
            for fld in c["fields"]:
                if fld["name"] == "temperature":
                    fld["default"] = 2.5
    broken = os.path.join(tmp, "broken.liaison")
    with open(broken, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
    rc, out, err = cli("export", "--format", "jsonschema", "--contract", "ChatRequest", broken)
    ok(rc == 2 and "ChatRequest.temperature: default 2.5 is above the maximum 2" in err,
       "a default outside its range is reported where it is", err)

    print(f"1..{count}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
