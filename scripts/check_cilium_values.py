"""Validates Cilium Helm values files against the chart's values.schema.json (JSON Schema draft-07).

Usage: check_cilium_values.py SCHEMA VALUES...
"""

import json
import sys

import jsonschema
import yaml


def main(schema_path, paths):
    with open(schema_path, encoding="utf-8") as schema_file:
        validator = jsonschema.Draft7Validator(json.load(schema_file))
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as values_file:
            values = yaml.safe_load(values_file)
        errors = sorted(validator.iter_errors(values), key=lambda error: list(error.path))
        for error in errors:
            location = ".".join(str(part) for part in error.path) or "(top level)"
            print(f"FAIL {path}: {location}: {error.message}")
        failed += bool(errors)
    print(f"cilium values: {len(paths)} files checked against {schema_path}, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
