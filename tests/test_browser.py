"""The HTML reports in a real browser: Debian's chromium driven by playwright, headless.

Skips cleanly when ``/usr/bin/chromium`` or playwright is missing (``.ci/browser-deps.sh``
installs chromium and a CJK font in CI; ``playwright install`` cannot download
here).  Every test asserts on the DOM, never on pixels; screenshots are kept in
``test-output/`` for a human to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (run .ci/browser-deps.sh)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")

from render_fixtures import ATTACKS, HOSTILE, golden_input, hostile_inputs, synthetic_reports  # noqa: E402

from reportdiff.render import write_audit, write_diff  # noqa: E402

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-output"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]



@dataclass
class Visit:
    """A loaded page and what happened while it loaded."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def shot(self, name: str, *, full_page: bool = True) -> Path:
        SHOTS.mkdir(exist_ok=True)
        path = SHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def visible_rows(self) -> list[str]:
        return self.page.eval_on_selector_all(
            "#ledger-table tbody tr",
            "rows => rows.filter(r => !r.hidden && r.offsetParent !== null)"
            ".map(r => r.dataset.verdict)")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def visit(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_(path: Path, **context: Any) -> Visit:
        ctx = browser.new_context(**context)
        contexts.append(ctx)
        page = ctx.new_page()
        v = Visit(page)

        def route(r: Any) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                v.foreign_requests.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("console", lambda m: v.console_errors.append(m.text) if m.type == "error"
                else None)
        page.on("pageerror", lambda e: v.console_errors.append(str(e)))
        page.on("dialog", lambda d: (v.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        return v

    yield open_
    for ctx in contexts:
        ctx.close()


@pytest.fixture(scope="module")
def audit_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    old, new = synthetic_reports()
    out = tmp_path_factory.mktemp("html") / "audit.html"
    write_audit(golden_input("audit-input.json"), "html", out, old=old, new=new,
                diff=golden_input("diff-input.json"))
    return out


def test_audit_report_loads_clean(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page)
    assert v.console_errors == [] and v.foreign_requests == [] and v.dialogs == []
    rows = v.visible_rows()
    assert rows == [p["verdict"] for p in golden_input("audit-input.json")["promises"]]
    assert v.page.is_visible("#controls")
    assert v.page.inner_text("#f-count") == "9 of 9 promises shown"
    assert v.page.eval_on_selector("#chart svg", "s => s.getBoundingClientRect().width") > 200
    v.shot("audit-wide")


def test_verdict_section_and_search_filters(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page)
    page = v.page
    page.select_option("#f-verdict", "kept")
    assert v.visible_rows() == ["kept"] * 5
    assert page.inner_text("#f-count") == "5 of 9 promises shown"
    page.select_option("#f-verdict", "missed")
    assert v.visible_rows() == ["missed"]
    page.select_option("#f-verdict", "")
    page.select_option("#f-section", "2.1")
    assert v.visible_rows() == ["in_progress", "kept"]
    page.select_option("#f-section", "")
    page.fill("#f-search", "幼儿园")
    assert v.visible_rows() == ["not_mentioned"]
    page.fill("#f-search", "")
    page.click("ul.summary li:has([data-verdict='partial'])")
    assert page.input_value("#f-verdict") == "partial"
    assert v.visible_rows() == ["partial"]
    v.shot("audit-filtered")
    assert v.console_errors == []


def test_sort_by_attainment(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page)
    page = v.page
    page.click("th[data-sort='attainment'] button")
    order = page.eval_on_selector_all("#ledger-table tbody tr", "rs => rs.map(r => r.id)")
    assert order[:3] == ["promise-p4", "promise-p5", "promise-p2"]  # 70%, 75%, 80%
    assert order[-2:] == ["promise-p6", "promise-p8"]  # no attainment: last
    page.click("th[data-sort='attainment'] button")
    order = page.eval_on_selector_all("#ledger-table tbody tr", "rs => rs.map(r => r.id)")
    assert order[0] == "promise-p3"  # 111.7%
    assert page.get_attribute("th[data-sort='attainment']", "aria-sort") == "descending"


def test_links_into_the_text(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page)
    page = v.page
    page.click("#promise-p2 td.quote a.loc")
    target = page.evaluate("location.hash").lstrip("#")
    assert page.evaluate(
        "id => document.getElementById(id).nextElementSibling.textContent", target
    ) == "一般公共预算收入增长5%"


def test_everything_visible_without_javascript(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page, java_script_enabled=False)
    assert len(v.visible_rows()) == 9
    assert not v.page.is_visible("#controls")
    assert v.page.is_visible("#compare") and v.page.is_visible("#texts")


def test_readable_on_a_phone(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page, viewport={"width": 390, "height": 844}, device_scale_factor=2,
              is_mobile=True, has_touch=True)
    page = v.page
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    columns = page.eval_on_selector_all(
        "#compare .pair:first-of-type .col", "cs => cs.map(c => c.getBoundingClientRect().left)")
    assert columns[0] == columns[1]  # old and new stacked, not side by side
    label = page.eval_on_selector(
        "#promise-p1 td[data-label='Target']",
        "td => getComputedStyle(td, '::before').content")
    assert label == '"Target"'
    v.shot("audit-phone")


def test_print_hides_controls(visit: Any, audit_page: Path) -> None:
    v = visit(audit_page)
    v.page.emulate_media(media="print")
    display = v.page.eval_on_selector_all(
        "nav, #controls", "es => es.map(e => getComputedStyle(e).display)")
    assert display == ["none", "none"]
    assert v.page.eval_on_selector(".fulltext", "e => getComputedStyle(e).maxHeight") == "none"


@pytest.mark.parametrize("kind", ["audit", "diff"])
def test_hostile_report_runs_nothing(visit: Any, tmp_path: Path, kind: str) -> None:
    audit, diff = hostile_inputs()
    old, new = synthetic_reports("\n" + HOSTILE + "\n")
    out = tmp_path / f"hostile-{kind}.html"
    if kind == "audit":
        write_audit(audit, "html", out, old=old, new=new, diff=diff)
    else:
        write_diff(diff, "html", out, old=old, new=new, audit=audit)
    v = visit(out)
    page = v.page
    page.hover("#ledger-table tbody tr:first-child td.quote")
    assert v.dialogs == []
    assert page.evaluate("window.__pwned === undefined")
    assert v.foreign_requests == [] and v.console_errors == []
    injected = page.evaluate("""() => Array.from(document.querySelectorAll('*')).flatMap(
        e => Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName))""")
    assert injected == []
    assert page.evaluate("document.querySelectorAll('img, textarea, b, link, script').length") == 1
    assert page.evaluate("document.querySelectorAll('a[href^=\"http\"]').length") == 0
    body = page.inner_text("body")
    for attack in ATTACKS:
        assert attack in body
    v.shot(f"hostile-{kind}", full_page=False)


def test_diff_report(visit: Any, tmp_path: Path) -> None:
    old, new = synthetic_reports()
    diff = golden_input("diff-input.json")
    out = tmp_path / "diff.html"
    write_diff(diff, "html", out, old=old, new=new, complete=False)
    v = visit(out)
    page = v.page
    assert v.console_errors == [] and v.foreign_requests == []
    assert page.evaluate("document.querySelectorAll('article.pair').length") == len(diff["pairs"])
    assert page.evaluate("document.querySelectorAll('#figures tbody tr').length") == 5
    ops = diff["pairs"][3]["ops"]
    for side, tag, kind in (("old", "del", "delete"), ("new", "ins", "insert")):
        shown = page.eval_on_selector_all(f"#pair-4 .col-{side} {tag}",
                                          "ds => ds.map(d => d.textContent)")
        assert shown == [t for k, t in ops if k == kind] and len(shown) == 2
    assert page.evaluate("document.querySelectorAll('#ledger').length") == 0  # no audit given
    v.shot("diff-wide")


@pytest.mark.corpus
def test_national_2018_2019(visit: Any, national: Any, tmp_path: Path) -> None:
    import warnings

    import reportdiff

    old, new = national(2018), national(2019)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", reportdiff.ReportDiffWarning)
        audit = reportdiff.audit(old, new)
        diff = reportdiff.diff(old, new)
    out = tmp_path / "national-audit.html"
    write_audit(audit, "html", out, old=old, new=new, diff=diff)
    v = visit(out)
    assert v.console_errors == [] and v.foreign_requests == [] and v.dialogs == []
    assert len(v.visible_rows()) == len(audit.to_dict()["promises"])
    assert v.page.evaluate("document.querySelectorAll('article.pair').length") == len(diff.pairs)
    v.page.select_option("#f-verdict", "kept")
    assert set(v.visible_rows()) == {"kept"}
    assert len(v.visible_rows()) == audit.to_dict()["summary"]["kept"]
    v.shot("national-2018-2019-audit", full_page=False)
