"""Turn matplotlib's SVG into markup a strict Content-Security-Policy (``style-src 'self'``, no inline
styles) allows, and that assistive technology reads: every ``style`` attribute becomes SVG presentation
attributes, the ``<style>`` element goes (its one rule is inherited from the root instead), ids are
prefixed per chart so two charts on a page never clash, and linked marks become ``<a href>`` elements
with an accessible name. Numbers are rounded to 0.01 of a point, which no screen or printer resolves."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from careerclusters.charts.model import Mark

SVG = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
FONT_STACK = "'DejaVu Sans', Verdana, sans-serif"  # matplotlib measures text in DejaVu Sans; Verdana is as wide

#: CSS properties matplotlib writes that are also SVG presentation attributes.
PRESENTATION = {"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linejoin",
                "stroke-linecap", "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity",
                "font-size", "font-family", "font-weight", "font-style", "text-anchor", "dominant-baseline",
                "clip-path"}
GEOMETRY = ("d", "x", "y", "width", "height", "transform", "points", "x1", "x2", "y1", "y2", "cx", "cy", "r")
ET.register_namespace("", SVG)  # serialise SVG elements unprefixed, as browsers expect inline
_LONG_DECIMAL = re.compile(r"(\d+\.\d\d)\d+")
_REFERENCE = re.compile(r"url\(#([^)]+)\)")


def _tag(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _declarations(css: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in css.split(";") if part.strip())
    return {name.strip(): value.strip() for name, value in pairs}


def _to_attributes(element: ET.Element, css: str) -> None:
    for name, value in _declarations(css).items():
        if name == "white-space" and value == "pre":
            element.set(XML_SPACE, "preserve")
        elif name in PRESENTATION:
            element.set(name, value)
        else:  # a new matplotlib wrote something we do not translate: fail loudly rather than lose it
            raise ValueError(f"unexpected style property {name!r} in matplotlib's SVG")


def _drop_styles(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if _tag(child) == "style":
                rules = re.fullmatch(r"\s*\*\s*\{([^}]*)\}\s*", child.text or "")
                if rules is None:
                    raise ValueError(f"unexpected style sheet in matplotlib's SVG: {child.text!r}")
                _to_attributes(root, rules.group(1))  # '*' rules: inherited from the root instead
                parent.remove(child)
            elif _tag(child) == "metadata":
                parent.remove(child)
    for element in root.iter():
        css = element.attrib.pop("style", None)
        if css:
            _to_attributes(element, css)
        if element.get("font-family"):
            del element.attrib["font-family"]  # one font stack, set on the root
        for name in GEOMETRY:
            if name in element.attrib:
                element.set(name, _LONG_DECIMAL.sub(r"\1", " ".join(element.get(name, "").split())))


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Keep only ids something refers to, prefixed so that they are unique on a page."""
    referenced = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            referenced.update(_REFERENCE.findall(value))
            if name in ("href", XLINK_HREF) and value.startswith("#"):
                referenced.add(value[1:])
    for element in root.iter():
        ident = element.get("id")
        if ident is None:
            continue
        if ident in referenced:
            element.set("id", f"{prefix}-{ident}")
        else:
            del element.attrib["id"]
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            if name == XLINK_HREF:
                del element.attrib[name]
                name = "href"
            if name == "href" and value.startswith("#"):
                value = f"#{prefix}-{value[1:]}"
            element.set(name, _REFERENCE.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value))


def _link(root: ET.Element, marks: list[Mark]) -> None:
    """Give each link its accessible name, a ``<title>`` (also the tooltip); hide everything else from
    assistive technology, which reads the links, the chart's name and its table instead of tick labels."""
    by_href = {m.href: m for m in marks}
    for link in root.iter(f"{{{SVG}}}a"):
        mark = by_href[link.get("href", "")]
        title = ET.Element(f"{{{SVG}}}title")
        title.text = mark.label
        link.insert(0, title)
    _hide_unlinked(root)


def _hide_unlinked(element: ET.Element) -> bool:
    """Mark every subtree without a link ``aria-hidden``; True when ``element`` holds a link."""
    if _tag(element) == "a":
        return True
    holds = [_hide_unlinked(child) for child in element]
    if any(holds):
        for child, has_link in zip(element, holds, strict=True):
            if not has_link and _tag(child) not in ("defs", "title", "desc"):
                child.set("aria-hidden", "true")
        return True
    return False


def _compact(element: ET.Element) -> None:
    """Drop what draws nothing: indentation, zero rotations, and groups that carry no attribute (their
    children move up); links open in the same tab, as every other link on the site."""
    element.attrib.pop("target", None)
    if element.get("transform", "").startswith("rotate(-0 "):
        del element.attrib["transform"]
    if _tag(element) != "text" and element.text is not None and not element.text.strip():
        element.text = None
    children = []
    for child in element:
        _compact(child)
        child.tail = None
        if _tag(child) == "g" and not child.attrib:
            children.extend(child)
        elif not (_tag(child) in ("g", "defs") and not child.attrib and len(child) == 0):
            children.append(child)
    element[:] = children


def clean(raw: bytes, prefix: str, marks: list[Mark]) -> ET.Element:
    """matplotlib's SVG document as a CSP-safe element tree (see the module docstring)."""
    root = ET.fromstring(raw)
    _drop_styles(root)
    _prefix_ids(root, prefix)
    _compact(root)
    if marks:
        _link(root, marks)
    root.set("font-family", FONT_STACK)
    return root


def inline(root: ET.Element, labelled_by: tuple[str, ...], interactive: bool) -> str:
    """The SVG to embed in a page, named by the page's title and summary elements. A chart of links is a
    group (its links stay reachable); any other chart is one image."""
    element = ET.fromstring(ET.tostring(root))
    for size in ("width", "height"):
        element.attrib.pop(size, None)
    element.attrib.pop("version", None)
    element.set("role", "group" if interactive else "img")
    element.set("aria-labelledby", " ".join(labelled_by))
    element.set("class", "chart-svg")
    return ET.tostring(element, encoding="unicode")


def standalone(root: ET.Element, prefix: str, title: str, summary: str) -> str:
    """The SVG as a file of its own: with its size, its own title and description, and an XML declaration."""
    element = ET.fromstring(ET.tostring(root))
    element.set("role", "img")
    element.set("aria-labelledby", f"{prefix}-title {prefix}-desc")
    for tag, text, suffix in (("desc", summary, "desc"), ("title", title, "title")):
        child = ET.Element(f"{{{SVG}}}{tag}", {"id": f"{prefix}-{suffix}"})
        child.text = text
        element.insert(0, child)
    body = ET.tostring(element, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n"
