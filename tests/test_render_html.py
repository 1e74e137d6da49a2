"""The self-contained HTML report: structure, escaping, no external resources, determinism."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from render_fixtures import ATTACKS, HOSTILE, golden_input, hostile_inputs, synthetic_reports

from reportdiff.render import write_audit, write_diff
from reportdiff.render.html import audit_html, audit_repr_html, diff_html, diff_repr_html


class _Dom(HTMLParser):
    """Just enough of a DOM to assert on: elements with attributes, text, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements
                if t == name and all(a.get(k) == v for k, v in attrs.items())]


def parse(html: str) -> _Dom:
    dom = _Dom()
    dom.feed(html)
    dom.close()
    return dom


@pytest.fixture(scope="module")
def page() -> str:
    old, new = synthetic_reports()
    return audit_html(golden_input("audit-input.json"), old=old, new=new, diff=golden_input("diff-input.json"))


def test_ledger_has_one_row_per_promise(page: str) -> None:
    dom = parse(page)
    rows = [a for t, a in dom.elements if t == "tr" and a.get("data-verdict")]
    audit = golden_input("audit-input.json")
    assert [r["id"] for r in rows] == [f"promise-{p['promise']['id']}" for p in audit["promises"]]
    assert [r["data-verdict"] for r in rows] == [p["verdict"] for p in audit["promises"]]


def test_verdict_badges_carry_words_not_only_colour(page: str) -> None:
    dom = parse(page)
    text = " ".join(dom.text)
    for word in ("kept", "missed", "partly kept", "in progress", "not mentioned"):
        assert word in text
    badges = [a for t, a in dom.elements if t == "span" and "badge" in (a.get("class") or "")]
    assert len(badges) == 9 + 6  # ledger rows + the summary's six verdicts


def test_both_sources_named_with_hashes(page: str) -> None:
    audit = golden_input("audit-input.json")
    for side in ("old", "new"):
        assert audit[side]["source"]["sha256"] in page
    assert "2018年政府工作报告" in page and "2019年政府工作报告" in page


def test_links_land_on_anchors(page: str) -> None:
    dom = parse(page)
    ids = {a["id"] for _, a in dom.elements if a.get("id")}
    hrefs = [a["href"] for t, a in dom.elements if t == "a" and a.get("href", "").startswith("#")]
    assert len(hrefs) > 20
    assert [h for h in hrefs if h[1:] not in ids] == []


def test_sections_present(page: str) -> None:
    dom = parse(page)
    ids = {a.get("id") for _, a in dom.elements}
    assert {"summary", "chart", "ledger", "compare", "figures", "texts"} <= ids
    assert len(dom.tags("article", **{"class": "pair"})) == len(golden_input("diff-input.json")["pairs"])
    assert len(dom.tags("svg")) == 1


def test_word_level_highlights_and_figures(page: str) -> None:
    dom = parse(page)
    assert dom.tags("del", **{"class": "d"}) and dom.tags("ins", **{"class": "i"})
    figs = dom.tags("span", **{"class": "fig"})
    assert len(figs) >= 10


def test_moved_words_are_marked() -> None:
    diff = golden_input("diff-input.json")
    diff["pairs"][0]["ops"].append(["delete", "保障和改善民生"])
    diff["pairs"][2]["ops"].append(["insert", "保障和改善民生"])
    dom = parse(diff_html(diff))
    assert len(dom.tags("span", **{"class": "mv", "title": "moved"})) == 2


def test_self_contained(page: str) -> None:
    dom = parse(page)
    for tag, attrs in dom.elements:
        for name in ("src", "href", "action", "data", "srcset", "xlink:href"):
            value = attrs.get(name) or ""
            assert not re.match(r"\s*(https?:|//|ftp:)", value), (tag, name, value)
    assert "@import" not in page
    assert re.findall(r"url\((?!#)", page) == []  # only references inside the SVG
    assert [t for t, a in dom.elements if t in ("link", "iframe", "object", "embed", "img")] == []


def test_content_security_policy_allows_only_the_shipped_script(page: str) -> None:
    dom = parse(page)
    assert len(dom.scripts) == 1
    (meta,) = dom.tags("meta", **{"http-equiv": "Content-Security-Policy"})
    digest = base64.b64encode(hashlib.sha256(dom.scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in meta["content"]
    assert "default-src 'none'" in meta["content"]


def test_everything_visible_without_javascript(page: str) -> None:
    dom = parse(page)
    assert [a for t, a in dom.elements if t == "tr" and "hidden" in a] == []
    (form,) = dom.tags("form")
    assert "hidden" in form  # the controls only appear when the script runs


@pytest.mark.parametrize("kind", ["audit", "diff"])
def test_hostile_text_renders_as_text(kind: str) -> None:
    audit, diff = hostile_inputs()
    old, new = synthetic_reports("\n" + HOSTILE + "\n", tag_path=True)
    if kind == "audit":
        html = write_audit(audit, "html", old=old, new=new, diff=diff)
    else:
        html = write_diff(diff, "html", old=old, new=new, audit=audit)
    dom = parse(html)
    assert len(dom.scripts) == 1 and "__pwned" not in dom.scripts[0]
    assert [t for t, _ in dom.elements if t in ("img", "textarea", "b")] == []
    assert len(dom.tags("svg")) <= 1
    handlers = [(t, k) for t, a in dom.elements for k in a if k.lower().startswith("on")]
    assert handlers == []
    text = "".join(dom.text)
    for attack in ATTACKS:
        assert attack in text


def test_without_reports_no_text_section() -> None:
    dom = parse(audit_html(golden_input("audit-input.json")))
    ids = {a.get("id") for _, a in dom.elements}
    assert "texts" not in ids and "compare" not in ids and "ledger" in ids
    assert [a for t, a in dom.elements if t == "a" and (a.get("class") == "loc")] == []


def test_empty_audit_renders() -> None:
    audit = golden_input("audit-input.json")
    audit["promises"], audit["summary"] = [], {}
    html = audit_html(audit)
    assert "No promises were found in the old report." in html
    assert len(parse(html).tags("svg")) == 0


def test_repr_html_escapes_and_limits() -> None:
    audit, diff = hostile_inputs()
    for html in (audit_repr_html(audit, limit=3), diff_repr_html(diff, limit=2)):
        dom = parse(html)
        assert dom.scripts == [] and [t for t, _ in dom.elements if t == "img"] == []
    assert "6 more promises" in audit_repr_html(audit, limit=3)


def test_write_html_file(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "audit.html"
    text = write_audit(golden_input("audit-input.json"), "html", out)
    assert out.read_text(encoding="utf-8") == text
