"""Find time expressions in a sentence and resolve them against the publication date.

Spans follow the gold data (``GUIDELINES.md``, "Dates"): ``يوم الخميس``,
``أمس الجمعة``, ``مساء الأربعاء``, ``بعد صلاة الجمعة``, ``في تموز``,
``في 8 مايو/ أيار من هذا العام``, ``في آب/أغسطس 2015``, ``31 أغسطس``,
``الأسبوع الماضي`` (value null).  The words come from
``data/ar/time_words.jsonl``: weekdays, Levantine, Egyptian/Gulf and
Maghrebi month names, ordinal day words, relative and vague expressions.

Resolution (the guidelines' rules):

- a weekday is the most recent such day on or before the publication date
  (``الماضي`` makes it strictly before, ``المقبل`` strictly after);
- ``اليوم`` is the publication date, ``أمس`` the day before; a relative word
  joined to a weekday (``أمس الجمعة``) takes the weekday when they disagree;
- a day and month with no year, or a month alone, is the most recent such
  date on or before publication (a month alone gives ``YYYY-MM``);
- an explicit year is kept; ``من هذا العام``/``من العام الماضي`` fix it;
- with no publication date only spans with an explicit year get a value.

dateparser (Scrapinghub) parses the day-month-year candidates once they are
found and their month is known: a candidate is rewritten with the Egyptian
month name dateparser's Arabic data knows and parsed with
``PREFER_DATES_FROM='past'`` relative to the publication date.  It does not
find spans precisely in running Arabic text, does not know the Levantine
(``تموز``, ``كانون الثاني``) or Maghrebi (``جويلية``) names nor ordinal day
words (``السادس من شباط``), and its weekday and month-alone answers use its
own conventions, so those are computed here.  It never touches the network.
"""

from __future__ import annotations

import datetime as dt
import functools
import attrs
import regex

from quotes.lexicon import load_lexicon
from quotes.text import Normalized, fold

__all__ = ["DateMatch", "DateFinder"]

RESOLUTIONS = ("explicit", "relative", "document")
_WORD_END = r"(?![\p{L}\p{N}])"
_WORD_START = r"(?<![\p{L}\p{N}])"


@attrs.frozen
class DateMatch:
    """A time expression: original offsets, resolved ISO value, how it was resolved."""

    start: int
    end: int
    value: str | None = attrs.field(
        validator=attrs.validators.optional(attrs.validators.matches_re(r"\d{4}-\d{2}(-\d{2})?"))
    )
    resolution: str = attrs.field(validator=attrs.validators.in_(RESOLUTIONS))
    rule: str


def _key(text: str) -> str:
    return " ".join(fold(text).split())


class DateFinder:
    """The time-word lexicon compiled into patterns over the normalized text."""

    def __init__(self) -> None:
        rows = load_lexicon("time_words.jsonl")
        by_kind: dict[str, list[dict]] = {}
        for r in rows:
            by_kind.setdefault(r["kind"], []).append(r)
        self._value = {(r["kind"], _key(r["text"])): r.get("value") for r in rows}
        self._offset = {_key(r["text"]): r["offset"] for r in by_kind["relative"]}
        self._year_offset = {_key(r["text"]): r["year_offset"] for r in by_kind["modifier"]}
        self._direction = {_key(r["text"]): r.get("direction") for r in by_kind["modifier"]}
        self._blockers = {_key(r["text"]) for r in by_kind["blocker"]}
        self._blockers_after = {_key(r["text"]) for r in by_kind["blocker_after"]}
        lists = {k: sorted({_key(r["text"]) for r in v}) for k, v in by_kind.items()}
        for r in by_kind["glue"]:
            lists.setdefault("glue_" + r["role"], []).append(_key(r["text"]))
        self._teens = set(lists["glue_teen"])
        # the first Egyptian (gregorian) name of each month: the one dateparser knows
        gregorian: dict[int, str] = {}
        for r in by_kind["month"]:
            if r["calendar"] == "gregorian":
                gregorian.setdefault(r["value"], r["text"])
        self._dateparser_months = tuple(gregorian[i] for i in range(1, 13))
        self._patterns = self._compile(lists)

    def _compile(self, lists: dict[str, list[str]]) -> list[tuple[str, regex.Pattern]]:
        """One pattern per rule; word classes are ``regex`` named lists (string sets)."""
        w = {k: rf"(?:\L<{k}>){_WORD_END}" for k in lists}
        mon = rf"(?P<mon>{w['month']})"
        mon2 = rf"(?:\s*[/\-(]\s*(?P<mon2>{w['month']})(?:\s*\))?)?"
        year = (
            rf"(?:\s*,?\s*(?:{w['glue_year']}\s+)?(?P<year>(?:19|20)\d\d)(?!\d)"
            rf"(?:\s*{w['glue_era']})?)?"
        )
        mod = rf"(?:\s+(?P<mod>{w['modifier']}))?"
        pre = rf"(?:(?P<pre>{w['prefix']})\s+)?"
        wd = rf"(?P<wd>{w['weekday']})"
        day_word = rf"(?:{w['glue_day']}\s+)"
        day = rf"(?P<day>[0-3]?\d(?!\d)|{w['ordinal']})"
        pod = rf"(?:(?P<pod>{w['part_of_day']})\s+)?"
        rel = rf"(?P<rel>{w['relative']})"
        on_weekday = rf"(?:{pod}{day_word}?{wd}\s+(?:{w['glue_equals']}\s+)?)?"
        of_month = rf"(?:{w['glue_of']}\s+)?(?:{w['glue_month']}\s+)?"
        specs = [
            ("date:numeric", r"(?P<num>(?P<d>[0-3]?\d)[/.\-](?P<m>[01]?\d)[/.\-](?P<y>(?:19|20)\d\d)"
                             r"|(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d))(?!\d)"),
            ("date:day-month", rf"{pre}{on_weekday}{day}\s+{of_month}{mon}{mon2}{year}{mod}"),
            ("date:month", rf"{pre}{mon}{mon2}{year}{mod}"),
            ("date:prayer", rf"(?P<pp>{w['prayer_prefix']})\s+(?P<prayer>{w['prayer']})"),
            ("date:relative", rf"{pod}{day_word}?{rel}(?:\s+{day_word}?{wd})?"),
            # في وقت سابق السبت: a vague phrase before the weekday the weekday makes exact
            ("date:weekday", rf"(?:{w['vague']}\s+)?{pod}(?:(?:{w['glue_in']}\s+)?{day_word})?{wd}{mod}"),
            ("date:vague", rf"(?P<vague>{w['vague']})"),
        ]
        return [
            (rule, regex.compile(_WORD_START + p, regex.V1, ignore_unused=True, **lists))
            for rule, p in specs
        ]

    # --- public -------------------------------------------------------------

    def find(
        self, norm: Normalized, published: str | None, start: int = 0, end: int | None = None
    ) -> list[DateMatch]:
        """Time expressions inside the original-offset window ``[start, end)``.

        ``published`` is the document's ISO publication date (``YYYY-MM-DD``)
        or None; a malformed one is treated as None.
        """
        pub = _parse_published(published)
        end = len(norm.original) if end is None else end
        ns, ne = norm.to_normalized(start), norm.to_normalized(end)
        found: list[tuple[int, int, str, str | None, str]] = []
        for rule, pat in self._patterns:
            for m in pat.finditer(norm.text, ns, ne, overlapped=True):
                built = self._build(norm.text, rule, m, pub)
                if built is not None:
                    found.append((m.start(), m.end(), rule, *built))
        return [
            DateMatch(*norm.to_original(a, b), value, res, rule)
            for a, b, rule, value, res in _longest_first(found)
        ]

    # --- building -----------------------------------------------------------

    def _build(
        self, text: str, rule: str, m: regex.Match, pub: dt.date | None
    ) -> tuple[str | None, str] | None:
        """The (value, resolution) of a candidate, or None when it is no date."""
        if rule == "date:numeric":
            return _numeric(m)
        if rule in ("date:day-month", "date:month"):
            return self._calendar(text, rule, m, pub)
        if rule == "date:prayer":
            return _weekday_value(self._value[("prayer", _key(m["prayer"]))], pub), "relative"
        if rule == "date:vague":
            return None, "relative"
        if self._blocked(text, m):
            return None
        weekday = self._value[("weekday", _key(m["wd"]))] if m["wd"] else None
        if rule == "date:relative":
            return self._relative(m, weekday, pub), "relative"
        return _weekday_value(weekday, pub, self._mod_direction(m)), "relative"

    def _mod_direction(self, m: regex.Match) -> str | None:
        return self._direction.get(_key(m["mod"])) if m["mod"] else None

    def _blocked(self, text: str, m: regex.Match) -> bool:
        """``صلاة الجمعة``, ``ذلك اليوم``, ``الأحد عشر``, ``اليوم العالمي``: no time of utterance."""
        before = text[max(0, m.start() - 20):m.start()].split()
        if before and _key(before[-1]) in self._blockers:
            return True
        after = text[m.end():m.end() + 20].split()
        nxt = after[0] if after else ""
        if m["wd"] and nxt in self._teens:
            return True
        if "rel" in m.re.groupindex and m["rel"] and not m["wd"]:
            # اليوم العالمي, اليوم التالي: "the day"; a nisba adjective by its shape
            nisba = nxt.startswith("ال") and nxt.endswith("ي") and len(nxt) > 4
            return nxt in self._blockers_after or nisba
        return False

    def _relative(self, m: regex.Match, weekday: int | None, pub: dt.date | None) -> str | None:
        if pub is None:
            return None
        day = pub + dt.timedelta(days=self._offset[_key(m["rel"])])
        if weekday is not None and day.isoweekday() != weekday:
            return _weekday_value(weekday, pub)
        return day.isoformat()

    def _calendar(
        self, text: str, rule: str, m: regex.Match, pub: dt.date | None
    ) -> tuple[str | None, str] | None:
        month = self._value[("month", _key(m["mon"]))]
        if m["mon2"] and self._value[("month", _key(m["mon2"]))] != month:
            return None
        has_context = m["pre"] or m["year"] or m["mon2"] or m["mod"]
        if rule == "date:month" and not has_context:
            return None  # آب "father", مارس "practised", نيسان the car
        year = int(m["year"]) if m["year"] else None
        direction = self._mod_direction(m)
        if year is None and m["mod"] is not None and pub is not None:
            offset = self._year_offset[_key(m["mod"])]
            year = None if offset is None else pub.year + offset
        if rule == "date:month":
            return _month_value(month, year, pub, direction), "explicit"
        day = int(m["day"]) if m["day"].isdigit() else self._value[("ordinal", _key(m["day"]))]
        if not 1 <= day <= 31 or (year is not None and not _valid(year, month, day)):
            return None
        if year is None and not _valid(2000, month, day):  # 2000 is a leap year
            return None
        if year is None and direction == "future" and pub is not None:
            year = pub.year if (month, day) > (pub.month, pub.day) else pub.year + 1
        return _day_value(day, month, year, pub, self._dateparser_months), "explicit"


# --- resolution helpers -------------------------------------------------------


def _parse_published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _weekday_value(
    weekday: int | None, pub: dt.date | None, direction: str | None = None
) -> str | None:
    """The most recent ``weekday`` on or before ``pub``.

    ``direction`` "past" (الخميس الماضي) makes it strictly before; "future"
    (الخميس المقبل) gives the next one after ``pub``.
    """
    if weekday is None or pub is None:
        return None
    if direction == "future":
        return (pub + dt.timedelta(days=(weekday - pub.isoweekday() - 1) % 7 + 1)).isoformat()
    back = (pub.isoweekday() - weekday) % 7
    if direction == "past" and back == 0:
        back = 7
    return (pub - dt.timedelta(days=back)).isoformat()


def _month_value(
    month: int, year: int | None, pub: dt.date | None, direction: str | None = None
) -> str | None:
    """``YYYY-MM``: the most recent such month (strictly before with "past", next with "future")."""
    if year is None:
        if pub is None:
            return None
        if direction == "future":
            year = pub.year if month > pub.month else pub.year + 1
        elif direction == "past":
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
    return f"{year:04d}-{month:02d}"


def _day_value(
    day: int, month: int, year: int | None, pub: dt.date | None, names: tuple[str, ...]
) -> str | None:
    """``YYYY-MM-DD``: the latest such day on or before ``pub`` when no year is given."""
    if year is None and pub is None:
        return None
    parsed = _dateparser_day(f"{day} {names[month - 1]}" + (f" {year}" if year else ""), pub)
    if parsed is not None:
        return parsed
    if year is None:  # dateparser unavailable or silent: the same rule by hand
        year = pub.year
        while not (_valid(year, month, day) and dt.date(year, month, day) <= pub):
            year -= 1
    return dt.date(year, month, day).isoformat()


@functools.lru_cache(maxsize=4096)
def _dateparser_day(text: str, pub: dt.date | None) -> str | None:
    """``text`` (``day month [year]``) parsed by dateparser, preferring the past of ``pub``."""
    try:
        import dateparser
    except ImportError:  # the rule in _day_value does the same work
        return None
    settings = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month"]}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    got = dateparser.parse(text, languages=["ar"], settings=settings)
    return got.date().isoformat() if got is not None else None


def _numeric(m: regex.Match) -> tuple[str, str] | None:
    if m["y2"]:
        y, mo, d = int(m["y2"]), int(m["m2"]), int(m["d2"])
    else:
        y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not (1 <= mo <= 12 and _valid(y, mo, d)):
        return None
    return dt.date(y, mo, d).isoformat(), "explicit"


def _longest_first(
    found: list[tuple[int, int, str, str | None, str]]
) -> list[tuple[int, int, str, str | None, str]]:
    """Non-overlapping candidates, longer ones first, in text order."""
    chosen: list[tuple[int, int, str, str | None, str]] = []
    for cand in sorted(found, key=lambda c: (c[0] - c[1], c[0])):
        if all(cand[1] <= c[0] or cand[0] >= c[1] for c in chosen):
            chosen.append(cand)
    return sorted(chosen)
