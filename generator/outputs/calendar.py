"""iCalendar (RFC 5545): each unit's upcoming sessions and deadlines, and the whole catalogue's.

`units/<id>/sessions.ics` is the unit page's "Add to calendar"; `calendar.ics` holds every
upcoming session of the catalogue. Sessions are all-day events (the content gives days, not
hours); an application deadline is an event of its own on its day. Past sessions are left
out, like in schema.org and ELM. `DTSTAMP` is the unit's last change, never the build time,
so two builds of the same content are identical.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Calendar, Event

from generator.content.catalogue import Catalogue
from generator.content.models import Place, Session, Unit
from generator.content.text import pick
from generator.content.vocabularies import vocabulary
from generator.kinds import UNIT, SiteInfo

CATALOGUE_CALENDAR = "calendar.ics"
PRODUCT = "-//microVET catalogue//Sessions//EN"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def document(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> bytes:
    """`units/<id>/sessions.ics`: the unit's upcoming sessions and deadlines."""
    calendar = _calendar(f"{pick(unit.title)} ({site.name})")
    for event in unit_events(catalogue, unit, site):
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def render(catalogue: Catalogue, site: SiteInfo) -> dict[str, bytes]:
    """`calendar.ics`: every upcoming session of the catalogue."""
    calendar = _calendar(f"{site.name}: upcoming sessions")
    for unit in catalogue.units.values():
        for event in unit_events(catalogue, unit, site):
            calendar.add_component(event)
    return {CATALOGUE_CALENDAR: calendar.to_ical()}


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # X-WR-CALNAME is a non-standard property that icalendar does not escape as text: a name
    # is one line (a unit title may hold a line break).
    calendar.add("x-wr-calname", " ".join(name.split()))
    return calendar


def unit_events(catalogue: Catalogue, unit: Unit, site: SiteInfo) -> list[Event]:
    """One event per upcoming session, and one per application deadline."""
    page = site.absolute(UNIT.url(unit.id))
    dates = catalogue.dates[unit.id]
    changed = dates.updated or dates.published
    stamp = dt.datetime.combine(changed, dt.time(), dt.UTC) if changed else _EPOCH
    host = urlsplit(site.url).hostname or "localhost"
    events = []
    for session in catalogue.upcoming_sessions(unit):
        uid = f"{unit.id}-{session.start.isoformat()}"
        events.append(_event(f"{uid}@{host}", stamp, session.start,
                             session.end or session.start, pick(unit.title), session, page))
        if session.application_deadline:
            day = session.application_deadline
            events.append(_event(f"{uid}-deadline@{host}", stamp, day, day,
                                 f"Application deadline: {pick(unit.title)}", session, page))
    return events


def _event(uid: str, stamp: dt.datetime, first: dt.date, last: dt.date, summary: str,
           session: Session, page: str) -> Event:
    """An all-day event from `first` to `last` (DTEND is the day after: RFC 5545 3.6.1)."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", first)
    event.add("dtend", last + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("location", where(session))
    event.add("url", session.enrol_url or page)
    lines = [f"Details: {page}"]
    if session.enrol_url:
        lines.append(f"Enrol: {session.enrol_url}")
    event.add("description", "\n".join(lines))
    event.add("transp", "TRANSPARENT")
    return event


def where(session: Session) -> str:
    """`Online`, or venue, address, city and country."""
    if not isinstance(session.location, Place):
        return "Online"
    place = session.location
    parts = [place.venue, place.address, place.city, vocabulary("countries")[place.country].label]
    return ", ".join(part for part in parts if part)
