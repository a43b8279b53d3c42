"""Report metadata: who reports, on which year, for which period, published when."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import attrs

from disclosure_report.errors import FieldValueError, Phrase
from disclosure_report.model.cells import describe
from disclosure_report.model.validators import of_type, one_of

Scope = Literal["agency", "government_own", "region_aggregate"]
"""What the report covers (spec §5.7).

* ``agency`` — a 县级以上人民政府部门 (or other agency) reporting on its own work; deadline 1月31日.
* ``government_own`` — a government reporting on work done in its own name (and its office's); deadline 3月31日.
* ``region_aggregate`` — a government's report summing every reporting body of its region; deadline 3月31日.
"""


def agency_key(agency: str) -> str:
    """How two printings of an agency's name are compared: without whitespace (``甲市 财政局`` is ``甲市财政局``).
    Empty for a name that is blank."""
    return "".join(agency.split())


MIN_YEAR = 2000
MAX_YEAR = 2999


def _check_year(_inst: object, _attr: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not MIN_YEAR <= value <= MAX_YEAR:
        raise FieldValueError(
            "Meta", "year", Phrase("expected.year_range", low=MIN_YEAR, high=MAX_YEAR), describe(value)
        )


def _check_date(_inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not dt.date:
        raise FieldValueError(type(_inst).__name__, attr.name, Phrase("expected.date"), describe(value))


def _check_optional_date(inst: object, attr: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_date(inst, attr, value)


@attrs.frozen
class Period:
    """The statistics period the figures cover (normally 1月1日 to 12月31日 of the report year)."""

    start: dt.date = attrs.field(validator=_check_date)
    end: dt.date = attrs.field(validator=_check_date)

    @end.validator
    def _end_not_before_start(self, _attr: attrs.Attribute[dt.date], value: dt.date) -> None:
        if type(self.start) is dt.date and value < self.start:
            expected = Phrase("expected.date_from", start=self.start.isoformat())
            raise FieldValueError("Period", "end", expected, value.isoformat())

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))


@attrs.frozen
class Contact:
    """How the public reaches the reporting office, as the report states it."""

    address: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    phone: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    postcode: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    email: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    website: str | None = attrs.field(default=None, validator=of_type(str, optional=True))


@attrs.frozen
class Meta:
    """Who reports on which year: the facts the metadata rules check."""

    agency: str = attrs.field(validator=of_type(str))
    year: int = attrs.field(validator=_check_year)
    title: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    published_on: dt.date | None = attrs.field(default=None, validator=_check_optional_date)
    period: Period | None = None
    scope: Scope | None = attrs.field(default=None, validator=one_of(Scope, optional=True))
    contact: Contact | None = None
