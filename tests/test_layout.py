"""The package's layout: folders are stages, and every module has a mirrored test file."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "generator"

TESTED_ELSEWHERE = {
    "content/models/base.py": "test_models.py (the models are tested through their fields)",
    "content/models/esco.py": "test_models.py",
    "content/models/outcome.py": "test_models.py",
    "content/models/pathway.py": "test_pathways.py (with the totals and checks it feeds)",
    "content/models/price.py": "test_models.py",
    "content/models/provider.py": "test_models.py",
    "content/models/unit.py": "test_models.py",
    "content/strict_yaml.py": "test_sources.py (the reader is its only caller)",
    "content/validation.py": "test_sources.py and hostile/test_errors.py (every message)",
    "content/vocabularies/esco.py": "test_vocabularies.py",
    "content/text.py": "test_templating.py (they are the templates' filters)",
    "outputs/elm_concepts.py": "test_elm.py (the nodes are only meaningful in a document)",
    "outputs/elm_recognition.py": "test_prior_learning.py and test_recognition.py",
    "outputs/endorsements.py": "test_recognition.py (endorsements are recognition statements)",
    "outputs/packed_index.py": "test_search.py (packing is tested against lunr's own index)",
    "tools/standards/jsonld.py": "test_schemaorg.py, test_openbadges.py (strict expansion, "
                                 "a dropped key) and test_validate.py",
    "tools/standards/amb.py": "test_schemaorg.py (agrees with upstream's valid and invalid "
                              "examples; the AMB blocks)",
    "tools/standards/ob3.py": "test_openbadges.py (every achievement, and a broken one)",
    "outputs/search_text.py": "test_search.py and browser/test_catalogue_languages.py (words, "
                              "stems and stop words, in Python and against the page's own)",
}
"""Modules whose tests live in another file, and why."""

LAYERS = [
    "generator.collector",    # the cycle collector's thresholds (imports nothing of ours)
    "generator.i18n",         # interface languages and their messages (imports nothing of ours)
    "generator.content",      # reading one file: sources, models, vocabularies, validation
    "generator.kinds",        # the registry of kinds (their models and checks)
    "generator.content.catalogue",  # every file of every kind -> one Catalogue
    "generator.tools",        # provider tools
    "generator.outputs",      # renderers
    "generator.site",         # pages, sitemap, templating, CSP
    "generator.build",        # the orchestrator, writer, swap
    "generator.site.plugin",  # the MkDocs shell: its adapter and its preview server
    "generator.site.preview",
    "generator.cli",
]
"""Stages in order: a module imports only from its own stage or earlier ones."""


def _rank(module: str) -> int:
    """The stage of a module: the longest prefix in `LAYERS` (the shell ranks with plugin)."""
    matches = [layer for layer in LAYERS if module == layer or module.startswith(layer + ".")]
    layer = max(matches, key=len)
    return min(LAYERS.index(layer), LAYERS.index("generator.site.plugin")) \
        if layer == "generator.site.preview" else LAYERS.index(layer)


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")


def test_every_module_has_a_mirrored_test_file_or_a_reason():
    missing = []
    for path in _modules():
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in TESTED_ELSEWHERE:
            continue
        if not (ROOT / "tests" / f"test_{path.stem}.py").is_file():
            missing.append(relative)
    assert missing == []


def test_imports_point_down_the_stages():
    upward = []
    for path in _modules():
        module = "generator." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        own = _rank(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ImportFrom) and node.module and node.level == 0
                    and node.module.startswith("generator.") and _rank(node.module) > own):
                upward.append(f"{module} imports {node.module}")
    assert upward == []


def test_only_the_site_stage_and_the_cli_import_mkdocs():
    users = []
    for path in _modules():
        source = path.read_text(encoding="utf-8")
        if "import mkdocs" in source or "from mkdocs" in source:
            users.append(path.relative_to(PACKAGE).as_posix())
    assert all(user.startswith("site/") for user in users), users


def test_the_package_names_its_public_api_without_importing_every_stage():
    import generator

    for name in generator.__all__:
        assert getattr(generator, name) is not None, name
    with pytest.raises(AttributeError):
        generator.no_such_name  # noqa: B018  # the attribute lookup is the test


def test_reading_content_imports_no_renderer_template_engine_or_mkdocs():
    # `microvet check` reads content only: importing every renderer cost it 0.4 s at start-up.
    probe = ("import sys, generator.cli, generator.content.catalogue; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in "
             "('jinja2', 'mkdocs', 'icalendar') or m.startswith('generator.outputs')))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True, cwd=ROOT).stdout.strip()
    assert loaded == "[]"
