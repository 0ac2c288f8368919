"""The report, plan and directory actions, run on trackers like the conversations they cover."""
from __future__ import annotations

import threading
from http.server import HTTPServer

import pytest
from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import handover as handover_actions
from actions.directory import ActionFindSupport
from actions.forms import ActionAnswerAside, ActionOfferResume
from actions.plans import ActionPlanReady, ActionSafetyPlan, ValidateStalkingPlanForm
from actions.report import ActionReportSummary, ActionStartReport, ValidateFraudReportForm
from bot.content import content
from tests.unit.conftest import make_tracker, payloads, texts
from tests.unit.test_handover import MONDAY_NOON, FakeHelpdesk


def run(action, dispatcher, tracker):
    return action.run(dispatcher, tracker, {})


def documents(dispatcher):
    return [m for m in dispatcher.messages if (m.get("custom") or {}).get("document")]


def test_help_to_report_after_fraud_advice_starts_the_fraud_form(dispatcher):
    events = run(ActionStartReport(), dispatcher, make_tracker(slots={"topic": "fraud"}))
    assert SlotSet("report_kind", "fraud") in events
    intro = texts(dispatcher)[0]
    assert "leave out any question" in intro and "passwords" in intro and "999" in intro


def test_help_to_report_without_a_topic_asks_which_kind(dispatcher):
    events = run(ActionStartReport(), dispatcher, make_tracker())
    assert events == [SlotSet("report_kind", None)]
    assert payloads(dispatcher) == ['/start_report{"report_kind": "fraud"}', '/start_report{"report_kind": "abuse"}']


@pytest.fixture
def dorset(monkeypatch):
    monkeypatch.setenv("FORCE_PROFILE", "dorset")
    content.cache_clear()
    yield
    content.cache_clear()


def test_a_force_profile_with_a_country_does_not_ask_where_they_live(dispatcher, dorset):
    events = run(ActionStartReport(), dispatcher, make_tracker(slots={"topic": "stalking"}))
    assert SlotSet("report_country", "England") in events and SlotSet("report_kind", "abuse") in events


def validate(form, slot, value, dispatcher):
    return getattr(form, f"validate_{slot}")(value, dispatcher, make_tracker(), {})


@pytest.mark.parametrize("left_out", ["Leave this out", "skip", "no thanks", "-"])
def test_any_question_can_be_left_out(dispatcher, left_out):
    assert validate(ValidateFraudReportForm(), "report_other_party", left_out, dispatcher) == {"report_other_party": ""}


def test_a_card_number_typed_as_an_answer_is_not_kept(dispatcher):
    kept = validate(ValidateFraudReportForm(), "report_what", "they took 4111 1111 1111 1111 off me", dispatcher)
    assert "4111 1111 1111 1111" not in kept["report_what"] and "they took" in kept["report_what"]


def test_no_money_left_means_no_question_about_how_much(dispatcher):
    assert validate(ValidateFraudReportForm(), "report_money", "No money left", dispatcher) == \
        {"report_money": "No money left", "report_amount": ""}
    assert validate(ValidateFraudReportForm(), "report_money", "Bank transfer", dispatcher) == \
        {"report_money": "Bank transfer"}


def test_a_huge_answer_is_cut_to_a_readable_length(dispatcher):
    kept = validate(ValidateStalkingPlanForm(), "plan_shared", "yes " * 1000, dispatcher)
    assert len(kept["plan_shared"]) <= 600


def test_the_summary_is_a_document_with_copy_download_and_send(dispatcher, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", MONDAY_NOON)
    slots = {"topic": "fraud", "report_kind": "fraud", "report_what": "fake parcel text, paid a fee",
             "report_money": "Card", "report_when": "Before that"}
    run(ActionReportSummary(), dispatcher, make_tracker(slots=slots))
    (document,) = documents(dispatcher)
    assert document["custom"]["document"]["filename"] == "report-summary.txt"
    assert "What happened: fake parcel text, paid a fee" in document["text"]
    assert "/human_handoff" in payloads(dispatcher)


@pytest.mark.parametrize("slots,expected", [
    ({"audience": "business", "topic": "hacking"}, "business"),
    ({"topic": "child_safety"}, "child"),
    ({"audience": "child", "topic": "bullying"}, "child"),
    ({"topic": "stalking"}, "stalking"),
])
def test_the_plan_fits_who_is_being_helped(dispatcher, slots, expected):
    assert SlotSet("plan_kind", expected) in run(ActionSafetyPlan(), dispatcher, make_tracker(slots=slots))


def test_a_business_gets_its_plan_straight_away(dispatcher):
    run(ActionSafetyPlan(), dispatcher, make_tracker(slots={"audience": "business"}))
    (document,) = documents(dispatcher)
    assert "Don't pay a ransom" in document["text"]


def test_without_a_topic_the_plan_asks_which_one(dispatcher):
    events = run(ActionSafetyPlan(), dispatcher, make_tracker())
    assert events == [SlotSet("plan_kind", None)]
    assert len(payloads(dispatcher)) == 3


def test_a_finished_stalking_plan_offers_the_helpline_and_staff(dispatcher):
    run(ActionPlanReady(), dispatcher, make_tracker(slots={"plan_kind": "stalking", "plan_shared": "Yes"}))
    assert documents(dispatcher) and any("0808 802 0300" in text for text in texts(dispatcher))
    assert "/human_handoff" in payloads(dispatcher)


def test_a_question_in_the_middle_of_a_form_is_answered_without_next_step_buttons(dispatcher):
    tracker = make_tracker("how do i report it", "ask_report", slots={"topic": "fraud", "audience": "self"})
    run(ActionAnswerAside(), dispatcher, tracker)
    assert any("Report Fraud" in text for text in texts(dispatcher))
    assert payloads(dispatcher) == []


def test_after_danger_in_a_form_the_person_can_go_back_to_it(dispatcher):
    tracker = Tracker("t", {}, {"intent": {"name": "immediate_danger"}}, [
        {"event": "active_loop", "name": "fraud_report_form"},
        {"event": "active_loop", "name": None},
    ], False, None, {}, "action_deactivate_loop")
    run(ActionOfferResume(), dispatcher, tracker)
    assert payloads(dispatcher) == ["/start_report"]


def test_who_can_help_lists_services_with_whether_they_are_open(dispatcher, monkeypatch):
    monkeypatch.setenv("ASSISTANT_NOW", MONDAY_NOON)
    run(ActionFindSupport(), dispatcher, make_tracker("who can help with revenge porn", "find_service"))
    said = texts(dispatcher)
    assert said[0] == "These services can help with intimate images shared or threatened:"
    assert said[1].startswith("The Revenge Porn Helpline") and "Open now, until 4pm" in said[1]


def test_who_can_help_without_a_need_asks_with_buttons(dispatcher):
    run(ActionFindSupport(), dispatcher, make_tracker("directory please", "find_service"))
    assert texts(dispatcher) == [content().message("directory_ask_need")]
    assert '/find_service{"need": "stalking"}' in payloads(dispatcher)


def test_a_need_chosen_with_a_button_is_used(dispatcher):
    tracker = make_tracker("/find_service", "find_service", entities=[{"entity": "need", "value": "business"}])
    run(ActionFindSupport(), dispatcher, tracker)
    assert "businesses" in texts(dispatcher)[0]


def test_the_handover_carries_the_summary_the_person_made(dispatcher, monkeypatch, tmp_path, free_port):
    FakeHelpdesk.received = []
    server = HTTPServer(("127.0.0.1", free_port), FakeHelpdesk)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("ASSISTANT_NOW", MONDAY_NOON)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'bot.db'}")
    monkeypatch.setenv("HELPDESK_URL", f"http://127.0.0.1:{free_port}")
    handover_actions.outbox.cache_clear()
    slots = {"topic": "stalking", "report_kind": "abuse", "report_what": "my ex messages from new accounts",
             "plan_kind": "stalking", "plan_shared": "Yes"}
    try:
        handover_actions.ActionHumanHandoff().run(dispatcher, make_tracker("send it", "human_handoff", slots), {})
    finally:
        handover_actions.outbox.cache_clear()
        server.shutdown()
        server.server_close()
    (_, case), = FakeHelpdesk.received
    assert "What happened: my ex messages from new accounts" in case["document"]
    assert "Your online safety plan" in case["document"]
    assert any("won't have to tell it all again" in text for text in texts(dispatcher))
