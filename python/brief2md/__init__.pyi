"""Type stubs of the brief2md package."""

import os
from typing import Any, BinaryIO, Dict, List, Literal, Optional, Union

__version__: str

Source = Union[str, os.PathLike[str], bytes, bytearray, memoryview, BinaryIO]

class ConversionError(Exception):
    """An input could not be converted; the message is the command's one-line reason."""

class NotAPdf(ConversionError):
    """The input is not a PDF (or, sniffed, neither a PDF nor text)."""

class Encrypted(ConversionError):
    """The PDF is encrypted and cannot be opened without a password."""

class NoTextLayer(ConversionError):
    """The input holds no extractable text (a scan without OCR)."""

class Damaged(ConversionError):
    """The PDF is too damaged to be read."""

class Conversion:
    """One converted document."""

    @property
    def markdown(self) -> Optional[str]: ...
    @property
    def jats(self) -> Optional[str]: ...
    @property
    def metadata(self) -> Dict[str, Any]: ...
    @property
    def footnotes(self) -> List[Dict[str, Any]]: ...
    @property
    def report(self) -> Dict[str, Any]: ...
    @property
    def report_json(self) -> str: ...
    @property
    def warnings(self) -> List[str]: ...

def convert(
    source: Source,
    *,
    to: Optional[Literal["markdown", "jats"]] = None,
    from_: Optional[Literal["pdf", "text"]] = None,
    wrap: Optional[int] = None,
    name: Optional[str] = None,
    max_memory: Union[int, str] = "1G",
) -> Conversion:
    """Converts one brief (a PDF, or text already extracted from one)."""
