"""The reviewed content: complete, consistent with the contacts, and in date."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from bot.content import ANY_AUDIENCE, AUDIENCES, STAGES, TOPICS, Content, placeholders

ROOT = Path(__file__).resolve().parents[2]
CONTENT = Content.load(ROOT / "content")
MAX_AGE = dt.timedelta(days=365)
# A number a person could dial or text: 3+ digits, not an amount or a period.
PHONE_LIKE = re.compile(r"(?<![£\d,.])\b\d[\d ]{1,12}\d\b(?!\s*(?:%|months?|days?|hours?|years?|,\d))")


def advice_items():
    for topic in TOPICS:
        for audience, stages in CONTENT.advice[topic].items():
            if audience in AUDIENCES or audience == ANY_AUDIENCE:
                for stage, items in stages.items():
                    for item in items:
                        yield f"{topic}/{audience}/{stage}", item


def cited_texts():
    for where, item in advice_items():
        yield where, item["text"]
    for key, message in CONTENT.messages.items():
        if key != "buttons":
            yield f"messages/{key}", message["text"]


def filled_at_the_time(where: str) -> dict:
    """Sample values for the few fields a message fills when it is said (`fills`)."""
    key = where.removeprefix("messages/")
    names = CONTENT.messages[key].get("fills", []) if where.startswith("messages/") else []
    return {name: "Sam" for name in names}


@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("audience", AUDIENCES)
@pytest.mark.parametrize("stage", STAGES)
def test_every_topic_has_advice_for_every_audience_and_stage(topic, audience, stage):
    assert CONTENT.advice_items(topic, audience, stage), f"no {stage} advice for {topic}/{audience}"


def test_every_cited_contact_exists():
    missing = []
    for where, text in cited_texts():
        for field in placeholders(text):
            if field in filled_at_the_time(where):
                continue
            name, _, attribute = field.partition(".")
            source = CONTENT.force if name == "force" else CONTENT.contacts.get(name)
            for part in attribute.split("."):
                source = source.get(part) if isinstance(source, dict) else None
            if source is None:
                missing.append((where, field))
    assert missing == []


def test_numbers_are_cited_from_the_contacts_file_not_written_in():
    literal = [(where, PHONE_LIKE.findall(text)) for where, text in cited_texts() if PHONE_LIKE.search(text)]
    assert literal == []


def test_domain_responses_cite_no_numbers_or_links():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        for variant in variants:
            assert not PHONE_LIKE.search(variant["text"]) and "http" not in variant["text"], name


def sourced_items():
    for where, item in advice_items():
        yield where, item
    for key, contact in CONTENT.contacts.items():
        yield f"contacts/{key}", contact
    for key, message in CONTENT.messages.items():
        if key != "buttons":
            yield f"messages/{key}", message
    yield "force", CONTENT.force


def test_every_item_has_a_source_and_a_review_date_less_than_a_year_old():
    today = dt.date.today()
    stale = [
        where
        for where, item in sourced_items()
        if not item.get("source")
        or not isinstance(item.get("reviewed"), dt.date)
        or today - item["reviewed"] > MAX_AGE
    ]
    assert stale == []


def test_report_fraud_replaced_action_fraud():
    assert CONTENT.contacts["report_fraud"]["phone"] == "0300 123 2040"
    assert not any("Action Fraud" in text and "replaced" not in text for _, text in cited_texts())


def test_rendered_text_has_no_unfilled_placeholder():
    for where, text in cited_texts():
        rendered = CONTENT.render(text, **filled_at_the_time(where))
        assert "{" not in rendered and "}" not in rendered, where


def test_fraud_advice_for_a_person_tells_them_to_call_the_bank_on_159():
    now = " ".join(CONTENT.advice_items("fraud", "self", "now"))
    assert "159" in now


def test_emergency_message_gives_999_and_the_accessible_routes():
    assert CONTENT.message("emergency").startswith("If you or someone else is in danger now, call 999")
    accessible = CONTENT.message("emergency_accessible")
    assert "999bsl" in accessible and "18000" in accessible
    assert "55" in CONTENT.message("emergency")
    assert "116 123" in CONTENT.message("emergency_self_harm")


def test_wherever_report_fraud_is_the_route_the_advice_is_honest_about_investigations():
    for topic in TOPICS:
        for audience in AUDIENCES:
            report = CONTENT.advice_items(topic, audience, "report")
            if any("Report Fraud" in text for text in report):
                assert any("rather than lead to an investigation" in text for text in report), (
                    topic,
                    audience,
                )


BLAMING_OR_PROMISING = re.compile(
    r"will investigate|we will catch|guarantee|you should have|your own fault|you fell for|"
    r"will get your money back|should have known|careless|stupid",
    re.IGNORECASE,
)


def test_no_text_blames_the_person_or_promises_an_outcome():
    found = [(where, text) for where, text in cited_texts() if BLAMING_OR_PROMISING.search(text)]
    assert found == []


@pytest.mark.parametrize("topic", [t for t in TOPICS if t != "other"])
def test_every_opening_says_it_is_not_their_fault(topic):
    assert "not your fault" in CONTENT.opening(topic).lower()
