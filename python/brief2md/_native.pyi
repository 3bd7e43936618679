"""The native module (Rust, PyO3); use the `brief2md` package's API instead."""

from typing import List, Optional

__version__: str

class ConversionError(Exception): ...
class NotAPdf(ConversionError): ...
class Encrypted(ConversionError): ...
class NoTextLayer(ConversionError): ...
class Damaged(ConversionError): ...

class Converted:
    markdown: Optional[str]
    jats: Optional[str]
    metadata_json: str
    footnotes_json: str
    report_json: str
    warnings: List[str]

def convert(
    data: bytes,
    *,
    name: Optional[str] = None,
    to: Optional[str] = None,
    from_: Optional[str] = None,
    wrap: Optional[int] = None,
    max_memory: int = ...,
) -> Converted: ...
def parse_size(text: str) -> int: ...
