"""The web editor at `admin/`: its page, its generated `config.yml` and its scripts.

Everything the editor runs is served from the site: Decap CMS and js-yaml as released on
the npm registry (vendored in `vendor/`, refreshed by `scripts/vendor-editor.sh`), and our
own script that reads and writes the content files like a person would
(`editor/microvet-editor.js`). The configuration is made from the models
(`generator.tools.editor`), so the form always matches what `microvet check` accepts.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

from jinja2 import Environment

from generator.content.catalogue import Catalogue
from generator.content.serialise import script_json
from generator.kinds import SiteInfo
from generator.tools.editor import LOCAL_BACKEND_PORT, backend, config_yaml, field_layout

FOLDER = "admin/"
OWN_SCRIPTS = ("manual-init.js", "microvet-editor.js")


@cache
def _package_file(*parts: str) -> bytes:
    return resources.files("generator.outputs").joinpath(*parts).read_bytes()


SOURCE_MAP_COMMENT = re.compile(rb"\n//# sourceMappingURL=\S+\s*$")


def _without_source_map(script: bytes) -> bytes:
    """A vendored script without its `sourceMappingURL` comment: the maps are not shipped,
    and a browser's developer tools would ask the site for each missing `.map`."""
    return SOURCE_MAP_COMMENT.sub(b"\n", script)


@cache
def vendored() -> dict[str, bytes]:
    """Decap CMS (its bundle, the chunks it loads on demand, licences) and js-yaml."""
    decap = resources.files("generator.outputs") / "vendor" / "decap-cms"
    files = {f"{FOLDER}{item.name}": _without_source_map(item.read_bytes())
             for item in decap.iterdir() if item.name.endswith((".js", ".txt"))}
    files[f"{FOLDER}decap-cms.LICENSE"] = _package_file("vendor", "decap-cms.LICENSE")
    files[f"{FOLDER}js-yaml.min.js"] = _without_source_map(
        _package_file("vendor", "js-yaml", "js-yaml.umd.min.js"))
    files[f"{FOLDER}js-yaml.LICENSE"] = _package_file("vendor", "js-yaml", "LICENSE")
    return files


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """Every file of the editor, under `admin/`."""
    files = dict(vendored())
    files.update({f"{FOLDER}{name}": _package_file("editor", name) for name in OWN_SCRIPTS})
    files[f"{FOLDER}config.yml"] = config_yaml(site).encode("utf-8")
    files[f"{FOLDER}index.html"] = page(site).encode("utf-8")
    return files


def page(site: SiteInfo) -> str:
    """`admin/index.html`: the policy, the field layout for our script, the scripts."""
    env = Environment(autoescape=True, extensions=["jinja2.ext.i18n"], keep_trailing_newline=True)
    env.install_null_translations(newstyle=True)  # type: ignore[attr-defined]  # added by i18n
    template = env.from_string(_package_file("editor", "admin.html").decode("utf-8"))
    return template.render(policy=editor_policy(site), site_name=site.name,
                           fields=script_json(field_layout()))


def editor_policy(site: SiteInfo) -> str:
    """The editor page's own Content-Security-Policy (docs/security.md says why it differs).

    Decap CMS compiles its configuration schema with `new Function` ('unsafe-eval') and
    styles its interface with injected style elements ('unsafe-inline' styles); it talks to
    the git host's API, and on localhost to `decap-server`.
    """
    connect = ["'self'", f"http://localhost:{LOCAL_BACKEND_PORT}"]
    images = ["'self'", "data:", "blob:"]
    settings = backend(site)
    if settings["name"] == "github":
        connect += ["https://api.github.com", "https://www.githubstatus.com"]
        images += ["https://avatars.githubusercontent.com"]
    if settings.get("base_url"):
        parts = urlsplit(settings["base_url"])
        connect.append(f"{parts.scheme}://{parts.netloc}")
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": images,
        "font-src": ["'self'", "data:"],
        "connect-src": connect,
        "frame-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
