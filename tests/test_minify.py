"""The theme's scripts and stylesheets are published minified, and still work."""

from __future__ import annotations

from pathlib import Path

from generator.site.minify import minified, minify_assets

ROOT = Path(__file__).resolve().parents[1]
THEME_ASSETS = ROOT / "theme" / "assets"


def test_comments_and_spaces_go_and_the_code_stays():
    script = "/* the reader's note */\nfunction  add ( a, b ) {\n  // sum\n  return a + b;\n}\n"
    assert minified("x.js", script) == "function add(a,b){return a+b;}\n"
    style = "/* note */\n.mv-card  {\n  margin : 0 ;\n  color: #fff;\n}\n"
    assert minified("x.css", style) == ".mv-card{margin:0;color:#fff}\n"


def test_a_licence_comment_is_kept():
    assert minified("x.js", "/*! keep me */\nvar a = 1;\n").startswith("/*! keep me */")


def test_the_built_site_has_every_theme_script_and_stylesheet_minified(built_site: Path):
    sources = sorted(path for path in THEME_ASSETS.iterdir() if path.suffix in {".js", ".css"})
    assert len(sources) >= 4
    for source in sources:
        published = (built_site / "assets" / source.name).read_text(encoding="utf-8")
        assert published == minified(source.name, source.read_text(encoding="utf-8"))
        assert len(published) < 0.85 * source.stat().st_size, source.name


def test_only_the_themes_own_files_are_touched(tmp_path: Path):
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "a.js").write_text("var  a = 1;\n", encoding="utf-8")
    (tmp_path / "theme" / "notes.txt").write_text("  keep  \n", encoding="utf-8")
    site = tmp_path / "site" / "assets"
    site.mkdir(parents=True)
    for name in ("a.js", "notes.txt", "vendor.js"):
        (site / name).write_text("var  b = 2;\n", encoding="utf-8")
    assert minify_assets(tmp_path / "theme", tmp_path / "site") == ["a.js"]
    assert (site / "a.js").read_text(encoding="utf-8") == "var b=2;\n"
    assert (site / "vendor.js").read_text(encoding="utf-8") == "var  b = 2;\n"
    assert (site / "notes.txt").read_text(encoding="utf-8") == "var  b = 2;\n"
