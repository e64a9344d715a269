"""What the website consists of: the catalogue list's pages and their pager."""

from __future__ import annotations

from generator.site.pages import PagerLink, pager


def numbers(number: int, count: int) -> list[int | None]:
    return [link.number if link else None for link in pager(number, count)]


def test_pager_links_the_first_the_last_and_two_neighbours():
    assert numbers(100, 200) == [1, None, 98, 99, 100, 101, 102, None, 200]
    assert numbers(1, 200) == [1, 2, 3, None, 200]
    assert numbers(200, 200) == [1, None, 198, 199, 200]


def test_a_gap_of_one_page_shows_that_page():
    assert numbers(5, 9) == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert numbers(5, 10) == [1, 2, 3, 4, 5, 6, 7, None, 10]


def test_short_catalogues_list_every_page():
    assert numbers(1, 1) == [1]
    assert numbers(2, 3) == [1, 2, 3]


def test_the_pager_does_not_grow_with_the_catalogue():
    assert max(len(pager(n, 2000)) for n in range(1, 2001)) == 9


def test_links_point_at_the_pages():
    assert pager(2, 3) == [PagerLink(1, "catalogue/"), PagerLink(2, "catalogue/page/2/"),
                           PagerLink(3, "catalogue/page/3/")]


def test_every_folder_of_every_published_file_answers(built_site):
    """No prefix of a published path returns 404: each folder has an index page."""
    missing = set()
    for path in built_site.rglob("*"):
        if path.is_dir() or path.relative_to(built_site).parts[0] == "assets":
            continue
        folder = path.parent
        while folder != built_site:
            if not (folder / "index.html").is_file():
                missing.add(str(folder.relative_to(built_site)))
            folder = folder.parent
    assert sorted(missing) == []


def test_kinds_have_index_pages(built_site):
    providers = (built_site / "providers" / "index.html").read_text()
    assert providers.count('href="example-') == 7
    outcomes = (built_site / "outcomes" / "index.html").read_text()
    listed = outcomes.split('<ul class="mv-index">', 1)[1].split("</ul>", 1)[0]  # not the menus
    assert listed.count('<li><a href="') == 100
    assert 'href="../catalogue/"' in (built_site / "units" / "index.html").read_text()
