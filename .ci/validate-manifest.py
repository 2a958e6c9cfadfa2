"""Validates manifest.yml against Slack's published manifest JSON Schema (draft-07)."""
import json
import sys

import jsonschema
import yaml

manifest_path, schema_path = sys.argv[1], sys.argv[2]
with open(manifest_path, encoding="utf-8") as f:
    manifest = yaml.safe_load(f)
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(manifest), key=lambda e: list(e.path))
for e in errors:
    print(f"manifest.yml: {'/'.join(str(p) for p in e.path) or '(root)'}: {e.message}")
if errors:
    sys.exit(1)
print(f"manifest.yml is valid against {schema_path.split('/')[-1]}")
