"""Force profiles: one setting chooses the force; every local fact is sourced."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.content import Content, UnknownProfile, profiles
from tests.unit.test_content import MAX_AGE, ROOT

def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a #rrggbb colour."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


FORCES = ("lincolnshire", "northamptonshire", "west_yorkshire", "staffordshire", "dorset")
PROFILES = profiles(ROOT / "content")


def test_the_five_forces_and_a_neutral_default_are_shipped():
    assert set(PROFILES) == {"default", *FORCES}


def test_the_setting_chooses_the_profile(monkeypatch):
    monkeypatch.setenv("FORCE_PROFILE", "staffordshire")
    assert Content.load(ROOT / "content").force["name"] == "Staffordshire Police"
    monkeypatch.delenv("FORCE_PROFILE")
    assert Content.load(ROOT / "content").force["name"] == "your local police force"


def test_an_unknown_profile_says_which_ones_there_are():
    with pytest.raises(UnknownProfile, match="lincolnshire"):
        Content.load(ROOT / "content", profile="atlantis")


@pytest.mark.parametrize("profile", FORCES)
def test_a_profile_keeps_the_defaults_it_does_not_change(profile):
    force = Content.load(ROOT / "content", profile=profile).force
    default = Content.load(ROOT / "content", profile="default").force
    assert force["helpdesk"] == default["helpdesk"]
    assert force["chat"]["exit_url"] == default["chat"]["exit_url"]
    assert force["id"] == profile and force["country"] == "england"


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_and_local_service_is_sourced_and_in_date(profile):
    force = Content.load(ROOT / "content", profile=profile).force
    today = dt.date.today()
    for item in [force, *force.get("services", [])]:
        assert item.get("source") and today - item["reviewed"] <= MAX_AGE, item.get("id")
    for service in force.get("services", []):
        assert service["id"].startswith(f"{profile}_")
        assert any(service.get(route) for route in ("phone", "email", "web")), service["id"]
        assert service["helps_with"] and service["audience"]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_profile_colour_keeps_white_text_readable(profile):
    colour = Content.load(ROOT / "content", profile=profile).force["chat"]["colour"]
    assert contrast(colour, "#ffffff") >= 4.5


@pytest.mark.parametrize("profile", PROFILES)
def test_the_greeting_names_the_force(profile):
    content = Content.load(ROOT / "content", profile=profile)
    assert content.force["name"] in content.message("greet")
