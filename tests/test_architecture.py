"""The layout of ARCHITECTURE.md, checked: imports between the project's apps go
one way, so the layout cannot silently rot.

    search → news, awards, pages;  awards → news (Article only);
    news, awards, pages → base and the floors below it;
    base → accounts, page_cache, languages;
    accounts, page_cache, languages → Django only;  mops_site → all.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "accounts",
    "page_cache",
    "languages",
    "base",
    "news",
    "awards",
    "pages",
    "search",
    "mops_site",
]
FLOORS = {"accounts", "page_cache", "languages"}
ALLOWED = {
    "accounts": set(),
    "page_cache": set(),
    "languages": set(),
    "base": FLOORS,
    "news": {"base", *FLOORS},
    "awards": {"base", "news", *FLOORS},
    "pages": {"base", *FLOORS},
    "search": {"base", "news", "awards", "pages", *FLOORS},
    "mops_site": set(APPS),
}


def imports_of(source):
    """(module, names) for every import in ``source``, also inside functions."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def wrong_edges(app, source):
    problems = []
    for module, names in imports_of(source):
        target = module.split(".")[0]
        if target not in APPS or target == app:
            continue
        if target not in ALLOWED[app]:
            problems.append(f"{app} imports {module}")
        elif (app, target) == ("awards", "news") and (module, names) != (
            "news.models",
            ["Article"],
        ):
            problems.append(f"awards imports {module} {names}: only Article")
    return problems


def _modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            yield app, path


@pytest.mark.parametrize("app", APPS)
def test_imports_between_apps_go_one_way(app):
    problems = []
    for owner, path in _modules():
        if owner == app:
            for problem in wrong_edges(app, path.read_text()):
                problems.append(f"{path.relative_to(ROOT)}: {problem}")
    assert problems == []


def test_no_view_imports_another_apps_models():
    problems = []
    for app, path in _modules():
        if path.name != "views.py":
            continue
        for module, _ in imports_of(path.read_text()):
            if module.endswith(".models") and module.split(".")[0] != app:
                problems.append(f"{path.relative_to(ROOT)} imports {module}")
    assert problems == []


@pytest.mark.parametrize(
    ("app", "source", "wrong"),
    [
        ("base", "from news.models import Article", True),
        ("base", "def f():\n    from pages import models", True),
        ("news", "import awards.models", True),
        ("news", "from search.results import search", True),
        ("awards", "from news.models import Article, Category", True),
        ("awards", "from news.views import ArticleDetailView", True),
        ("awards", "from news.models import Article", False),
        ("search", "from awards.models import Award", False),
        ("pages", "from base.fields import RichTextField", False),
        ("news", "from django.db import models", False),
        ("accounts", "from base.models import Office", True),
        ("page_cache", "from base.models import ContentChangeCount", True),
        ("page_cache", "from accounts import roles", True),
        ("languages", "from base.fields import RichTextField", True),
        ("base", "from languages.models import Translatable", False),
        ("base", "from accounts.two_factor import second_factor_done", False),
    ],
)
def test_the_check_itself_catches_each_kind_of_edge(app, source, wrong):
    assert bool(wrong_edges(app, source)) == wrong
