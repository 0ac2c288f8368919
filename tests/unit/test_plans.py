"""Personal safety plans: the steps that fit the answers, in a safe order."""
from __future__ import annotations

import datetime as dt

import pytest

from bot import plans
from bot.content import Content
from tests.unit.test_content import ROOT

CONTENT = Content.load(ROOT / "content", profile="default")
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.timezone.utc)


def plan(kind, content=CONTENT, **answers):
    return plans.document(kind, answers, content, NOW)


def test_the_stalking_plan_says_what_not_to_do_before_what_to_check():
    text = plan("stalking", plan_stalkerware="Yes")
    assert text.index("First, your safety") < text.index("What not to do yet") < text.index("What to check")
    assert "Removing stalkerware can alert the person" in text
    assert "999" in text.split("What not to do yet")[0]


def test_the_stalking_plan_follows_the_answers():
    sharing = plan("stalking", plan_shared="Yes", plan_location="No", plan_in_contact="No")
    assert "Shared accounts and devices" in sharing
    assert "Location sharing" not in sharing
    assert "National Domestic Abuse Helpline" not in sharing
    in_contact = plan("stalking", plan_in_contact="yes, we live together")
    assert "National Domestic Abuse Helpline" in in_contact


def test_a_question_left_out_counts_as_not_sure_so_the_check_stays_in():
    text = plan("stalking", plan_location="", plan_children="Not sure")
    assert "Location sharing" in text and "Children's devices" in text


def test_the_stalking_plan_always_offers_the_national_stalking_helpline_and_keeps_evidence():
    text = plan("stalking")
    assert "0808 802 0300" in text and "Keep a diary" in text


@pytest.mark.parametrize("age,band", [("Under 8", "under_8"), ("6", "under_8"), ("8 to 12", "8_12"),
                                      ("she's 11", "8_12"), ("13 to 15", "13_15"), ("16 or 17", "16_17"),
                                      ("", "unknown"), ("Leave this out", "unknown")])
def test_age_bands(age, band):
    assert plans.age_band(age) == band


def test_the_child_checklist_by_age_and_apps():
    young = plan("child", child_age="7", child_apps="Roblox and YouTube", child_happened="No")
    assert "parental controls" in young and "Roblox:" in young and "YouTube:" in young
    assert "Snapchat:" not in young and "13 or over. Family" not in young
    teen = plan("child", child_age="14", child_apps="snapchat, tiktok", child_happened="No")
    assert "Ghost Mode" in teen and "TikTok:" in teen and "Report Remove" in teen
    assert "If a child is in danger now" not in teen


def test_the_child_checklist_always_has_the_basics_from_the_advice_for_parents():
    text = plan("child")
    for basic in ("private", "never meet", "school", "trust"):
        assert basic in text.lower()


def test_when_something_has_happened_the_checklist_says_what_to_do():
    text = plan("child", child_happened="Yes, something has happened")
    assert "call 999" in text and "ceop.police.uk" in text and "don't forward" in text


def test_the_business_plan_starts_with_the_incident_and_ends_with_prevention():
    text = plan("business")
    assert text.index("If it is happening now") < text.index("To prevent it")
    for step in ("Disconnect", "Don't pay a ransom", "159", "Back up", "2-step verification",
                 "updates", "bank details", "Cyber Essentials", "Cyber Resilience Centre"):
        assert step in text


def test_a_force_with_cyber_protect_contacts_lists_them_in_the_business_plan():
    dorset = plan("business", content=Content.load(ROOT / "content", profile="dorset"))
    assert "Dorset Police Cyber Crime Unit" in dorset


def test_no_plan_for_an_unknown_kind():
    assert plans.document(None, {}, CONTENT, NOW) is None
