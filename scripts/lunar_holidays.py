"""Write extractors/data/holidays.json: Vietnam's public holidays, day by day, for 2015–2035.

    python scripts/lunar_holidays.py            write the table
    python scripts/lunar_holidays.py --check    exit 1 when the committed table differs from what this computes

A deadline in working days (``trong 10 ngày làm việc kể từ ngày ký``) skips Saturdays, Sundays and these
days (``vanban.extractors.deadlines.due_date``). The days are those of Bộ luật Lao động 2019, Điều 112:

- Tết Dương lịch 1/1, Ngày Chiến thắng 30/4, Ngày Quốc tế lao động 1/5, Quốc khánh 2/9 and, since 2021, one day
  beside it (before it when 2/9 is a Tuesday, Wednesday, Friday or Saturday, after it otherwise, so the two
  days join a weekend as the Government chose in 2021–2025);
- Tết Nguyên đán, five days: the last two days of the lunar year and the first three of the new one;
- Giỗ Tổ Hùng Vương, 10 tháng 3 âm lịch;
- a holiday that falls on a Saturday or a Sunday is made up on the next working day (Điều 111, khoản 3).

These rules give the Tết breaks the Government announced for 2016–2026 (tests/test_deadlines.py lists them).
The days swapped by each year's notice (a Saturday worked so a bridge day is off) are not modelled.

The lunar dates come from the astronomical new moons and solar terms at Vietnam's meridian (UTC+7), the
method of Hồ Ngọc Đức's published Vietnamese calendar (new moon after Jean Meeus, "Astronomical Algorithms"):
the Vietnamese calendar differs from the Chinese one (UTC+8) in some years, so a Chinese-calendar library
would not do.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from datetime import date, timedelta
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "extractors" / "data" / "holidays.json"
FIRST_YEAR, LAST_YEAR = 2015, 2035
TIME_ZONE = 7.0  # hours east of Greenwich: the Vietnamese calendar's meridian
_JDN_OFFSET = 1721425  # Julian day number of date.fromordinal(1) minus one


def _jdn(day: date) -> int:
    return day.toordinal() + _JDN_OFFSET


def _day(jdn: int) -> date:
    return date.fromordinal(jdn - _JDN_OFFSET)


def _new_moon(k: int) -> float:
    """The Julian date (UT) of the k-th new moon after 1900-01-01 (Meeus, chapter 49, abridged)."""
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3  # the Sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3  # the Moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3  # the Moon's argument of latitude
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 += -0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr) - 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr)) - 0.0074 * math.sin(dr * (m - mpr))
    c1 += 0.0004 * math.sin(dr * (2 * f + m)) - 0.0004 * math.sin(dr * (2 * f - m))
    c1 += -0.0006 * math.sin(dr * (2 * f + mpr)) + 0.0010 * math.sin(dr * (2 * f - mpr))
    c1 += 0.0005 * math.sin(dr * (2 * mpr + m))
    delta_t = -0.000278 + 0.000265 * t + 0.000262 * t2 if t >= -11 else 0.001 + 0.000839 * t + 0.0002261 * t2
    return jd + c1 - delta_t


def _new_moon_day(k: int) -> int:
    """The Julian day number, at UTC+7, of the day the k-th new moon falls on."""
    return math.floor(_new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_longitude_sector(jdn: int) -> int:
    """Which of the twelve 30° sectors the Sun's longitude is in at the start of day ``jdn`` (UTC+7)."""
    t = (jdn - 0.5 - TIME_ZONE / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl += (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    longitude = ((l0 + dl) * dr) % (2 * math.pi)
    return math.floor(longitude / math.pi * 6)


def _month_11(year: int) -> int:
    """The first day of the lunar month holding the winter solstice of solar ``year`` (tháng 11 âm lịch)."""
    k = math.floor((_jdn(date(year, 12, 31)) - 2415021) / 29.530588853)
    start = _new_moon_day(k)
    return _new_moon_day(k - 1) if _sun_longitude_sector(start) >= 9 else start


def _leap_month_offset(month_11: int) -> int:
    """How many months after tháng 11 the leap month comes: the first month without a solar term."""
    k = math.floor((month_11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    sector = _sun_longitude_sector(_new_moon_day(k + i))
    while True:
        last = sector
        i += 1
        sector = _sun_longitude_sector(_new_moon_day(k + i))
        if sector == last or i >= 14:
            return i - 1


def lunar_to_solar(day: int, month: int, year: int) -> date:
    """The solar date of ``day``/``month`` (not the leap month) of lunar ``year``: (1, 1, 2026) → 2026-02-17."""
    a11, b11 = (_month_11(year - 1), _month_11(year)) if month < 11 else (_month_11(year), _month_11(year + 1))
    k = math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    offset = (month - 11) % 12
    if b11 - a11 > 365 and offset >= _leap_month_offset(a11):  # a leap year: months from the leap one are later
        offset += 1
    return _day(_new_moon_day(k + offset) + day - 1)


def _national_day_companion(year: int) -> date:
    """The day beside 2/9 (since 2021): the one that joins the two days to a weekend."""
    national = date(year, 9, 2)
    before = national.weekday() in (1, 2, 4, 5)  # Tuesday, Wednesday, Friday, Saturday
    return national + timedelta(days=-1 if before else 1)


def holidays(year: int) -> list[tuple[date, str]]:
    """Every day off of ``year`` by law, made-up days included, in date order."""
    new_year = lunar_to_solar(1, 1, year)
    days = [
        (date(year, 1, 1), "Tết Dương lịch"),
        (new_year - timedelta(days=2), "Tết Nguyên đán (cuối năm âm lịch)"),
        (new_year - timedelta(days=1), "Tết Nguyên đán (cuối năm âm lịch)"),
        (new_year, "Tết Nguyên đán (mùng 1)"),
        (new_year + timedelta(days=1), "Tết Nguyên đán (mùng 2)"),
        (new_year + timedelta(days=2), "Tết Nguyên đán (mùng 3)"),
        (lunar_to_solar(10, 3, year), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"),
        (date(year, 4, 30), "Ngày Chiến thắng"),
        (date(year, 5, 1), "Ngày Quốc tế lao động"),
        (date(year, 9, 2), "Quốc khánh"),
    ]
    if year >= 2021:
        days.append((_national_day_companion(year), "Quốc khánh (ngày liền kề)"))
    days.sort()
    taken = {d for d, _ in days}
    made_up = []
    for day, name in days:
        if day.weekday() < 5:
            continue
        later = day + timedelta(days=1)
        while later.weekday() >= 5 or later in taken:
            later += timedelta(days=1)
        taken.add(later)
        made_up.append((later, f"nghỉ bù {name}"))
    return sorted(days + made_up)


def table() -> dict:
    """The knowledge table as written to extractors/data/holidays.json."""
    return {
        "_doc": "Vietnam's public holidays day by day (Bộ luật Lao động 2019, Điều 112; a holiday on a weekend made"
        " up on the next working day, Điều 111), for counting working days. Written by scripts/lunar_holidays.py,"
        " which says how each day is found (lunar dates at UTC+7); run it, do not edit by hand.",
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "days": {
            str(year): {day.isoformat(): name for day, name in holidays(year)}
            for year in range(FIRST_YEAR, LAST_YEAR + 1)
        },
    }


def render() -> str:
    return json.dumps(table(), ensure_ascii=False, indent=1) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed table")
    args = parser.parse_args()
    text = render()
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("holidays.json is up to date" if same else "holidays.json differs: run scripts/lunar_holidays.py")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
