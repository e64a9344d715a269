"""The theme's own scripts and stylesheets, minified where the site is built.

`theme/assets/` keeps them readable; the published copies are minified by rJSmin and rCSSmin
(maintained minifiers that only remove what a browser ignores: comments and whitespace,
never renaming), so learners download less. Vendored files arrive minified already
(`*.min.js`, lunr-languages) and Material's own are minified by Material.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import rcssmin
import rjsmin

_MINIFIERS: dict[str, Callable[[str], str]] = {
    ".js": lambda text: rjsmin.jsmin(text, keep_bang_comments=True),
    ".css": lambda text: rcssmin.cssmin(text, keep_bang_comments=True),
}


def minified(name: str, text: str) -> str:
    """`text`, the content of the asset `name` (its suffix picks the minifier), minified."""
    return _MINIFIERS[Path(name).suffix](text).strip() + "\n"


def minify_assets(theme_assets: Path, site: Path) -> list[str]:
    """Minify, in a built site's `assets/`, the scripts and stylesheets of the theme's own
    `assets/` folder, in place; the names of those done."""
    done = []
    for source in sorted(theme_assets.glob("*")):
        path = site / "assets" / source.name
        if source.suffix in _MINIFIERS and path.is_file():
            path.write_text(minified(path.name, path.read_text(encoding="utf-8")),
                            encoding="utf-8")
            done.append(source.name)
    return done
