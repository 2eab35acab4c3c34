"""Refresh the vendored OpenMoji pictures from the npm package (a tool for maintainers).

    npm pack openmoji                      # downloads openmoji-<version>.tgz, installs nothing
    .venv/bin/python resources/pictures/openmoji/update.py openmoji-17.0.0.tgz

Only the pictures Coproduce needs are kept, so the program stays small:

- every OpenMoji picture a concept in ``../concepts.json`` names (``"openmoji": "1F4B7"``),
- the alternatives listed in ``selection.json`` (offered in the picture chooser),
- the combined pictures described in ``selection.json``: two or three OpenMoji pictures drawn
  together (a calendar with a tick for "booking"), written as ``<name>.svg``. They are
  adaptations; the README names each one and what it was made from, as CC BY-SA 4.0 asks.

It also writes ``index.json``: for each kept picture its plain name and words (from OpenMoji's
own data), which the picture chooser searches and shows instead of a code. The script uses the
standard library only and never touches the network.
"""

from __future__ import annotations

import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONCEPTS = HERE.parent / "concepts.json"
SELECTION = HERE / "selection.json"
INDEX = HERE / "index.json"
SVG_NS = "http://www.w3.org/2000/svg"
CANVAS = 72.0
"""OpenMoji draws every picture on a 72 x 72 canvas (viewBox 0 0 72 72)."""

ElementTree.register_namespace("", SVG_NS)


def main(tarball: Path) -> None:
    selection = json.loads(SELECTION.read_text(encoding="utf-8"))
    concepts = json.loads(CONCEPTS.read_text(encoding="utf-8"))["concepts"]
    combined: dict[str, dict] = selection["combined"]
    wanted = {entry["openmoji"] for entry in concepts if "openmoji" in entry}
    direct = sorted((wanted - combined.keys()) | set(selection["alternatives"]))
    layers = {
        layer["openmoji"]
        for recipe in combined.values()
        for layer in recipe["layers"]
        if "openmoji" in layer
    }

    with tarfile.open(tarball) as archive:
        package = json.load(archive.extractfile("package/package.json"))  # type: ignore[arg-type]
        if package["version"] != selection["version"]:
            sys.exit(
                f"selection.json is for OpenMoji {selection['version']}, not {package['version']}"
            )
        emoji = json.load(archive.extractfile("package/data/openmoji.json"))  # type: ignore[arg-type]
        data = {entry["hexcode"]: entry for entry in emoji}
        svgs = {
            code: archive.extractfile(f"package/color/svg/{code}.svg").read()  # type: ignore[union-attr]
            for code in sorted(set(direct) | layers)
        }
        licence = archive.extractfile("package/LICENSE.txt").read()  # type: ignore[union-attr]

    for old in HERE.glob("*.svg"):
        old.unlink()
    index: dict[str, dict[str, object]] = {}
    for code in direct:
        (HERE / f"{code}.svg").write_bytes(svgs[code])
        entry = data[code]
        index[code] = {"name": entry["annotation"], "words": _words(entry)}
    for name, recipe in sorted(combined.items()):
        (HERE / f"{name}.svg").write_text(_combine(recipe["layers"], svgs), encoding="utf-8")
        made_of = [
            data[layer["openmoji"]]["annotation"]
            for layer in recipe["layers"]
            if "openmoji" in layer
        ]
        index[name] = {"name": recipe["name"], "words": recipe.get("words", []), "made_of": made_of}
    (HERE / "LICENSE.txt").write_bytes(licence)
    INDEX.write_text(
        "{\n"
        + ",\n".join(
            f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}"
            for key, value in index.items()
        )
        + "\n}\n",
        encoding="utf-8",
    )
    print(f"{len(direct)} pictures and {len(combined)} combined from OpenMoji {package['version']}")


def _words(entry: dict[str, str]) -> list[str]:
    words = [entry["annotation"]]
    for field in ("tags", "openmoji_tags"):
        words += [word.strip() for word in entry.get(field, "").split(",") if word.strip()]
    return list(dict.fromkeys(words))


def _combine(layers: list[dict], svgs: dict[str, bytes]) -> str:
    """One SVG drawing each layer's picture into its square ``box`` [x, y, size] of the
    72 x 72 canvas, in order; a layer with ``backdrop`` first gets a white disc behind it, so
    a small picture on top of a larger one stays readable."""
    root = ElementTree.Element(f"{{{SVG_NS}}}svg", {"viewBox": f"0 0 {CANVAS:g} {CANVAS:g}"})
    for layer in layers:
        if "rect" in layer:  # a plain shape, such as a screen to draw a person on
            x, y, width, height = layer["rect"]
            shape = {"x": f"{x:g}", "y": f"{y:g}", "width": f"{width:g}", "height": f"{height:g}"}
            shape["fill"] = layer["fill"]
            if "stroke" in layer:  # OpenMoji's outline: black, 2 units wide, round corners
                shape.update(
                    stroke=layer["stroke"], **{"stroke-width": "2", "stroke-linejoin": "round"}
                )
            ElementTree.SubElement(root, f"{{{SVG_NS}}}rect", shape)
            continue
        x, y, size = layer["box"]
        if layer.get("backdrop"):
            radius = size * 0.46
            ElementTree.SubElement(
                root,
                f"{{{SVG_NS}}}circle",
                {
                    "cx": f"{x + size / 2:g}",
                    "cy": f"{y + size / 2:g}",
                    "r": f"{radius:g}",
                    "fill": "#ffffff",
                },
            )
        group = ElementTree.SubElement(
            root,
            f"{{{SVG_NS}}}g",
            {"transform": f"translate({x:g} {y:g}) scale({size / CANVAS:g})"},
        )
        source = ElementTree.fromstring(svgs[layer["openmoji"]])
        for child in source:
            _drop_ids(child)
            group.append(child)
    text = ElementTree.tostring(root, encoding="unicode")
    return re.sub(r"\s*\n\s*", "", text) + "\n"


def _drop_ids(element: ElementTree.Element) -> None:
    # The same ids ("color", "line") appear in every OpenMoji drawing; one file may hold each
    # id once.
    element.attrib.pop("id", None)
    for child in element:
        _drop_ids(child)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
