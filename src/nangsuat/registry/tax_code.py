"""Tax codes (mã số thuế), DOMAIN-FACTS §7.

- 10 digits (enterprise) or 13 digits written ``XXXXXXXXXX-YYY`` (dependent unit, YYY 001–999), with the
  check digit of Thông tư 105/2020/TT-BTC (weights 31, 29, 23, 19, 17, 13, 7, 5, 3), via ``stdnum.vn.mst``.
- Since 01/7/2025 household businesses and individuals use their 12-digit personal identification
  number (no check digit; the first three digits are a province code 001–096).
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.vn import mst

_DIGITS = re.compile(r"\d+")
PERSONAL_ID_KINDS = frozenset({"household", "establishment"})


def normalize_tax_code(value: str, *, kind: str | None = None) -> str:
    """Return the canonical form (``0100233488``, ``0314409058-002``, ``092080001234``) or raise
    ``ValidationError`` with a Vietnamese message."""
    raw = (value or "").strip().replace(" ", "").replace(".", "")
    if not raw:
        raise ValidationError(_("Vui lòng nhập mã số thuế."), code="required")
    compact = raw.replace("-", "")
    if not _DIGITS.fullmatch(compact):
        raise ValidationError(
            _("Mã số thuế chỉ gồm chữ số (và dấu gạch ngang ở mã đơn vị phụ thuộc)."), code="invalid"
        )
    if len(compact) == 12:
        if kind is not None and kind not in PERSONAL_ID_KINDS:
            raise ValidationError(
                _(
                    "Mã 12 chữ số (số định danh cá nhân) chỉ dùng cho hộ kinh doanh, cơ sở sản xuất kinh doanh."
                ),
                code="personal_id_not_allowed",
            )
        if not 1 <= int(compact[:3]) <= 96:
            raise ValidationError(
                _("Số định danh cá nhân không hợp lệ: ba chữ số đầu phải là mã tỉnh (001–096)."),
                code="invalid",
            )
        return compact
    if len(compact) not in (10, 13):
        raise ValidationError(
            _(
                "Mã số thuế phải có 10 chữ số, 13 chữ số (dạng XXXXXXXXXX-YYY) hoặc 12 chữ số (hộ kinh doanh)."
            ),
            code="length",
        )
    if len(compact) == 13 and compact[10:] == "000":
        raise ValidationError(
            _("Ba chữ số cuối của mã đơn vị phụ thuộc phải từ 001 đến 999."), code="invalid"
        )
    try:
        mst.validate(compact)
    except StdnumError:
        raise ValidationError(_("Mã số thuế không hợp lệ: sai chữ số kiểm tra."), code="checksum") from None
    return mst.format(compact)


def is_valid_tax_code(value: str, *, kind: str | None = None) -> bool:
    try:
        normalize_tax_code(value, kind=kind)
    except ValidationError:
        return False
    return True
