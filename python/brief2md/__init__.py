"""brief2md: think-tank briefs, policy papers and reports (PDF or extracted text) into
clean, linked Markdown or JATS XML, from Python.

The conversion is the Rust library's, the same the ``brief2md`` command runs: a document
converted here gives the bytes the command writes. The GIL is released while a document
converts, so a thread pool (or Dask, Ray, Spark) converts documents in parallel.

    >>> import brief2md
    >>> doc = brief2md.convert("brief.pdf")             # doctest: +SKIP
    >>> doc.metadata["title"], len(doc.footnotes)       # doctest: +SKIP
    >>> open("brief.md", "w").write(doc.markdown)       # doctest: +SKIP
"""

from __future__ import annotations

import json
import os
from typing import Any, BinaryIO, Dict, List, Optional, Union

from . import _native
from ._native import ConversionError, Damaged, Encrypted, NoTextLayer, NotAPdf

__all__ = [
    "convert",
    "Conversion",
    "ConversionError",
    "NotAPdf",
    "Encrypted",
    "NoTextLayer",
    "Damaged",
    "__version__",
]

__version__: str = _native.__version__

Source = Union[str, "os.PathLike[str]", bytes, bytearray, memoryview, BinaryIO]


class Conversion:
    """One converted document.

    ``markdown`` and ``jats`` are the rendered texts (``None`` for a format not asked for);
    ``metadata``, ``footnotes`` and ``report`` are decoded from JSON on first use.
    """

    __slots__ = ("_native", "_metadata", "_footnotes", "_report")

    def __init__(self, native: Any) -> None:
        self._native = native
        self._metadata: Optional[Dict[str, Any]] = None
        self._footnotes: Optional[List[Dict[str, Any]]] = None
        self._report: Optional[Dict[str, Any]] = None

    @property
    def markdown(self) -> Optional[str]:
        """CommonMark + GFM footnotes with YAML front matter, as ``brief2md`` writes it."""
        return self._native.markdown

    @property
    def jats(self) -> Optional[str]:
        """JATS 1.4 Archiving XML, as ``brief2md -t jats`` writes it."""
        return self._native.jats

    @property
    def metadata(self) -> Dict[str, Any]:
        """Title-block facts: doc_type, title, subtitle, authors and editors (name, role,
        affiliation), date (printed, year, month, day), publisher, rights, source. A fact
        the document does not state is ``None`` (or an empty list); none is invented."""
        if self._metadata is None:
            self._metadata = json.loads(self._native.metadata_json())
        return self._metadata

    @property
    def footnotes(self) -> List[Dict[str, Any]]:
        """The notes in output order, each a dict: ``number`` (its number in the Markdown,
        ``[^n]``), ``label`` (as printed), ``text``, ``linked`` (the body refers to it) and
        ``recovered`` (the body had lost that reference and the converter put it back)."""
        if self._footnotes is None:
            self._footnotes = json.loads(self._native.footnotes_json())
        return self._footnotes

    @property
    def report(self) -> Dict[str, Any]:
        """The cleaning report (what ``--report`` writes): every line removed, marker
        repaired or recovered and guess made, with page, lines, evidence and confidence."""
        if self._report is None:
            self._report = json.loads(self._native.report_json())
        return self._report

    @property
    def report_json(self) -> str:
        """The report as the JSON text ``brief2md --report`` writes, byte for byte."""
        return self._native.report_json()

    @property
    def warnings(self) -> List[str]:
        """Problems that did not stop the conversion (a page that failed, invalid bytes)."""
        return list(self._native.warnings)

    def __repr__(self) -> str:
        title = self.metadata.get("title")
        return f"<brief2md.Conversion title={title!r} footnotes={len(self.footnotes)}>"


def _read(source: Source) -> "tuple[bytes, Optional[str]]":
    if isinstance(source, (bytes, bytearray, memoryview)):
        return bytes(source), None
    if isinstance(source, (str, os.PathLike)):
        name = os.fsdecode(os.fspath(source))
        with open(name, "rb") as f:
            return f.read(), name
    read = getattr(source, "read", None)
    if callable(read):
        data = read()
        if isinstance(data, str):
            raise TypeError("brief2md.convert needs a binary file object (open(path, 'rb'))")
        name = getattr(source, "name", None)
        return bytes(data), name if isinstance(name, str) else None
    raise TypeError(
        "brief2md.convert takes a path, bytes or a binary file object, "
        f"not {type(source).__name__}"
    )


def convert(
    source: Source,
    *,
    to: Optional[str] = None,
    from_: Optional[str] = None,
    wrap: Optional[int] = None,
    name: Optional[str] = None,
    max_memory: Union[int, str] = "1G",
) -> Conversion:
    """Converts one brief (a PDF, or text already extracted from one).

    ``source`` is a path, the file's bytes, or a binary file object. ``to`` is
    ``"markdown"``, ``"jats"`` or ``None`` for both (the report is then the one
    ``-t jats`` writes). ``from_`` forces the input format (``"pdf"`` or ``"text"``;
    default: sniffed as the command does). ``wrap`` wraps Markdown paragraphs at that many
    columns (at least 20). ``name`` overrides the name recorded in the metadata and the
    report (a path's own name by default). ``max_memory`` is the conversion's memory
    budget, as ``--max-memory`` (``0``: none).

    Raises a :class:`ConversionError` subclass with the command's one-line message when
    the input cannot be converted, ``OSError`` when a path cannot be read, ``ValueError``
    for a bad option.
    """
    data, found_name = _read(source)
    budget = _native.parse_size(max_memory) if isinstance(max_memory, str) else int(max_memory)
    native = _native.convert(
        data,
        name=name if name is not None else found_name,
        to=to,
        from_=from_,
        wrap=wrap,
        max_memory=budget,
    )
    return Conversion(native)
