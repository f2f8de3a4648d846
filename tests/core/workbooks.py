"""What every export must look like when an office opens it (``core.spreadsheets.write_table``)."""

import io

from openpyxl import load_workbook


def open_export(data: bytes):
    return load_workbook(io.BytesIO(data)).worksheets[0]


def assert_office_layout(
    sheet, *, title: str, filters: str, amount_header: str | None = None
) -> dict[str, int]:
    """Title in A1, the filters line in A2, a bold header in row 3 frozen above the rows, every column
    given a width, and money with thousands grouped. Returns {header: column index (1-based)}."""
    assert sheet["A1"].value == title and sheet["A1"].font.bold
    assert sheet["A2"].value.startswith("Bộ lọc:") and filters in sheet["A2"].value
    assert sheet.freeze_panes == "A4"
    headers = {cell.value: cell.column for cell in sheet[3] if cell.value}
    assert headers and all(cell.font.bold for cell in sheet[3] if cell.value)
    assert all(sheet.column_dimensions[cell.column_letter].width for cell in sheet[3] if cell.value)
    if amount_header is not None and sheet.max_row > 3:
        assert sheet.cell(row=4, column=headers[amount_header]).number_format == "#,##0"
    return headers
