"""Validates the GitOps objects of generated output folders against the schemas in schemas/gitops/.

Every YAML file under <out>/*/gitops/ is checked, except the kustomize configuration files
(kustomization.yaml): its apiVersion and kind select the schema, and an object of a kind without a
schema fails.

Usage: check_gitops.py SCHEMA_DIR OUT_DIR
"""

import glob
import json
import os
import sys

import jsonschema
import yaml


def load_schemas(folder):
    schemas = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.schema.json"))):
        with open(path, encoding="utf-8") as schema_file:
            schema = json.load(schema_file)
        upstream = schema["x-upstream"]
        schemas[(upstream["apiVersion"], upstream["kind"])] = (path, jsonschema.Draft7Validator(schema))
    return schemas


def main(schema_folder, out):
    schemas = load_schemas(schema_folder)
    paths = sorted(glob.glob(os.path.join(out, "*", "gitops", "**", "*.yaml"), recursive=True))
    paths = [path for path in paths if os.path.basename(path) != "kustomization.yaml"]
    if not paths:
        print(f"FAIL no GitOps objects under {out}/*/gitops/")
        return 1
    failed = 0
    for path in paths:
        with open(path, encoding="utf-8") as document_file:
            document = yaml.safe_load(document_file)
        key = (document.get("apiVersion"), document.get("kind"))
        if key not in schemas:
            print(f"FAIL {path}: no schema for {key[0]} {key[1]} in {schema_folder}")
            failed += 1
            continue
        errors = sorted(schemas[key][1].iter_errors(document), key=lambda error: list(error.path))
        for error in errors:
            location = ".".join(str(part) for part in error.path) or "(top level)"
            print(f"FAIL {path}: {location}: {error.message}")
        failed += bool(errors)
    print(f"gitops objects: {len(paths)} files checked against {len(schemas)} schemas, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
