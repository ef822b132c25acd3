"""Validates data·inclusion files with the schema's own pydantic models (PyPI package
data-inclusion-schema, v1), warnings included: every structure and service, unique ids,
each service's structure present. Also checks that the vocabulary the portal's model holds
(functions/model/src/datainclusion.rs) is the package's.

Usage: python datainclusion.py REPO STRUCTURES.json SERVICES.json [...]  (pairs of files)
Prints one line per pair: the records checked and the errors; exits 1 on any error.
"""

import importlib.metadata
import json
import re
import sys
from pathlib import Path

import pydantic
from data_inclusion.schema import v1

STRICT = {"ignore_warnings": False}


def vocabulary(repo: Path) -> int:
    """The model's lists against the package's enums: 0 when they are the same."""
    text = (repo / "functions/model/src/datainclusion.rs").read_text(encoding="utf-8")
    errors = 0
    for name, enum in (("CATEGORIES", v1.Categorie), ("THEMATIQUES", v1.Thematique)):
        block = re.search(rf"pub const {name}: &\[&str\] = &\[(.*?)\];", text, re.S)
        ours = set(re.findall(r'"([^"]+)"', block.group(1))) if block else set()
        theirs = {e.value for e in enum}
        if ours != theirs:
            errors += 1
            print(f"{name} : absentes du modèle {sorted(theirs - ours)}, inconnues du schéma {sorted(ours - theirs)}")
    return errors


def check(path: Path, model, seen: set) -> tuple[list, int]:
    records = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(records, list):
        print(f"{path} : attendu un tableau JSON d'enregistrements")
        return [], 1
    errors = 0
    for i, record in enumerate(records):
        try:
            model.model_validate(record, context=STRICT)
        except pydantic.ValidationError as e:
            errors += 1
            print(f"{path}[{i}] ({record.get('id')}) : {e}")
        if record.get("id") in seen:
            errors += 1
            print(f"{path}[{i}] : id {record.get('id')} en double")
        seen.add(record.get("id"))
    return records, errors


def main() -> int:
    repo = Path(sys.argv[1])
    errors = vocabulary(repo)
    files = [Path(p) for p in sys.argv[2:]]
    version = importlib.metadata.version("data-inclusion-schema")
    for structures_path, services_path in zip(files[::2], files[1::2]):
        structures, e1 = check(structures_path, v1.Structure, set())
        services, e2 = check(services_path, v1.Service, set())
        ids = {s.get("id") for s in structures}
        orphans = [s.get("id") for s in services if s.get("structure_id") not in ids]
        for o in orphans:
            print(f"{services_path} : le service {o} n'a pas sa structure")
        found = e1 + e2 + len(orphans)
        errors += found
        print(
            f"data·inclusion ({structures_path.parent}) : {len(structures)} structures et "
            f"{len(services)} services vérifiés avec data-inclusion-schema {version}, erreurs : {found}"
        )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
