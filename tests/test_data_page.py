"""Every example on the "Data for aggregators" page (pages/data.md) runs against a built site.

The page's `sh` blocks are run as written, with bash, curl, jq and python3, against the sample
site served on 127.0.0.1 (`$SITE` set to it instead of the public address). Each must exit 0
and print real values: no `null`, nothing empty.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, browser_unavailable, serving

DATA_PAGE = ROOT / "pages" / "data.md"
SITE_LINE = re.compile(r"^SITE=\S+$")
TOOLS = ("bash", "curl", "jq", "python3")


def examples() -> list[str]:
    """The page's shell examples, in page order, without the line that sets `$SITE`."""
    text = DATA_PAGE.read_text(encoding="utf-8")
    blocks = re.findall(r"^```sh\n(.*?)^```$", text, re.DOTALL | re.MULTILINE)
    return [block for block in blocks if not SITE_LINE.match(block.strip())]


@pytest.fixture(scope="module")
def site_url(built_site: Path) -> Iterator[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        browser_unavailable(f"needs {', '.join(missing)} (`apt-get install curl jq`)")
    with serving(built_site) as url:
        yield url.rstrip("/")


def run_example(block: str, site_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", "-c", block], capture_output=True, text=True, check=False,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "SITE": site_url})


def test_the_page_sets_site_once_and_has_examples():
    text = DATA_PAGE.read_text(encoding="utf-8")
    assert re.findall(r"^SITE=(\S+)$", text, re.MULTILINE) == [
        "https://microvet-catalogue.github.io/microvet"]
    assert len(examples()) == 7


@pytest.mark.parametrize("number", range(len(examples())))
def test_every_example_prints_real_values(number: int, site_url: str):
    block = examples()[number]
    result = run_example(block, site_url)
    assert result.returncode == 0, (block, result.stderr)
    assert result.stderr == "", block
    lines = result.stdout.splitlines()
    assert lines, block
    assert not [line for line in lines if line.strip() in {"null", "", "[]", "{}", "None"}], (
        block, result.stdout)


def test_the_elm_example_prints_the_type_and_title(site_url: str):
    [block] = [b for b in examples() if "elm.jsonld" in b]
    assert run_example(block, site_url).stdout.splitlines() == [
        '"LearningOpportunity"', '"Barista basics: espresso and milk drinks"']


def test_the_harvest_example_counts_every_unit(site_url: str, built_site: Path):
    [block] = [b for b in examples() if "api/units.json" in b and ".count" in b]
    count = len(list((built_site / "units").glob("*/index.html")))
    first = run_example(block, site_url).stdout.splitlines()[0]
    assert json.loads(first) == count


def test_a_broken_example_would_fail(site_url: str):
    """The check is real: the old ELM example printed null twice."""
    result = run_example(
        'curl -s "$SITE/units/barista-basics/elm.jsonld" | jq \'.type, .title\'', site_url)
    assert result.stdout.splitlines() == ["null", "null"]
