#!/usr/bin/env python3
"""Strict, offline JSON Schema validation of rendered Kubernetes manifests (run by deploy/validate-k8s.sh).

  validate-k8s.py generate MODELS_DIR OUT_DIR
      Writes strict JSON Schemas, one file per built-in kind, named as in yannh/kubernetes-json-schema's
      *-standalone-strict directories (deployment-apps-v1.json, service-v1.json, ...), from the Kubernetes OpenAPI
      definitions as the official JavaScript client compiles them (@kubernetes/client-node, dist/gen/models: every
      field's JSON name and type in <Model>.js, required fields in <Model>.d.ts). Strict as kubeconform's -strict:
      every object refuses properties its definition does not have.

  validate-k8s.py validate SCHEMA_DIR [--crd-schemas DIR] FILE...
      Validates every document of the rendered FILEs. Built-in kinds against SCHEMA_DIR/<kind>[-<group>]-<version>.json
      (a directory of upstream yannh/kubernetes-json-schema *-standalone-strict schemas works the same); custom
      resources against DIR/<group>/<kind>_<version>.json (datreeio/CRDs-catalog's layout) when given and present,
      otherwise skipped and listed. Prints one line per document and every violation; exits 1 on any.
"""
import json
import os
import re
import sys

import jsonschema
import yaml

# Built-in API groups; anything else is a custom resource.
BUILT_IN_GROUPS = {"", "apps", "batch", "policy", "autoscaling", "networking.k8s.io", "rbac.authorization.k8s.io",
                   "storage.k8s.io", "scheduling.k8s.io", "coordination.k8s.io", "discovery.k8s.io",
                   "admissionregistration.k8s.io", "apiextensions.k8s.io", "certificates.k8s.io", "node.k8s.io",
                   "events.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "storagemigration.k8s.io"}

# The kinds the schemas are generated for: (apiVersion, kind, model class of @kubernetes/client-node).
GENERATED_KINDS = [
    ("v1", "Namespace", "V1Namespace"),
    ("v1", "ConfigMap", "V1ConfigMap"),
    ("v1", "Secret", "V1Secret"),
    ("v1", "Service", "V1Service"),
    ("v1", "ServiceAccount", "V1ServiceAccount"),
    ("v1", "PersistentVolumeClaim", "V1PersistentVolumeClaim"),
    ("apps/v1", "Deployment", "V1Deployment"),
    ("apps/v1", "StatefulSet", "V1StatefulSet"),
    ("batch/v1", "Job", "V1Job"),
    ("batch/v1", "CronJob", "V1CronJob"),
    ("policy/v1", "PodDisruptionBudget", "V1PodDisruptionBudget"),
    ("networking.k8s.io/v1", "NetworkPolicy", "V1NetworkPolicy"),
    ("networking.k8s.io/v1", "Ingress", "V1Ingress"),
    ("rbac.authorization.k8s.io/v1", "Role", "V1Role"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding", "V1RoleBinding"),
    ("autoscaling/v2", "HorizontalPodAutoscaler", "V2HorizontalPodAutoscaler"),
]


def schema_file_name(api_version, kind):
    """yannh's naming: deployment-apps-v1.json, networkpolicy-networking-v1.json, service-v1.json."""
    group, _, version = api_version.rpartition("/")
    prefix = group.split(".")[0] + "-" if group else ""
    return f"{kind.lower()}-{prefix}{version}.json"


# ------------------------------------------------------------------------------------------------ generate

ATTRIBUTES = re.compile(r"\.attributeTypeMap = (\[.*?\]);", re.S)
REQUIRED = re.compile(r"^\s*'([^']+)': ", re.M)


class Models:
    def __init__(self, models_dir):
        self.dir = models_dir
        self.definitions = {}

    def fields(self, model):
        with open(os.path.join(self.dir, model + ".js"), encoding="utf-8") as f:
            match = ATTRIBUTES.search(f.read())
        if not match:
            raise SystemExit(f"{model}.js: no attributeTypeMap")
        with open(os.path.join(self.dir, model + ".d.ts"), encoding="utf-8") as f:
            required = set(REQUIRED.findall(f.read()))
        return json.loads(match.group(1)), required

    def type_schema(self, type_name, fmt):
        t = type_name.strip()
        if t == "string":
            return {"type": "string"}
        if t == "number":
            return {"type": "integer"} if fmt in ("int32", "int64") else {"type": "number"}
        if t == "boolean":
            return {"type": "boolean"}
        if t == "Date":
            return {"type": "string", "format": "date-time"}
        if t in ("any", "object"):
            return {}
        if t == "IntOrString":
            return {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        if t.startswith("Array<") and t.endswith(">"):
            return {"type": "array", "items": self.type_schema(t[6:-1], "")}
        map_match = re.fullmatch(r"\{ \[key: string\]: (.+); \}", t)
        if map_match:
            return {"type": "object", "additionalProperties": self.type_schema(map_match.group(1), "")}
        if re.fullmatch(r"[A-Za-z0-9]+", t):
            self.define(t)
            return {"$ref": "#/definitions/" + t}
        raise SystemExit(f"unknown type {t!r}")

    def define(self, model):
        if model in self.definitions:
            return
        self.definitions[model] = None  # recursion guard (JSONSchemaProps refers to itself)
        attributes, required = self.fields(model)
        properties = {a["baseName"]: self.type_schema(a["type"], a.get("format", "")) for a in attributes}
        definition = {"type": "object", "properties": properties, "additionalProperties": False}
        names = sorted(a["baseName"] for a in attributes if a["name"] in required)
        if names:
            definition["required"] = names
        self.definitions[model] = definition


def generate(models_dir, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    for api_version, kind, model in GENERATED_KINDS:
        models = Models(models_dir)
        models.define(model)
        root = dict(models.definitions[model])
        properties = dict(root["properties"])
        properties["apiVersion"] = {"type": "string", "enum": [api_version]}
        properties["kind"] = {"type": "string", "enum": [kind]}
        root["properties"] = properties
        root["required"] = sorted(set(root.get("required", [])) | {"apiVersion", "kind"})
        root["$schema"] = "http://json-schema.org/draft-07/schema#"
        root["description"] = (f"{api_version} {kind}, strict; generated by deploy/validate-k8s.py from "
                               f"@kubernetes/client-node's model {model}")
        root["definitions"] = {name: d for name, d in models.definitions.items() if name != model}
        root["definitions"][model] = models.definitions[model]
        with open(os.path.join(out_dir, schema_file_name(api_version, kind)), "w", encoding="utf-8") as f:
            json.dump(root, f, indent=1, sort_keys=True)
    print(f"wrote {len(GENERATED_KINDS)} schemas to {out_dir}")


# ------------------------------------------------------------------------------------------------ validate

def validate(schema_dir, crd_dir, files):
    failures, validated, skipped = 0, 0, []
    cache = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            documents = [d for d in yaml.safe_load_all(f) if d is not None]
        for document in documents:
            api_version, kind = document.get("apiVersion", ""), document.get("kind", "")
            name = (document.get("metadata") or {}).get("name", "?")
            what = f"{os.path.basename(path)}: {kind} {name} ({api_version})"
            group, _, version = api_version.rpartition("/")
            if group in BUILT_IN_GROUPS:
                schema_path = os.path.join(schema_dir, schema_file_name(api_version, kind))
            elif crd_dir:
                schema_path = os.path.join(crd_dir, group, f"{kind.lower()}_{version}.json")
            else:
                schema_path = None
            if schema_path is None or not os.path.isfile(schema_path):
                if group in BUILT_IN_GROUPS:
                    print(f"FAIL {what}: no schema {schema_path}")
                    failures += 1
                else:
                    skipped.append(what)
                continue
            if schema_path not in cache:
                with open(schema_path, encoding="utf-8") as f:
                    schema = json.load(f)
                cache[schema_path] = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(cache[schema_path].iter_errors(document), key=lambda e: list(e.absolute_path))
            if errors:
                failures += 1
                print(f"FAIL {what}")
                for error in errors:
                    where = "/".join(str(p) for p in error.absolute_path) or "(document)"
                    print(f"     {where}: {error.message}")
            else:
                validated += 1
                print(f"ok   {what}")
    for what in skipped:
        print(f"SKIP {what}: custom resource, no CRD schema (see docs/deploy.md)")
    print(f"{validated} passed, {failures} failed, {len(skipped)} skipped")
    return 1 if failures else 0


def main(argv):
    if len(argv) >= 3 and argv[0] == "generate":
        generate(argv[1], argv[2])
        return 0
    if len(argv) >= 2 and argv[0] == "validate":
        rest, crd_dir = argv[2:], None
        if len(rest) >= 2 and rest[0] == "--crd-schemas":
            crd_dir, rest = rest[1], rest[2:]
        return validate(argv[1], crd_dir, rest)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
