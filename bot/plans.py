"""Personal safety plans: the steps from `content/plans.yml` that fit the person's answers.

Three plans: for cyber-stalking and domestic abuse (a short questionnaire),
for a parent (the child's age and apps), and for a small business. Each is
written as plain text the person can copy, download or send to the helpdesk.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from bot import directory
from bot.content import Content
from bot.report import yes_no
from bot.words import named

KINDS = ("stalking", "child", "business")
QUESTIONS = {
    "stalking": ("plan_in_contact", "plan_shared", "plan_location", "plan_stalkerware",
                 "plan_children", "plan_social"),
    "child": ("child_age", "child_apps", "child_happened"),
    "business": (),
}
AGE_BANDS = ((7, "under_8"), (12, "8_12"), (15, "13_15"), (17, "16_17"))


def age_band(text: str) -> str:
    """'under_8', '8_12', '13_15', '16_17', or 'unknown', from '9', 'Under 8' or '13 to 15'."""
    if re.search(r"\bunder\s*8\b", text, re.IGNORECASE):
        return "under_8"
    ages = [int(number) for number in re.findall(r"\b\d{1,2}\b", text)]
    if not ages:
        return "unknown"
    return next((band for oldest, band in AGE_BANDS if ages[0] <= oldest), "unknown")


def answers(kind: str, slots: dict[str, Any]) -> dict[str, str]:
    """Each answer as the plan's conditions read it: yes, no, unknown, or an age band."""
    said = {slot: str(slots.get(slot) or "") for slot in QUESTIONS[kind]}
    if kind == "child":
        return {"child_age_band": age_band(said["child_age"]), "child_happened": yes_no(said["child_happened"])}
    return {slot: yes_no(text) for slot, text in said.items()}


def applies(step: dict, answered: dict[str, str]) -> bool:
    return all(answered.get(name, "unknown") in values for name, values in (step.get("when") or {}).items())


def _section_lines(section: dict, plan: dict, slots: dict[str, Any], answered: dict[str, str],
                   texts: Content, now: dt.datetime) -> list[str]:
    lines = [texts.render(step["text"]) for step in section.get("steps", []) if applies(step, answered)]
    if section.get("apps"):
        lines += [plan["apps"][app]["text"] for app in named(plan["apps"], str(slots.get("child_apps") or ""))]
    roles = section.get("local_roles") or []
    lines += [
        directory.listing(service, texts, now)
        for service in directory.services(texts)
        if service.local and service.role in roles
    ]
    return lines


def document(kind: Optional[str], slots: dict[str, Any], texts: Content, now: dt.datetime) -> Optional[str]:
    """The plan as plain text, or None if `kind` is not a plan."""
    if kind not in KINDS:
        return None
    plan = texts.plans[kind]
    answered = answers(kind, slots)
    out = [plan["title"], texts.message("plan_made", date=f"{now.day} {now:%B %Y}")]
    for section in plan["sections"]:
        lines = _section_lines(section, plan, slots, answered, texts, now)
        if lines:
            # Headings end with a colon rather than a blank line: Rasa's REST
            # channel would cut the plan into messages at a blank line.
            out += [f"{section['heading']}:", *("- " + directory.capital(line).replace("\n", "\n  ") for line in lines)]
    return "\n".join(out)
