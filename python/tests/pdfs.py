"""Small PDFs written by hand (standard library only), one for each way a conversion fails."""


def pdf(objects, trailer_extra=b""):
    """A PDF of `objects` (the bodies of objects 1..n, object 1 the catalog) with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer_extra + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def stream(dict_body, data):
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"

def scanned():
    """One page that draws an image and no text."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
    content = stream(b"", b"q 100 0 0 100 50 50 cm /Im1 Do Q")
    image = stream(b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8", b"\x00\xff\xff\x00")
    return pdf([catalog, pages, page, content, image])

def encrypted():
    """Standard security handler, RC4-128, whose user password is not empty."""
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"
    content = stream(b"", b"BT /F1 12 Tf 20 100 Td (secret) Tj ET")
    enc = b"<< /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <" + b"ab" * 32 + b"> /U <" + b"cd" * 32 + b"> >>"
    return pdf([catalog, pages, page, content, enc], b"/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ")

def damaged():
    """A PDF header and nothing a reader can parse after it."""
    return b"%PDF-1.4\n" + b"\x00garbage that is no PDF body\n" * 20
