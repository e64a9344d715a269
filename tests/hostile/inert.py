"""Proof, by parsing every file of a built site, that nothing in it can run injected script.

Generic over the site: any output a renderer adds later is walked too. HTML pages may carry
only the site's own scripts (files in the site, Material's fixed inline scripts allowed by the
page's Content-Security-Policy, and data blocks that parse as JSON); no element may carry an
event handler or a `javascript:`/`data:`/`vbscript:` address; JSON and XML documents must
parse (XML without any DTD or entity declarations).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag
from lxml import etree

DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "poster", "data", "background",
    "cite", "longdesc", "manifest", "ping", "srcset", "lowsrc", "dynsrc", "codebase", "archive",
    "profile", "usemap", "icon",
}
FORBIDDEN_ELEMENTS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base",
                      "portal", "fencedframe"}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
_MATERIAL_SCOPE_SCRIPT = re.compile(
    r'__md_scope=new URL\("[^"<>\\]*",location\),__md_hash=e=>\[\.\.\.e\]\.reduce\(\(\(e,_\)=>'
    r'\(e<<5\)-e\+_\.charCodeAt\(0\)\),0\),__md_get=\(e,_=localStorage,t=__md_scope\)=>JSON\.'
    r'parse\(_\.getItem\(t\.pathname\+"\."\+e\)\),__md_set=\(e,_,t=localStorage,a=__md_scope\)'
    r'=>\{try\{t\.setItem\(a\.pathname\+"\."\+e,JSON\.stringify\(_\)\)\}catch\(e\)\{\}\}')
"""Material's one inline script before the policy: only the scope URL varies, per page depth."""


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _normalised(url: str) -> str:
    """What a browser sees as the scheme: controls and whitespace removed, lower case."""
    return re.sub(r"[\x00-\x20\x7f]+", "", url).lower()


def page_problems(page: Path, site: Path) -> Iterator[str]:
    """Everything on one HTML page that could run script it did not ship with."""
    html = page.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "lxml")
    where = page.relative_to(site).as_posix()
    policy = soup.find("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if not isinstance(policy, Tag):
        yield f"{where}: no Content-Security-Policy"
        allowed: set[str] = set()
    else:
        allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", str(policy.get("content", ""))))
    policy_seen = False
    for element in soup.find_all(True):
        if element is policy:
            policy_seen = True
        yield from _element_problems(element, where, page, site, allowed, policy_seen)


def _element_problems(element: Tag, where: str, page: Path, site: Path, allowed: set[str],
                      policy_seen: bool) -> Iterator[str]:
    name = element.name.lower()
    if name in FORBIDDEN_ELEMENTS or name.startswith("xss"):
        yield f"{where}: forbidden element <{name}>"
    if name == "meta" and str(element.get("http-equiv", "")).lower() == "refresh":
        yield f"{where}: <meta http-equiv=refresh>"
    for attribute, value in element.attrs.items():
        values = value if isinstance(value, list) else [value]
        if attribute.lower().startswith("on"):
            yield f"{where}: event handler {attribute}= on <{name}>"
        if attribute.lower() == "srcdoc":
            yield f"{where}: srcdoc on <{name}>"
        if attribute.lower() in URL_ATTRIBUTES:
            for url in values:
                if _normalised(str(url)).startswith(SCRIPT_SCHEMES):
                    yield f"{where}: {attribute}={url!r} on <{name}>"
    if name == "script":
        yield from _script_problems(element, where, page, site, allowed, policy_seen)
    if name == "form" and urlsplit(str(element.get("action", ""))).scheme:
        yield f"{where}: form posting outside the site: {element['action']!r}"


def _script_problems(script: Tag, where: str, page: Path, site: Path, allowed: set[str],
                     policy_seen: bool) -> Iterator[str]:
    kind = str(script.get("type", "")).strip().lower()
    text = script.string or ""
    if kind in DATA_SCRIPT_TYPES:
        if re.search(r"</script|<!--", text, re.I):
            yield f"{where}: a {kind} block contains '</script' or '<!--'"
        try:
            json.loads(text, parse_constant=_no_constant)
        except ValueError as error:
            yield f"{where}: a {kind} block is not JSON: {error}"
        return
    if script.get("src"):
        target = _site_file(str(script["src"]), page, site)
        if target is None or not target.is_file():
            yield f"{where}: script from outside the site: {script['src']!r}"
        return
    if policy_seen and _sha256(text) not in allowed:
        yield f"{where}: inline script not allowed by the page's policy: {text[:80]!r}"
    if not policy_seen and not _MATERIAL_SCOPE_SCRIPT.fullmatch(text):
        yield f"{where}: unknown inline script before the policy: {text[:80]!r}"


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _site_file(url: str, page: Path, site: Path) -> Path | None:
    """The file a same-site URL (relative, or absolute under the site's path) points to."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    if parts.path.startswith("/"):
        base = site_base_path(site)
        if not parts.path.startswith(base):
            return None
        resolved = (site / parts.path.removeprefix(base)).resolve()
    else:
        folder = PurePosixPath(page.relative_to(site).as_posix()).parent
        resolved = (site / folder / parts.path).resolve()
    return resolved if resolved.is_relative_to(site.resolve()) else None


def site_url(site: Path) -> str:
    """The public address the site was built for: the home page's canonical link."""
    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "lxml")
    canonical = soup.find("link", rel="canonical")
    return str(canonical["href"]) if isinstance(canonical, Tag) else "/"


def site_base_path(site: Path) -> str:
    """The path of the site under its host, e.g. `/microvet/` (pages 404.html use it)."""
    return urlsplit(site_url(site)).path or "/"


def document_problems(path: Path, site: Path) -> Iterator[str]:
    """A metadata document that does not parse, or XML that declares entities."""
    where = path.relative_to(site).as_posix()
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        yield f"{where}: not UTF-8"
        return
    if path.suffix in {".json", ".jsonld", ".webmanifest"}:
        try:
            json.loads(text, parse_constant=_no_constant)
        except ValueError as error:
            yield f"{where}: not JSON: {error}"
    elif path.suffix == ".xml":
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            tree = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as error:
            yield f"{where}: not XML: {error}"
            return
        if tree.getroottree().docinfo.internalDTD is not None or b"<!ENTITY" in data:
            yield f"{where}: declares a DTD or entities"
        for element in tree.iter():
            if isinstance(element.tag, str) and etree.QName(element).localname.lower() == "script":
                yield f"{where}: a <script> element"


def site_problems(site: Path) -> list[str]:
    """Every problem on every page and in every document of the built site."""
    problems: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            problems += page_problems(path, site)
        elif path.suffix in {".json", ".jsonld", ".webmanifest", ".xml"}:
            problems += document_problems(path, site)
    return problems


def json_ld_blocks(page: Path) -> list[object]:
    """The parsed JSON-LD blocks of a page, as a crawler reads them."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
    return [json.loads(script.string or "")
            for script in soup.find_all("script", attrs={"type": "application/ld+json"})]


def strings_in(data: object) -> Iterator[str]:
    """Every string anywhere in parsed JSON."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from strings_in(value)
    elif isinstance(data, list):
        for item in data:
            yield from strings_in(item)
