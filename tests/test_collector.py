"""The cycle collector's thresholds: raised while reading or building, restored after."""

from __future__ import annotations

import gc

import pytest
from conftest import copy_project
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator.build import pipeline
from generator.collector import THRESHOLDS, collecting_rarely
from generator.content.catalogue import load_catalogue
from generator.content.errors import ContentError
from generator.site import plugin


@pytest.fixture
def default_thresholds():
    previous = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield (700, 10, 10)
    gc.set_threshold(*previous)


def test_thresholds_are_raised_in_the_block_and_restored_after_it(default_thresholds):
    with collecting_rarely():
        assert gc.get_threshold() == THRESHOLDS
        assert THRESHOLDS[0] > default_thresholds[0]
    assert gc.get_threshold() == default_thresholds


def test_thresholds_are_restored_when_the_block_fails(default_thresholds):
    with pytest.raises(RuntimeError), collecting_rarely():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == default_thresholds


def test_reading_a_catalogue_leaves_the_thresholds_as_they_were(default_thresholds,
                                                                 content_tree):
    content_tree.minimal()
    load_catalogue(content_tree.content, root=content_tree.root)
    assert gc.get_threshold() == default_thresholds
    content_tree.write("units", "broken", "id: broken\n")
    with pytest.raises(ContentError):
        load_catalogue(content_tree.content, root=content_tree.root)
    assert gc.get_threshold() == default_thresholds


@pytest.mark.parametrize("valid", [True, False], ids=["build", "failed build"])
def test_a_build_runs_with_raised_thresholds_and_restores_them(
        default_thresholds, content_tree, tmp_path, monkeypatch, valid):
    content_tree.minimal()
    if not valid:
        content_tree.write("units", "broken", "id: broken\n")
    project = copy_project(tmp_path / "project", content=content_tree.content)
    monkeypatch.chdir(project)
    during = []

    def gather(*args, **kwargs):
        during.append(gc.get_threshold())
        return pipeline.gather(*args, **kwargs)

    monkeypatch.setattr(plugin, "gather", gather)
    config = load_config(str(project / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    if valid:
        build(config)
        config.plugins.on_shutdown()
        assert (project / "site" / "units" / "barista" / "index.html").is_file()
    else:
        with pytest.raises(Abort):  # MkDocs' word for a PluginError
            build(config)
    assert gc.get_threshold() == default_thresholds
    assert during == [THRESHOLDS]
