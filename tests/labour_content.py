"""A small catalogue with demands, shared by the tests of skills, gaps and statistics."""

from __future__ import annotations

from conftest import ContentTree
from test_demand import DEMAND

from generator.content.catalogue import Catalogue, load_catalogue

HYGIENE = "http://data.europa.eu/esco/skill/d9449998-c1f5-478c-a103-2255398cf0b6"
FORKLIFT = "http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da"
PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
FORKLIFT_OPERATOR = "http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755"
BARISTA = "http://data.europa.eu/esco/occupation/bf7d8b16-4e2c-48ef-b44e-dc25b2d0ab61"

SECOND = DEMAND.replace("id: need", "id: other").replace("country: AT\n  nuts: AT13",
                                                         "country: DE").replace(
    "  nace: H", "  isced_f: \"1041\"").replace(
    f"  - uri: {HYGIENE}\n    priority: high\n    eqf_level: \"3\"",
    f"  - uri: {FORKLIFT}\n    label: operate forklift\n    priority: medium\n"
    f"  - uri: {PYTHON}\n    priority: low")


def labour_tree(tree: ContentTree) -> Catalogue:
    """Minimal content (one unit teaching apply hygiene standards) and two demands:
    `need` (AT, NACE H: hygiene, high, EQF 3; forklift, high) and `other` (DE, ISCED-F 1041:
    forklift, medium; Python, low)."""
    tree.minimal()
    tree.write("units", "barista", (tree.content / "units" / "barista.yaml").read_text()
               + f"occupations:\n  - {BARISTA}\n")
    (tree.content / "demands").mkdir(exist_ok=True)
    tree.write("demands", "need", DEMAND.replace(
        "    eqf_level: \"3\"\n",
        f"    eqf_level: \"3\"\n  - uri: {FORKLIFT}\n    label: operate forklift\n"
        "    priority: high\n"))
    tree.write("demands", "other", SECOND)
    return load_catalogue(tree.content, root=tree.root)
