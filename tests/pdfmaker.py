"""Small PDFs made on the fly for tests (reportlab's built-in CID font needs no font file)."""

from __future__ import annotations

from pathlib import Path


def make_pdf(path: Path, lines: list[str], *, encrypt=None, text: bool = True, font: str = "STSong-Light") -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    y = 800
    if text:
        c.setFont(font, 11)
        for line in lines:
            c.drawString(60, y, line)
            y -= 18
    else:
        c.rect(100, 400, 300, 200, fill=1)  # a "scan": marks, no text
    c.showPage()
    c.save()
    return path


def make_long_pdf(path: Path, pages: int, lines_per_page: list[str]) -> Path:
    """Many pages of the same few lines: big page counts without big files."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.setFont("STSong-Light", 11)
        y = 800
        for line in lines_per_page:
            c.drawString(60, y, line.format(page=n + 1))
            y -= 18
        c.showPage()
    c.save()
    return path
