#!/usr/bin/env python3
"""Writes the spreadsheet quirk files next to this script, with the standard library
only: the XML parts of an XLSX and an ODS by hand (zipfile), and the XLS (BIFF8) by
LibreOffice from an ODS written the same way (`soffice --headless --convert-to xls`),
since no standard module writes BIFF. Run it from anywhere; it overwrites the files.

    python3 tests/import_quirks/make_sheets.py

The files hold made-up payments, never a real bank's export.
"""

import os
import shutil
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
# A fixed time in every ZIP entry, so the same script writes the same bytes.
STAMP = (2026, 11, 1, 0, 0, 0)


def write_zip(path, parts, stored=False):
    """`parts` in order: (name, text). ODS wants `mimetype` first and stored."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts:
            info = zipfile.ZipInfo(name, STAMP)
            plain = stored or name == "mimetype"
            info.compress_type = zipfile.ZIP_STORED if plain else zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))


# ---- XLSX -------------------------------------------------------------------------

XLSX_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>
<numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>"""

# Cell styles: the index into cellXfs above.
DATE, MONEY, DATETIME, TEXT = 1, 2, 3, 4


def xlsx(path, sheets, stored=False):
    """`sheets`: [(name, {"B3": value, ...})]; a value is a str (a shared string), a
    number, ("date", serial, style), ("text", str) for a cell formatted as text, or
    ("formula", formula, cached number)."""
    strings = []

    def shared(text):
        if text not in strings:
            strings.append(text)
        return strings.index(text)

    def cell(ref, value):
        if isinstance(value, str):
            return f'<c r="{ref}" t="s"><v>{shared(value)}</v></c>'
        if isinstance(value, (int, float)):
            return f'<c r="{ref}" s="{MONEY}"><v>{value!r}</v></c>'
        kind = value[0]
        if kind == "date":
            return f'<c r="{ref}" s="{value[2]}"><v>{value[1]!r}</v></c>'
        if kind == "text":
            return f'<c r="{ref}" s="{TEXT}" t="s"><v>{shared(value[1])}</v></c>'
        return f'<c r="{ref}" s="{MONEY}"><f>{value[1]}</f><v>{value[2]!r}</v></c>'

    def row_of(ref):
        return int("".join(ch for ch in ref if ch.isdigit()))

    def col_of(ref):
        letters = "".join(ch for ch in ref if ch.isalpha())
        return sum((ord(ch) - 64) * 26**i for i, ch in enumerate(reversed(letters)))

    parts_sheets = []
    for index, (_, cells) in enumerate(sheets, start=1):
        rows = {}
        for ref, value in cells.items():
            rows.setdefault(row_of(ref), []).append((ref, value))
        body = "".join(
            f'<row r="{r}">'
            + "".join(cell(ref, v) for ref, v in sorted(rows[r], key=lambda c: col_of(c[0])))
            + "</row>"
            for r in sorted(rows)
        )
        parts_sheets.append(
            (
                f"xl/worksheets/sheet{index}.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f"<sheetData>{body}</sheetData></worksheet>",
            )
        )
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" '
        f'xmlns:r="{rel}"><sheets>'
        + "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, (name, _) in enumerate(sheets, start=1)
        )
        + "</sheets></workbook>"
    )
    n = len(sheets)
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        + f'<Relationship Id="rId{n + 1}" Type="{rel}/styles" Target="styles.xml"/>'
        + f'<Relationship Id="rId{n + 2}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        + "</Relationships>"
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    shared_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{main}" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">'
        + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings)
        + "</sst>"
    )
    write_zip(
        path,
        [
            ("[Content_Types].xml", content_types),
            ("_rels/.rels", package_rels),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/styles.xml", XLSX_STYLES),
            ("xl/sharedStrings.xml", shared_xml),
        ]
        + parts_sheets,
        stored,
    )


def serial(y, m, d, hh=0, mm=0):
    """Excel's 1900 serial of a date after February 1900."""
    import datetime

    days = (datetime.date(y, m, d) - datetime.date(1899, 12, 30)).days
    return days + (hh * 60 + mm) / 1440 if hh or mm else days


def preamble_then_transactions():
    """A summary sheet first (a period of two dates, a closing balance with a date),
    then the transactions from column B under a title: date and date-time cells,
    numeric amounts, one amount a bank wrote as text with a thousands comma, a reference
    with leading zeros formatted as text, a running balance as formulas."""
    summary = {
        "A1": "Account statement",
        "A3": "Account holder",
        "B3": "Muster GmbH",
        "A4": "IBAN",
        "B4": "DE89 3704 0044 0532 0130 00",
        "A5": "Period",
        "B5": ("date", serial(2026, 10, 1), DATE),
        "C5": ("date", serial(2026, 10, 31), DATE),
        "A6": "Closing balance",
        "B6": ("date", serial(2026, 10, 31), DATE),
        "C6": 4955.6,
    }
    tx = {"B1": "Transactions October 2026"}
    header = ["Date", "Description", "Reference", "Amount", "Balance"]
    for col, name in zip("BCDEF", header):
        tx[f"{col}3"] = name
    rows = [
        (("date", serial(2026, 10, 1), DATE), "Café Müller", ("text", "000123"), -4.5, 6195.5),
        (("date", serial(2026, 10, 2, 14, 30), DATETIME), "Klant BV Factuur 2026-007",
         "RF18 5390 0754 7034", 1210, ("formula", "F4+E5", 7405.5)),
        (("date", serial(2026, 10, 15), DATE), "Miete Oktober", "", ("text", "-2,450.00"),
         ("formula", "F5-2450", 4955.5)),
        (("date", serial(2026, 10, 31), DATE), "Zinsen", "", 0.1, ("formula", "F6+E7", 4955.6)),
    ]
    for offset, row in enumerate(rows):
        for col, value in zip("BCDEF", row):
            if value != "":
                tx[f"{col}{4 + offset}"] = value
    tx["B9"] = "Closing balance"
    tx["F9"] = 4955.6
    xlsx(
        os.path.join(HERE, "sheet-preamble-then-transactions.xlsx"),
        [("Summary", summary), ("Transactions", tx)],
    )


def bad_amount():
    """One sheet, stored uncompressed; row 3's amount is text that is no amount."""
    cells = {"A1": "Date", "B1": "Details", "C1": "Amount"}
    rows = [(1, "Coffee", -4.5), (2, "Invoice 7", ("text", "10.0.0")), (3, "Rent", -950)]
    for row, (day, text, amount) in enumerate(rows, start=2):
        cells[f"A{row}"] = ("date", serial(2026, 10, day), DATE)
        cells[f"B{row}"] = text
        cells[f"C{row}"] = amount
    xlsx(os.path.join(HERE, "sheet-bad-amount.xlsx"), [("Umsätze", cells)], stored=True)


def ambiguous_dates():
    """The same summary sheet as above, then transactions whose dates a bank wrote as
    text that is day-first or month-first (01/02/2026): the summary sheet fails to read
    too, and the refusal said is the transactions sheet's, naming --date-format."""
    summary = {
        "A1": "Period",
        "B1": ("date", serial(2026, 1, 1), DATE),
        "C1": ("date", serial(2026, 3, 31), DATE),
        "A2": "Closing balance",
        "B2": ("date", serial(2026, 3, 31), DATE),
        "C2": 1000,
    }
    tx = {"A1": "Date", "B1": "Details", "C1": "Amount"}
    rows = [("01/02/2026", "Coffee", -4.5), ("03/02/2026", "Invoice 7", 10), ("05/03/2026", "Rent", -950)]
    for row, (day, text, amount) in enumerate(rows, start=2):
        tx[f"A{row}"] = ("text", day)
        tx[f"B{row}"] = text
        tx[f"C{row}"] = amount
    xlsx(
        os.path.join(HERE, "sheet-ambiguous-dates.xlsx"),
        [("Summary", summary), ("Transactions", tx)],
    )


# ---- ODS --------------------------------------------------------------------------


# Day-first date and date-time display styles, as a spreadsheet program writes them; the
# cells' values are ISO dates whatever they show.
ODS_STYLES = (
    "<office:automatic-styles>"
    '<number:date-style style:name="N1"><number:day number:style="long"/><number:text>.'
    '</number:text><number:month number:style="long"/><number:text>.</number:text>'
    '<number:year number:style="long"/></number:date-style>'
    '<number:date-style style:name="N2"><number:day number:style="long"/><number:text>.'
    '</number:text><number:month number:style="long"/><number:text>.</number:text>'
    '<number:year number:style="long"/><number:text> </number:text>'
    '<number:hours number:style="long"/><number:text>:</number:text>'
    '<number:minutes number:style="long"/></number:date-style>'
    '<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>'
    '<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>'
    "</office:automatic-styles>"
)


def ods_cell(value):
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, str):
        return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'
    if isinstance(value, tuple):
        style = "ce2" if "T" in value[1] else "ce1"
        return (
            f'<table:table-cell table:style-name="{style}" office:value-type="date" '
            f'office:date-value="{value[1]}">'
            f"<text:p>{value[2]}</text:p></table:table-cell>"
        )
    return (
        f'<table:table-cell office:value-type="float" office:value="{value!r}">'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def ods(path, sheets):
    """`sheets`: [(name, rows)]; a row is a list of cells: None, str, number or
    ("date", iso, shown). Empty rows to the sheet's end are written as LibreOffice does,
    one row repeated a million times."""
    tables = ""
    for name, rows in sheets:
        body = "".join(
            "<table:table-row>" + "".join(ods_cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        body += (
            '<table:table-row table:number-rows-repeated="1048570">'
            '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
        )
        tables += f'<table:table table:name="{escape(name)}">{body}</table:table>'
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
        'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" office:version="1.3">'
        f"{ODS_STYLES}<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    write_zip(
        path,
        [
            ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
            ("content.xml", content),
            ("META-INF/manifest.xml", manifest),
        ],
    )


def debit_credit_ods():
    """An empty cover sheet, then German debit (Soll) and credit (Haben) columns with
    date cells, one with a time of day."""
    rows = [
        ["Buchungstag", "Verwendungszweck", "Soll", "Haben"],
        [("date", "2026-10-01", "01.10.26"), "Bäckerei Schmidt", 4.5, None],
        [("date", "2026-10-02T09:15:00", "02.10.26 09:15"), "Gutschrift Klant BV", None, 1210.25],
        [("date", "2026-10-31", "31.10.26"), "Kontoführung", 7.9, None],
    ]
    ods(os.path.join(HERE, "sheet-debit-credit.ods"), [("Deckblatt", []), ("Konto", rows)])


def old_excel_xls():
    """An XLS (BIFF8) as Excel 97-2003 saved it, made by LibreOffice from an ODS:
    day-first date cells, a payer column, numeric amounts, a balance row at the end."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: sheet-old-excel.xls left as it is")
        return
    rows = [
        ["Date", "Payer", "Details", "Amount"],
        [("date", "2026-11-02", "02/11/2026"), "Acme Ltd", "Payment INV-1", 100],
        [("date", "2026-11-03", "03/11/2026"), "Bank", "Monthly fee", -2.5],
        [("date", "2026-11-13", "13/11/2026"), "Globex", "INV-7 part", 1234.56],
        ["Balance", None, None, 1332.06],
    ]
    with tempfile.TemporaryDirectory() as tmp:
        source = os.path.join(tmp, "sheet-old-excel.ods")
        ods(source, [("Statement", rows)])
        subprocess.run(
            [soffice, "--headless", "--convert-to", "xls:MS Excel 97", "--outdir", tmp, source],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        shutil.copy(os.path.join(tmp, "sheet-old-excel.xls"), HERE)


if __name__ == "__main__":
    preamble_then_transactions()
    bad_amount()
    ambiguous_dates()
    debit_credit_ods()
    old_excel_xls()
