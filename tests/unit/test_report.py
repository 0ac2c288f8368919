"""Help to report: reading the answers, the route for every case with its reason, and the summary."""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
import yaml

from bot import report
from bot.content import Content
from tests.unit.test_content import ROOT

CONTENT = Content.load(ROOT / "content", profile="default")
TOPICS = ("fraud", "hacking", "bullying", "stalking", "child_safety")
MONEY = ((), ("none",), ("bank_transfer",), ("card",), ("gift_cards",), ("crypto",), ("cash",),
         ("bank_transfer", "gift_cards"))
TIMING = ("now", "recent", "earlier", "unknown")
COUNTRIES = (None, "england", "wales", "northern_ireland", "scotland")


@pytest.mark.parametrize("topic,money,timing,country",
                         list(itertools.product(TOPICS, MONEY, TIMING, COUNTRIES)))
def test_every_combination_gets_routes_each_with_its_reason(topic, money, timing, country):
    facts = report.Facts(topic=topic, money=money, timing=timing, country=country)
    routes = report.routes(facts, CONTENT)
    ids = [route.id for route in routes]
    assert routes and all(route.title and len(route.why) > 20 for route in routes)
    assert "{" not in " ".join(route.title + route.why for route in routes)
    assert len(ids) == len(set(ids))
    # Support is offered every time, reported or not, and comes last.
    assert ids[-1] == "victim_support"
    if timing == "now":
        assert ids[0] == "emergency_now"
    if country == "scotland":
        assert "police_scotland" in ids and "report_fraud" not in ids and "police_now" not in ids


@pytest.mark.parametrize("money", [("bank_transfer",), ("card",), ("cash",), ("bank_transfer", "gift_cards")])
@pytest.mark.parametrize("timing", ["recent", "earlier", "unknown"])
def test_when_money_left_the_bank_comes_before_any_report(money, timing):
    ids = report.route_ids(report.Facts(topic="fraud", money=money, timing=timing))
    bank = next(i for i, name in enumerate(ids) if name.startswith("bank_"))
    assert bank == 0
    assert bank < ids.index("report_fraud")


def test_bank_transfers_come_with_the_reimbursement_rules():
    route = report.routes(report.Facts(topic="fraud", money=("bank_transfer",)), CONTENT)[0]
    assert "159" in route.title
    assert "£85,000" in route.why and "13 months" in route.why and "within hours" in route.why


def test_reporting_fraud_is_honest_that_it_may_feed_intelligence():
    routes = {r.id: r for r in report.routes(report.Facts(topic="fraud"), CONTENT)}
    assert "intelligence" in routes["report_fraud"].why and "still matters" in routes["report_fraud"].why
    assert "0300 123 2040" in routes["report_fraud"].title


@pytest.mark.parametrize("facts", [
    report.Facts(topic="fraud", timing="now"),
    report.Facts(topic="fraud", timing="recent"),
    report.Facts(topic="fraud", known="yes"),
])
def test_fraud_in_progress_recent_or_by_someone_local_goes_to_local_police_too(facts):
    ids = report.route_ids(facts)
    assert "police_now" in ids and "report_fraud" in ids


def test_older_fraud_by_a_stranger_goes_to_report_fraud_only():
    ids = report.route_ids(report.Facts(topic="fraud", timing="earlier", known="no"))
    assert "police_now" not in ids and "report_fraud" in ids


@pytest.mark.parametrize("topic", ["bullying", "stalking", "child_safety"])
def test_harassment_goes_to_local_police_not_report_fraud(topic):
    ids = report.route_ids(report.Facts(topic=topic))
    assert "police_harassment" in ids and "report_fraud" not in ids


def test_a_child_gets_ceop_and_a_bullied_child_the_school():
    assert "ceop" in report.route_ids(report.Facts(topic="child_safety", child=True))
    bullied = report.route_ids(report.Facts(topic="bullying", child=True))
    assert "ceop" in bullied and "school" in bullied


def test_named_platforms_get_their_report_tool():
    routes = {r.id: r for r in report.routes(report.Facts(topic="bullying", platforms=("Snapchat",)), CONTENT)}
    assert "Snapchat" in routes["platform"].title


def test_stalking_by_someone_known_adds_the_domestic_abuse_helpline():
    assert "domestic_abuse" in report.route_ids(report.Facts(topic="stalking", known="yes"))
    assert "domestic_abuse" not in report.route_ids(report.Facts(topic="stalking", known="no"))


def test_images_route_by_age():
    assert "images_adult" in report.route_ids(report.Facts(topic="stalking", images=True))
    assert "images_child" in report.route_ids(report.Facts(topic="child_safety", child=True, images=True))


@pytest.mark.parametrize("answer,expected", [
    ("No money left", ("none",)),
    ("Bank transfer", ("bank_transfer",)),
    ("I sent £400 by bank transfer then bought itunes gift cards", ("gift_cards", "bank_transfer")),
    ("Cryptocurrency", ("crypto",)),
    ("paid with my debit card", ("card",)),
    ("", ()),
])
def test_how_money_left_is_read_from_the_answer(answer, expected):
    assert report.money_ways(answer) == expected


@pytest.mark.parametrize("answer,expected", [
    ("Still going on", "now"), ("a courier is on his way", "now"), ("In the last 24 hours", "recent"),
    ("yesterday afternoon", "recent"), ("Before that", "earlier"), ("March", "earlier"), ("", "unknown"),
])
def test_when_it_happened_is_read_from_the_answer(answer, expected):
    assert report.timing(answer) == expected


SLOTS = {
    "report_kind": "fraud", "topic": "fraud",
    "report_what": "a man said he was from my bank and I moved money to a safe account",
    "report_when": "In the last 24 hours", "report_contact_method": "Phone call",
    "report_money": "Bank transfer", "report_amount": "£2,400", "report_other_party": "",
    "report_known": "No", "report_country": "England",
}


def test_the_summary_has_the_answers_given_and_the_routes_in_order():
    text = report.document(SLOTS, CONTENT, dt.date(2026, 11, 24))
    assert text.startswith("Summary of a fraud or cyber crime")
    assert "24 November 2026" in text
    assert "What happened: a man said he was from my bank" in text
    assert "How much: £2,400" in text
    # A question left out is left out of the summary.
    assert "About the other person" not in text
    assert text.index("159") < text.index("Report Fraud")
    assert "not been sent to the police" in text


def test_a_summary_with_every_question_left_out_still_gives_the_routes():
    text = report.document({"report_kind": "abuse", "report_what": ""}, CONTENT, dt.date(2026, 11, 24))
    assert "left all the questions out" in text and "101" in text


def test_no_summary_without_a_report():
    assert report.document({"topic": "fraud"}, CONTENT, dt.date(2026, 11, 24)) is None


def test_scotland_from_the_answer_changes_the_route():
    text = report.document({**SLOTS, "report_country": "Scotland"}, CONTENT, dt.date(2026, 11, 24))
    assert "Police Scotland" in text and "reportfraud.police.uk" not in text


def test_the_forms_ask_the_questions_the_summary_lists():
    forms = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["forms"]
    for kind, shape in CONTENT.report["kinds"].items():
        assert forms[f"{kind}_report_form"]["required_slots"] == shape["slots"]
