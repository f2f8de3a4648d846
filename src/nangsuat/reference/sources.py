"""Where each reference set comes from: its version and legal basis, and the data files shipped with it.

The data migrations load these files once; afterwards an administrator edits the tables in the admin.
A new version of a set (a new merger of communes, a VSIC revision) is a new data file and a new
migration, with the constants below updated.
"""

import json
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"

# Provinces after the 2025 arrangement of provincial-level units (34 units, from 12/6/2025).
PROVINCES_FILE = "provinces.json"
PROVINCES_VERSION = "2025-07-01"
PROVINCES_LEGAL_BASIS = (
    "Nghị quyết 202/2025/QH15 ngày 12/6/2025 của Quốc hội về sắp xếp đơn vị hành chính cấp tỉnh năm 2025"
)

# Commune-level units of Cần Thơ (code 92) in force from 01/7/2025: 31 phường, 72 xã.
CAN_THO_PROVINCE_CODE = "92"
WARDS_FILE = "wards_92_can_tho.json"
WARDS_VERSION = "2025-07-01"
WARDS_LEGAL_BASIS = (
    "Nghị quyết 1668/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về sắp xếp các đơn vị "
    "hành chính cấp xã của thành phố Cần Thơ năm 2025"
)
# Both files were taken from the PyPI package vietnam-provinces 2025.10.1 (data of 2025-10-18),
# names normalised to NFC with single spaces.
ADMIN_UNITS_SOURCE = "vietnam-provinces 2025.10.1"

# VSIC 2018: levels 1 (21 sections) and 2 (88 divisions). Levels 3–5 are not shipped: no faithful
# machine-readable source was available; an administrator may add them in the admin.
VSIC_FILE = "vsic2018.json"
VSIC_VERSION = "VSIC 2018"
VSIC_LEGAL_BASIS = "Quyết định 27/2018/QĐ-TTg ngày 06/7/2018 ban hành Hệ thống ngành kinh tế Việt Nam"

# Support contents: the seed of the editable catalogue (Kế hoạch 14/KH-UBND, I.2.c and III.3).
SUPPORT_CONTENTS_FILE = "support_contents.json"
SUPPORT_CONTENTS_LEGAL_BASIS = "Quyết định 1322/QĐ-TTg; Kế hoạch 14/KH-UBND (2026), mục I.2.c và III.3"


def load(name: str) -> list[dict[str, Any]]:
    """The rows of one shipped data file."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)
