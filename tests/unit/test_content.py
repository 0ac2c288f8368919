"""The reviewed content: complete, consistent with the contacts, and in date."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from bot.content import ANY_AUDIENCE, AUDIENCES, STAGES, TOPICS, Content, placeholders, profiles

ROOT = Path(__file__).resolve().parents[2]
CONTENT = Content.load(ROOT / "content", profile="default")
MAX_AGE = dt.timedelta(days=365)
# A number a person could dial or text: 3+ digits, not an amount or a period.
PHONE_LIKE = re.compile(r"(?<![£\d,.])\b\d[\d ]{1,12}\d\b(?!\s*(?:%|months?|days?|hours?|years?|,\d))")

# A date such as "7 October 2024" is not a number to call.
DATE = re.compile(r"\b(\d{1,2} )?(January|February|March|April|May|June|July|August|September|October|"
                  r"November|December) \d{4}\b")


def advice_items():
    for topic in TOPICS:
        for audience, stages in CONTENT.advice[topic].items():
            if audience in AUDIENCES or audience == ANY_AUDIENCE:
                for stage, items in stages.items():
                    for item in items:
                        yield f"{topic}/{audience}/{stage}", item


def tool_items():
    """The report routes and the plans' steps: sourced, dated text like the advice."""
    for key, route in CONTENT.report["routes"].items():
        yield f"report/{key}", route
    for kind, plan in CONTENT.plans.items():
        for section in plan["sections"]:
            for number, step in enumerate(section.get("steps", [])):
                yield f"plans/{kind}/{section['heading']}/{number}", step
        for app, note in plan.get("apps", {}).items():
            yield f"plans/{kind}/apps/{app}", note


def cited_texts():
    for where, item in advice_items():
        yield where, item["text"]
    for where, item in tool_items():
        for field in ("text", "title", "why"):
            if field in item:
                yield where, item[field]
    for key, message in CONTENT.messages.items():
        if key != "buttons":
            yield f"messages/{key}", message["text"]


def filled_at_the_time(where: str) -> dict:
    """Sample values for the few fields a message fills when it is said (`fills`)."""
    if where.startswith("report/"):
        names = CONTENT.report["routes"][where.removeprefix("report/")].get("fills", [])
    elif where.startswith("messages/"):
        names = CONTENT.messages[where.removeprefix("messages/")].get("fills", [])
    else:
        names = []
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
    undated = [(where, DATE.sub("", text)) for where, text in cited_texts()]
    literal = [(where, PHONE_LIKE.findall(text)) for where, text in undated if PHONE_LIKE.search(text)]
    assert literal == []


def test_domain_responses_cite_no_numbers_or_links():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    for name, variants in domain["responses"].items():
        for variant in variants:
            assert not PHONE_LIKE.search(variant["text"]) and "http" not in variant["text"], name


def sourced_items():
    for where, item in advice_items():
        yield where, item
    yield from tool_items()
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


def test_plan_conditions_are_words_not_yaml_booleans_or_numbers():
    # Unquoted, YAML reads yes as True and 8_12 as 812: a step would never apply.
    for where, step in tool_items():
        for values in (step.get("when") or {}).values():
            assert all(isinstance(value, str) for value in values), where


@pytest.mark.parametrize("profile", profiles(ROOT / "content"))
def test_every_text_renders_under_every_force_profile(profile):
    content = Content.load(ROOT / "content", profile=profile)
    for where, text in cited_texts():
        rendered = content.render(text, **filled_at_the_time(where))
        assert "{" not in rendered and "}" not in rendered, where
