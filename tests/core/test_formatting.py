import datetime as dt
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from unidecode import unidecode

from nangsuat.core.formatting import amount_in_words, format_date_vi, format_vnd
from nangsuat.core.text import fold


def test_money_uses_dots_and_dong():
    assert format_vnd(1_250_000_000) == "1.250.000.000 đ"
    assert format_vnd(0) == "0 đ"
    assert format_vnd(None) == "—"


def test_dates_take_leading_zero_for_days_below_ten_and_months_one_two():
    assert format_date_vi(dt.date(2027, 1, 5)) == "ngày 05 tháng 01 năm 2027"
    assert format_date_vi(dt.date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert format_date_vi(dt.date(2026, 11, 24)) == "ngày 24 tháng 11 năm 2026"
    assert format_date_vi(dt.date(2026, 3, 9)) == "ngày 09 tháng 3 năm 2026"


def test_amount_in_words():
    assert amount_in_words(1_250_000) == "Một triệu hai trăm năm mươi nghìn đồng"


def test_fold_removes_diacritics_case_and_d_stroke():
    assert fold("Cần Thơ") == fold("CẦN THƠ") == fold("can tho") == "can tho"
    assert fold("Đông  Đức") == "dong duc"


@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet=st.sampled_from("aăâđeêoôơuưyAĂÂĐƠƯ ̣̀́̃̉\t\n東ßﬁ€-|,.0123456789")))
def test_fold_word_by_word_equals_transliterating_the_whole_text(text):
    # fold caches words; the result must be what one transliteration of the whole text gives.
    whole = unidecode(unicodedata.normalize("NFC", text)).lower()
    assert fold(text) == " ".join(whole.split())


@given(st.integers(min_value=0, max_value=10**15))
def test_money_round_trips(amount):
    assert int(format_vnd(amount, suffix="").replace(".", "")) == amount


def test_day_and_moment_write_what_the_date_filter_writes_in_local_time():
    import datetime as dt

    from django.template import Context, Template
    from django.utils import timezone

    from nangsuat.core.templatetags.nangsuat import day, moment

    # 17:30 UTC is already the next day in Cần Thơ (UTC+7).
    for value in (
        dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC),
        dt.datetime(2027, 1, 5, 2, 4, tzinfo=dt.UTC),
        timezone.now(),
    ):
        drawn = Template('{{ v|date:"H:i d/m/Y" }}|{{ v|date:"d/m/Y" }}').render(Context({"v": value}))
        assert f"{moment(value)}|{day(value)}" == drawn
    assert day(dt.date(2027, 1, 5)) == "05/01/2027"
    assert moment(dt.datetime(2026, 12, 31, 17, 30, tzinfo=dt.UTC)) == "00:30 01/01/2027"
    assert moment(None) == day(None) == ""
