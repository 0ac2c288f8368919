"""The support directory: queries by need, audience and area, and whether a service is open now."""
from __future__ import annotations

import datetime as dt

import pytest

from bot import directory, hours
from bot.content import Content, profiles
from tests.unit.test_content import ROOT

CONTENT = Content.load(ROOT / "content", profile="default")
UK = hours.UK
# Tuesday 24 November 2026, in UK time (GMT in winter).
TUESDAY_NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=UK)
TUESDAY_NIGHT = dt.datetime(2026, 11, 24, 22, 0, tzinfo=UK)
SATURDAY = dt.datetime(2026, 11, 28, 11, 0, tzinfo=UK)
WEEKDAYS_8_TO_8 = [{"days": [0, 1, 2, 3, 4], "opens": "08:00", "closes": "20:00"}]


def found(text, now=TUESDAY_NOON, content=CONTENT, **known):
    query = directory.read_query(text, **known)
    return [service.id for service in directory.find(query, content, now)]


def test_opening_hours_with_a_fixed_clock():
    assert hours.is_open(WEEKDAYS_8_TO_8, TUESDAY_NOON)
    assert not hours.is_open(WEEKDAYS_8_TO_8, TUESDAY_NIGHT)
    assert not hours.is_open(WEEKDAYS_8_TO_8, SATURDAY)
    assert hours.is_open(WEEKDAYS_8_TO_8, dt.datetime(2026, 11, 24, 8, 0, tzinfo=UK))
    assert not hours.is_open(WEEKDAYS_8_TO_8, dt.datetime(2026, 11, 24, 20, 0, tzinfo=UK))


def test_next_opening_is_said_the_way_people_say_it():
    tonight = hours.next_opening(WEEKDAYS_8_TO_8, TUESDAY_NIGHT)
    assert hours.when(tonight, TUESDAY_NIGHT) == "tomorrow at 8am"
    weekend = hours.next_opening(WEEKDAYS_8_TO_8, SATURDAY)
    assert hours.when(weekend, SATURDAY) == "on Monday at 8am"
    early = dt.datetime(2026, 11, 24, 6, 30, tzinfo=UK)
    assert hours.when(hours.next_opening(WEEKDAYS_8_TO_8, early), early) == "today at 8am"


def test_hours_are_uk_time_in_summer_too():
    # 19:30 UTC on a July Friday is 20:30 in London: closed.
    assert not hours.is_open(WEEKDAYS_8_TO_8, dt.datetime(2026, 7, 3, 19, 30, tzinfo=dt.timezone.utc))
    assert hours.is_open(WEEKDAYS_8_TO_8, dt.datetime(2026, 7, 3, 18, 30, tzinfo=dt.timezone.utc))


def test_clock_times():
    assert [hours.clock_time(dt.time(h, m)) for h, m in ((9, 0), (16, 30), (12, 0), (0, 0))] == \
        ["9am", "4:30pm", "12pm", "12am"]


def status_of(service_id, now):
    service = next(s for s in directory.services(CONTENT) if s.id == service_id)
    return directory.status(service, CONTENT, now)


def test_status_says_whether_a_service_is_open_now():
    assert status_of("victim_support", TUESDAY_NIGHT) == "open now: 24 hours a day"
    assert status_of("revenge_porn_helpline", TUESDAY_NOON) == "open now, until 4pm"
    assert status_of("revenge_porn_helpline", SATURDAY) == "closed now; the phone line opens on Monday at 10am"
    assert status_of("stopncii", SATURDAY) == "online at any time"


def test_hours_that_could_not_be_confirmed_are_said_so():
    assert "not confirmed" in status_of("stalking_helpline", TUESDAY_NOON)
    report_fraud = status_of("report_fraud", TUESDAY_NIGHT)
    assert "closed now" in report_fraud and "report online at any time" in report_fraud
    assert "still being checked" in report_fraud


def test_who_can_help_with_revenge_porn():
    assert found("who can help me with revenge porn")[0] == "revenge_porn_helpline"


def test_asking_what_is_open_now_puts_open_services_first():
    ids = found("is there anyone open now for stalking", now=SATURDAY)
    open_ones = [directory.Service(i, CONTENT.contacts[i]).open_now(SATURDAY) for i in ids if i in CONTENT.contacts]
    assert open_ones == sorted(open_ones, reverse=True)
    assert "domestic_abuse_helpline" in ids[:2]


def test_a_young_person_gets_services_for_their_age():
    ids = found("im 14 and getting bullied on snapchat", audience="self")
    assert "childline" in ids
    assert "nspcc" not in ids  # for adults worried about a child


def test_a_parent_gets_services_for_parents():
    ids = found("who can help parents with online safety", audience="child")
    assert "nspcc" in ids or "internet_matters" in ids


def test_a_business_gets_business_services_first():
    ids = found("where can a small business get cyber help")
    assert set(ids[:2]) & {"ncsc_small_business", "cyber_resilience_centre"}


def test_business_only_services_come_last_for_a_person():
    ids = found("I was scammed", audience="self")
    assert "cyber_resilience_centre" not in ids


def test_scotland_leaves_out_services_for_the_rest_of_the_uk():
    assert "report_fraud" not in found("fraud help in scotland")
    assert "report_fraud" in found("fraud help")


def test_the_topic_of_the_conversation_is_used_when_the_question_names_none():
    assert directory.read_query("who can help", topic="stalking").needs == ("stalking",)


@pytest.mark.parametrize("profile", profiles(ROOT / "content"))
def test_a_force_lists_its_own_services_first(profile):
    content = Content.load(ROOT / "content", profile=profile)
    local = [s for s in directory.services(content) if s.local]
    for service in local:
        query = directory.Query(needs=tuple(service.helps_with[:1]), audience=service.audience[0])
        assert service.id in [s.id for s in directory.find(query, content, TUESDAY_NOON, most=10)]


def test_a_listing_gives_the_routes_and_the_status():
    service = next(s for s in directory.services(CONTENT) if s.id == "victim_support")
    text = directory.listing(service, CONTENT, TUESDAY_NOON)
    assert text.startswith("Victim Support: ")
    assert "phone 08 08 16 89 111" in text and "Open now: 24 hours a day" in text
