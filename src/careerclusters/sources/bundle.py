"""The crosswalks that ship inside the package, so a fresh install links the framework to occupations,
programs and industries with no download at all.

Advance CTE's four crosswalk workbooks and O*NET OnLine's original-framework export are small, free to
redistribute with attribution, and only offered from web pages (a person has to download them by hand).
They define the framework's content, so the package carries them: ``write`` reads the official files with
the same readers ``data import`` uses and stores their rows as gzip-compressed CSV next to a provenance
record (publisher, release, source file and its SHA-256, the attribution the publisher asks for);
``extracts`` turns them back into the ``Extract`` the importer takes. Because both directions go through
the importer's readers, the bundle cannot drift from what an import of the same file would store (a test
regenerates it from the official files and compares).

Run ``scripts/bundle-crosswalks DATA_FOLDER`` after a publisher releases a new file.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from careerclusters.base.errors import SourceError
from careerclusters.sources import identify
from careerclusters.sources.base import Extract

#: Where the bundle lives inside the package.
PACKAGE_FOLDER = resources.files(__package__).joinpath("bundled")
PROVENANCE = "provenance.json"

_ADVANCE_CTE = ("Advance CTE, National Career Clusters® Framework crosswalks (2025), "
                "https://careertech.org/resource/framework-crosswalk/. National Career Clusters® is a registered "
                "trademark of Advance CTE.")
_ONET = ("This product includes information from O*NET OnLine by the U.S. Department of Labor, Employment and "
         "Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of "
         "USDOL/ETA.")


@dataclass(frozen=True)
class BundledKind:
    """One bundled source kind: the columns of each table it fills, and the attribution it needs."""

    kind: str
    tables: dict[str, tuple[str, ...]]
    attribution: str


BUNDLED: tuple[BundledKind, ...] = (
    BundledKind("advance-cte-soc", {"cte_soc": ("soc", "soc_title", "cluster_id", "subcluster_id")}, _ADVANCE_CTE),
    BundledKind("advance-cte-cip", {"cte_cip": ("cip", "cip_title", "cluster_id", "subcluster_id")}, _ADVANCE_CTE),
    BundledKind("advance-cte-naics", {"cte_naics": ("naics", "naics_title", "cluster_id", "subcluster_id")},
                _ADVANCE_CTE),
    BundledKind("advance-cte-full", {"cte_full": ("cluster_id", "subcluster_id", "soc", "soc_title", "cip",
                                                  "cip_title", "naics", "naics_title")}, _ADVANCE_CTE),
    BundledKind("onet-legacy-clusters", {"onet_pathway": ("onet_soc", "title", "cluster_id", "pathway_id")}, _ONET),
)
BUNDLED_KINDS = frozenset(b.kind for b in BUNDLED)


def _csv_bytes(columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _gzip(data: bytes) -> bytes:
    """Gzip without a timestamp or file name, so the same rows give the same file."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", mtime=0, filename="", compresslevel=9) as handle:
        handle.write(data)
    return out.getvalue()


def write(data_folder: Path, target: Path) -> list[dict[str, object]]:
    """Find each bundled kind's official file under ``data_folder`` (by contents, whatever its name), read
    it with the importer's reader and write the bundle into ``target``. Returns the provenance records."""
    found: dict[str, Path] = {}
    for path in sorted(p for p in data_folder.rglob("*") if p.suffix.lower() in {".xlsx", ".csv"}):
        try:
            kind = identify(path).kind
        except SourceError:
            continue
        if kind in BUNDLED_KINDS:
            found.setdefault(kind, path)
    missing = sorted(BUNDLED_KINDS - found.keys())
    if missing:
        raise SourceError(str(data_folder), f"no official file for {', '.join(missing)}")
    target.mkdir(parents=True, exist_ok=True)
    records = []
    for bundled in BUNDLED:
        extract = identify(found[bundled.kind]).read()
        tables = {}
        for table, columns in bundled.tables.items():
            rows = extract.tables[table]
            if rows and len(rows[0]) != len(columns):
                raise SourceError(extract.file_name, f"{table}: {len(rows[0])} columns, the bundle expects "
                                                     f"{len(columns)}")
            data = _csv_bytes(columns, rows)
            name = f"{bundled.kind}.{table}.csv.gz"
            (target / name).write_bytes(_gzip(data))
            tables[table] = {"file": name, "columns": list(columns), "rows": len(rows),
                             "csv_sha256": hashlib.sha256(data).hexdigest()}
        records.append({"kind": bundled.kind, "publisher": extract.publisher, "release": extract.release,
                        "source_file": extract.file_name, "source_sha256": extract.sha256,
                        "attribution": bundled.attribution, "tables": tables})
    (target / PROVENANCE).write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return records


def provenance() -> list[dict[str, object]]:
    """The provenance records of the bundle shipped in the package."""
    return json.loads(PACKAGE_FOLDER.joinpath(PROVENANCE).read_text(encoding="utf-8"))


def _rows(name: str) -> list[tuple[str, ...]]:
    text = gzip.decompress(PACKAGE_FOLDER.joinpath(name).read_bytes()).decode("utf-8")
    reader = csv.reader(io.StringIO(text))
    next(reader)
    return [tuple(row) for row in reader]


def extracts() -> list[Extract]:
    """The bundled crosswalks as extracts, exactly as reading the official files would give them."""
    result = []
    for record in provenance():
        tables = {table: _rows(str(info["file"])) for table, info in record["tables"].items()}  # type: ignore[union-attr]
        result.append(Extract(str(record["kind"]), str(record["publisher"]), str(record["release"]),
                              str(record["source_file"]), str(record["source_sha256"]), tables))
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Regenerate the bundled crosswalks from the official files.")
    parser.add_argument("data_folder", type=Path, help="folder holding the official files (e.g. ../shared/data)")
    parser.add_argument("--target", type=Path, default=Path(str(PACKAGE_FOLDER)),
                        help="where to write the bundle (default: inside the package)")
    args = parser.parse_args(argv)
    for record in write(args.data_folder, args.target):
        print(f"{record['kind']}: {record['release']} from {record['source_file']} "
              f"({str(record['source_sha256'])[:12]})")


if __name__ == "__main__":
    main()
