"""The Content-Security-Policy of the site's pages: which scripts may run, what may load.

The policy travels in a `<meta http-equiv>` tag at the end of `<head>` (the theme's only hook
there), and a meta policy governs what comes after it. Every inline script after it is one of
the theme's own fixed scripts, allowed by its SHA-256 hash; nothing a content file says can
match a hash, so text that slipped through as markup still could not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

_INLINE_SCRIPT = re.compile(r"<script>(?P<body>.*?)</script>", re.DOTALL)
_TEMPLATE_SYNTAX = ("{{", "{%", "{#")


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def fixed_script_hashes(template_sources: Iterable[str]) -> list[str]:
    """Hashes of the inline scripts written literally in templates (no Jinja inside them).

    A script whose text a template fills in cannot be hashed in advance; such scripts must
    not follow the policy's meta tag (Material's only one, `__md_scope`, precedes it).
    """
    hashes = {
        script_hash(match["body"])
        for source in template_sources
        for match in _INLINE_SCRIPT.finditer(source)
        if not any(mark in match["body"] for mark in _TEMPLATE_SYNTAX)
    }
    return sorted(hashes)


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The policy: only the site's own files and the theme's fixed inline scripts.

    Nothing may load from another host: the site works offline and self-hosted, and no
    learner's address reaches a third party (theme/partials/source.html drops Material's
    repository widget, which would ask the forge's API for stars and version).
    """
    directives = {
        "default-src": ["'none'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'"],
        # Material's stylesheet draws its icons from data: SVG images.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())
