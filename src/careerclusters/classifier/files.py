"""Posting files for the batch classifier on data frames: CSV or Parquet in (one file, a glob or a folder of
part files), a CSV file or a Parquet folder of part files out.

Everything that can be wrong with the input as a whole (no such file, a file that is neither CSV nor
Parquet, an unreadable one, a missing column, files whose columns differ) is found here from each file's
header or schema alone, so it is one line before any work starts, not a failure half-way through a
cluster's run. CSV cells are read as text exactly as written (an empty cell stays empty, "NA" stays "NA"),
the way the single-process path reads them, so both give the same answers.

Dask, pandas and pyarrow are imported where they are used: deciding whether a run needs this path at all
(``uses_frames``) must not cost the single-file path their seconds of importing.
"""

from __future__ import annotations

import codecs
import csv
import glob
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from careerclusters.base.errors import CareerClustersError
from careerclusters.base.spreadsheets import FORMULA_STARTS, safe_cell
from careerclusters.classifier.batch import check_no_clash
from careerclusters.classifier.service import Kind

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

Format = Literal["csv", "parquet"]
SUFFIXES: dict[str, Format] = {".csv": "csv", ".parquet": "parquet", ".parq": "parquet", ".pq": "parquet"}
#: Columns pandas stores an index in; they are not the poster's columns.
_INDEX_COLUMN = "__index_level_"


@dataclass(frozen=True)
class Inputs:
    """Checked input files, all of one format and with the same columns."""

    paths: tuple[Path, ...]
    format: Format
    columns: tuple[str, ...]
    encodings: tuple[str, ...]  # CSV: each file's encoding, as Python names it; Parquet: empty

    @property
    def read_as(self) -> str:
        """How the files were read, for the person at the terminal ("3 files as CSV in utf-8")."""
        what = f"{len(self.paths)} file{'s' if len(self.paths) > 1 else ''}"
        if self.format == "parquet":
            return f"{what} as Parquet"
        names = sorted({"utf-8" if e == "utf-8-sig" else e for e in self.encodings})
        return f"{what} as CSV in {', '.join(names)}"


def uses_frames(spec: str, output: Path | None) -> bool:
    """Whether input or output needs the data-frame path: several files, or Parquet on either side."""
    path = Path(spec)
    return (_is_pattern(spec) or path.is_dir() or SUFFIXES.get(path.suffix.lower()) == "parquet"
            or (output is not None and output_format(output) == "parquet"))


def open_inputs(spec: str, column: str, kind: Kind, encoding: str | None = None) -> Inputs:
    """The files ``spec`` names (a file, a glob such as ``postings/*.csv``, or a folder), checked: each
    is CSV or Parquet and readable, all have the same columns, ``column`` among them and no output column."""
    paths = _find(spec)
    formats = {SUFFIXES.get(p.suffix.lower()) for p in paths}
    if None in formats:
        odd = next(p for p in paths if p.suffix.lower() not in SUFFIXES)
        raise CareerClustersError(f"{odd}: not a .csv or .parquet file (a single .xlsx workbook can be coded to "
                                  "a .csv file with --engine local)")
    if len(formats) > 1:
        raise CareerClustersError(f"{spec}: mixes CSV and Parquet files; give one format at a time")
    fmt: Format = formats.pop()  # type: ignore[assignment]
    encodings = tuple(_encoding(p, encoding) for p in paths) if fmt == "csv" else ()
    header: tuple[str, ...] | None = None
    for index, path in enumerate(paths):
        columns = _csv_header(path, encodings[index]) if fmt == "csv" else _parquet_columns(path)
        if column not in columns:
            raise CareerClustersError(f"{path}: no column {column!r} (columns: {', '.join(columns) or 'none'})")
        if header is None:
            header = columns
            check_no_clash(kind, columns, str(path))
        elif columns != header:
            raise CareerClustersError(f"{path}: its columns ({', '.join(columns)}) differ from {paths[0]}'s "
                                      f"({', '.join(header)})")
    return Inputs(tuple(paths), fmt, header or (), encodings)


def _is_pattern(spec: str) -> bool:
    return glob.has_magic(spec)


def _find(spec: str) -> list[Path]:
    path = Path(spec)
    if _is_pattern(spec):
        found = sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())
        if not found:
            raise CareerClustersError(f"{spec}: no file matches")
        return found
    if path.is_dir():
        found = sorted(p for p in path.iterdir()
                       if p.is_file() and not p.name.startswith(("_", ".")) and p.suffix.lower() in SUFFIXES)
        if not found:
            raise CareerClustersError(f"{spec}: the folder holds no .csv or .parquet file")
        return found
    if not path.exists():
        raise CareerClustersError(f"{spec}: no such file")
    return [path]


def _encoding(path: Path, forced: str | None) -> str:
    """The file's encoding: ``forced`` if given, else UTF-8 (with or without a byte-order mark) when every
    byte is valid UTF-8, else cp1252, as ``sources.base.decode_text`` decides for one file read whole —
    here read block by block, so a file of gigabytes is checked without holding it."""
    if forced is not None:
        try:
            name = codecs.lookup(forced).name
        except LookupError:
            raise CareerClustersError(f"unknown encoding {forced!r} (try utf-8 or cp1252)") from None
        return "utf-8-sig" if name == "utf-8" else name
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 22), b""):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as exc:
        raise CareerClustersError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return "utf-8-sig"


def _csv_header(path: Path, encoding: str) -> tuple[str, ...]:
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as handle:
            header = next(csv.reader(handle), None)
    except OSError as exc:
        raise CareerClustersError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except csv.Error as exc:
        raise CareerClustersError(f"{path}: not a readable CSV file ({exc})") from None
    if not header:
        raise CareerClustersError(f"{path}: empty (no header row)")
    duplicates = sorted({h for h in header if header.count(h) > 1})
    if duplicates:
        raise CareerClustersError(f"{path}: more than one column named {', '.join(map(repr, duplicates))}")
    return tuple(header)


def _parquet_columns(path: Path) -> tuple[str, ...]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (pa.ArrowException, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CareerClustersError(f"{path}: not a readable Parquet file ({reason})") from None
    return tuple(n for n in schema.names if not n.startswith(_INDEX_COLUMN))


#: The most of a CSV file one partition reads unless told otherwise: about a million postings, a few hundred
#: MB in memory, well within a worker's share of a machine.
MAX_PARTITION = 64 * 2**20


def default_partition_size(inputs: Inputs, workers: int) -> int | None:
    """How much of the CSV input one partition reads when not told: two partitions per worker (few, large
    partitions are cheapest, and two let a worker that finishes early take over work), at most
    ``MAX_PARTITION``. Parquet keeps its files' row groups (None)."""
    if inputs.format != "csv":
        return None
    total = sum(p.stat().st_size for p in inputs.paths)
    # floor, not ceiling: Dask splits a file into size // blocksize parts
    return max(1 << 20, min(MAX_PARTITION, total // (2 * max(1, workers))))


def read(inputs: Inputs, partition_size: str | int | None = None) -> dd.DataFrame:
    """The input files as one Dask DataFrame, in file and row order; ``partition_size`` ("64MB", or bytes)
    is how much of the files one partition reads (Dask's default when None)."""
    import dask.dataframe as dd

    paths = [str(p.resolve()) for p in inputs.paths]  # absolute: a worker may run in another folder
    if inputs.format == "parquet":
        options: dict[str, Any] = {"blocksize": partition_size, "split_row_groups": "adaptive"} \
            if partition_size else {}
        return dd.read_parquet(paths, index=False, **options)
    frames = []
    # One read per run of files in the same encoding (usually one read for all): read_csv takes one encoding.
    start = 0
    while start < len(paths):
        end = start
        while end < len(paths) and inputs.encodings[end] == inputs.encodings[start]:
            end += 1
        frames.append(dd.read_csv(paths[start:end], dtype=str, keep_default_na=False, na_filter=False,
                                  encoding=inputs.encodings[start], encoding_errors="replace",
                                  blocksize=partition_size or "default"))
        start = end
    return frames[0] if len(frames) == 1 else dd.concat(frames)


def output_format(output: Path) -> Format:
    """What to write, from the name: ``.csv`` a CSV file; ``.parquet`` (or an existing folder) a Parquet
    folder of part files."""
    fmt = SUFFIXES.get(output.suffix.lower())
    if fmt is None and output.is_dir():
        return "parquet"
    if fmt is None:
        raise CareerClustersError(f"{output}: name the output .csv (one CSV file) or .parquet (a folder of "
                                  "Parquet part files)")
    return fmt


def check_output(output: Path, inputs: Inputs) -> Format:
    """The output's format, after checking it can be written without overwriting anything it should not."""
    fmt = output_format(output)
    resolved = output.resolve()
    if any(p.resolve() == resolved or resolved in p.resolve().parents for p in inputs.paths):
        raise CareerClustersError(f"{output}: is an input; write the output elsewhere")
    if fmt == "csv" and output.is_dir():
        raise CareerClustersError(f"{output}: is a folder; name a .csv file or a .parquet folder")
    if fmt == "parquet" and output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise CareerClustersError(f"{output}: already exists and is not an empty folder; remove it or pick another")
    if not resolved.parent.is_dir():
        raise CareerClustersError(f"{output}: the folder {output.parent} does not exist")
    return fmt


def write(frame: dd.DataFrame, partial: Path, fmt: Format, raw: bool = False) -> Any:
    """The (not yet computed) writing of ``frame`` into the folder ``partial``: CSV part files (the header in
    the first only) that ``finish`` joins into one file, or Parquet part files. Each worker formats and
    writes its own partitions, so writing is as parallel as classifying. Unless ``raw``, text that a
    spreadsheet would run as a formula gets a leading quote (see ``spreadsheets``) on every output, as the
    single-process path writes it."""
    if not raw:
        frame = frame.map_partitions(neutralise, meta=neutralise(frame._meta))
    if fmt == "csv":
        return frame.to_csv(str(partial / "*.csv"), name_function=_part_name, index=False,
                            header_first_partition_only=True, encoding="utf-8", lineterminator="\n", compute=False)
    return frame.to_parquet(str(partial), write_index=False, compute=False)


def _part_name(number: int) -> str:
    return f"part-{number:06d}"  # so that name order is partition order


def finish(partial: Path, output: Path, fmt: Format) -> None:
    """Put the written ``partial`` folder in place as ``output``: the CSV parts joined in order into one
    file, or the Parquet folder renamed."""
    if fmt == "parquet":
        if output.is_dir():
            output.rmdir()  # check_output allowed only an empty folder
        partial.rename(output)
        return
    joined = partial / "joined.csv.tmp"
    with joined.open("wb") as out:
        for part in sorted(partial.glob("part-*.csv")):
            with part.open("rb") as handle:
                shutil.copyfileobj(handle, out, 1 << 22)
            part.unlink()
    joined.replace(output)
    partial.rmdir()


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``safe_cell`` applied to every text cell and column name. Only cells starting as a
    formula would are passed through ``safe_cell`` itself, so the rule is exactly the CSV writers' and a
    partition of a million cells costs one vectorised ``startswith``."""
    import pandas as pd

    columns = {}
    for name in frame.columns:
        cells = frame[name]
        if pd.api.types.is_string_dtype(cells) or cells.dtype == object:
            flagged = cells.str.startswith(FORMULA_STARTS).fillna(False).to_numpy(dtype=bool)
            if flagged.any():
                cells = cells.copy()
                cells.iloc[flagged.nonzero()[0]] = [safe_cell(v) for v in cells[flagged]]
        columns[safe_cell(name)] = cells
    return pd.DataFrame(columns, index=frame.index)
