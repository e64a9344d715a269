"""The web editor as published: admin/ with its page, config, scripts and licences."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.content.catalogue import Catalogue, load_catalogue
from generator.kinds import SiteInfo
from generator.outputs import editor
from generator.tools.editor import config_yaml, field_layout

SITE = SiteInfo(url="https://microvet-catalogue.github.io/microvet/",
                repo_url="https://github.com/microvet-catalogue/microvet", edit_uri="edit/main/")


@pytest.fixture
def catalogue(content_tree: Any) -> Catalogue:
    """A valid catalogue of one unit (the editor's files do not depend on it)."""
    return load_catalogue(content_tree.minimal().content)


def test_every_file_of_the_editor_is_published_under_admin(catalogue: Catalogue):
    files = editor.render(catalogue, SITE)
    assert all(path.startswith("admin/") for path in files)
    for name in ("index.html", "config.yml", "decap-cms.js", "decap-cms.js.LICENSE.txt",
                 "decap-cms.LICENSE", "js-yaml.min.js", "js-yaml.LICENSE", "manual-init.js",
                 "microvet-editor.js"):
        assert f"admin/{name}" in files, name
    assert files["admin/config.yml"] == config_yaml(SITE).encode("utf-8")


def test_the_chunks_decap_loads_on_demand_are_published_beside_it(catalogue: Catalogue):
    files = editor.render(catalogue, SITE)
    bundle = files["admin/decap-cms.js"].decode("utf-8")
    chunks = {path.removeprefix("admin/") for path in files if path.endswith(".decap-cms.js")}
    assert len(chunks) > 50
    # webpack loads chunk N as `N.decap-cms.js` (`__webpack_require__.e(N)`) beside itself.
    wanted = {f"{number}.decap-cms.js"
              for number in re.findall(r"__webpack_require__\.e\((\d+)\)", bundle)}
    assert len(wanted) > 50
    assert wanted <= chunks


def test_the_page_runs_only_the_sites_own_scripts_in_order():
    html = editor.page(SITE)
    scripts = re.findall(r'<script src="([^"]+)"></script>', html)
    assert scripts == ["manual-init.js", "js-yaml.min.js", "decap-cms.js", "microvet-editor.js"]
    assert "http" not in "".join(scripts)
    assert '<link href="config.yml" type="text/yaml" rel="cms-config-url">' in html


def test_the_page_carries_the_field_layout_for_our_script():
    html = editor.page(SITE)
    start = html.index('id="microvet-fields">') + len('id="microvet-fields">')
    assert json.loads(html[start:html.index("</script>", start)]) == field_layout()


def test_the_policy_comes_before_any_script():
    html = editor.page(SITE)
    assert html.index('http-equiv="Content-Security-Policy"') < html.index("<script")


def test_the_editors_policy_allows_eval_and_the_git_host_and_nothing_else():
    assert editor.editor_policy(SITE) == (
        "default-src 'none'; script-src 'self' 'unsafe-eval'; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob: https://avatars.githubusercontent.com; "
        "font-src 'self' data:; "
        "connect-src 'self' http://localhost:8081 https://api.github.com "
        "https://www.githubstatus.com; "
        "frame-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'")
    with_auth = SiteInfo(url="https://x.org/", repo_url="https://github.com/a/b",
                         editor_auth_url="https://auth.example.org/oauth")
    assert "https://auth.example.org;" in editor.editor_policy(with_auth)


def test_only_the_editor_page_allows_eval(built_site: Path):
    admin = (built_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert "&#39;unsafe-eval&#39;" in admin
    for page in ("index.html", "catalogue/index.html", "units/barista-basics/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert "Content-Security-Policy" in html and "unsafe-eval" not in html, page
    assert "admin/" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


def test_the_page_is_translatable():
    source = (Path(editor.__file__).parent / "editor" / "admin.html").read_text(encoding="utf-8")
    texts = re.findall(r">\s*([^<>{}\s][^<>{}]*?)\s*<", source)
    assert texts == [], "every text of the page goes through _()"
    assert source.count('{{ _("') == 2


def test_the_oauth_provider_is_set_when_building(content_tree: Any, tmp_path: Path):
    from conftest import copy_project, mkdocs_build

    project = copy_project(tmp_path / "project", content=content_tree.minimal().content)
    result = mkdocs_build(project, env={"MICROVET_EDITOR_AUTH_URL": "https://auth.example.org"})
    assert result.returncode == 0, result.stderr
    config = yaml.safe_load((project / "site" / "admin" / "config.yml").read_text("utf-8"))
    assert config["backend"]["base_url"] == "https://auth.example.org"
    assert "https://auth.example.org" in (project / "site" / "admin" / "index.html").read_text(
        "utf-8")
