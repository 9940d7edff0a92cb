"""Rejection and offer wording: every phrasing paired with text that looks like it and is not it."""

import pytest

from assistant.outcomes import NOT_AN_OFFER, OFFER, REJECTION, outcome_of

REJECTED = [
    # US
    "Unfortunately, we have decided to move forward with other candidates for the role.",
    "We've decided to pursue other applicants whose experience more closely matches our needs.",
    "After careful consideration, we have selected another candidate for this position.",
    "We've decided to go in a different direction.",
    "We will not be moving forward with your candidacy.",
    "I'm afraid we are unable to offer you the position at this time.",
    "We are not able to offer you a position at this time.",
    "We are not in a position to make an offer.",
    "We won't be extending an offer.",
    "The position has been filled.",
    "We've decided to go with someone else.",
    "You were not selected for the next round.",
    "Unfortunately you weren't successful this time.",
    # UK
    "We won't be progressing your application.",
    "We will not be taking your application forward.",
    "We have decided not to take your application any further.",
    "I'm sorry to say that on this occasion you have been unsuccessful.",
    "Your application for the Senior Data Analyst role has been unsuccessful.",
    "Your application has unfortunately not been successful.",
    "Unfortunately we will not be inviting you to the next stage.",
    # a rejection that mentions an offer is a rejection
    "We have made an offer to another candidate, who has accepted.",
    "We offered the role to an internal candidate.",
    "Another candidate has accepted our offer, so we are closing the process.",
    "We regret we are unable to extend an offer; we will keep your details on file.",
    # the job is gone
    "The role has been cancelled due to budget changes.",
    "We are no longer hiring for this position.",
    # a hypothesis in another sentence does not undo the verdict
    "We have decided not to proceed with your application. If anything changes, we will be in touch.",
]

NOT_REJECTED = [
    "Unfortunately the interviewer is ill, can we reschedule?",
    "We regret to inform you that we need to move your interview to Friday.",
    "We won't be going ahead with Thursday's interview as planned; can you do Monday instead?",
    "Unfortunately we can't move forward with the call today; could we reschedule?",
    "I tried to reach you by phone but was unsuccessful.",
    "If you are not selected, we will keep your CV on file for six months.",
    "If you do not hear from us within 14 days, please assume your application has been unsuccessful.",
    "Applicants who are shortlisted will be contacted within two weeks.",
    "We're moving forward with your application: the next step is a panel interview.",
    "We've decided to move forward with you to the final round!",
    # a hold pauses the process; it is not a verdict (see the module docstring)
    "The role has been put on hold for now.",
    "The role has been put on hold, so we won't be moving forward at this time.",
    "Hiring for this position is paused until the next quarter.",
]

OFFERED = [
    "We're delighted to offer you the position of Senior Data Analyst!",
    "I'm pleased to extend a formal offer for the Analytics Engineer role.",
    "We would like to offer you the role.",
    "Your offer letter is attached.",
    "Following my call this morning, I'm writing to confirm our verbal offer.",
    "Please find the offer details below: base salary, bonus and equity.",
    "We'd like to make you a conditional offer, subject to references.",
    "This offer is conditional on a satisfactory background check.",
    "We'd love to have you join the team as our Senior Analytics Engineer.",
    "We are excited to welcome you aboard!",
    "Congratulations! We want to offer you the job.",
    # a disclaimer in one sentence does not undo the offer in another
    "We're thrilled to offer you the position. The attached summary is not an offer of employment; "
    "the contract follows.",
]

NOT_OFFERED = [
    "We offer flexible hours and a generous learning budget.",
    "We'd like to offer you an interview for the Senior Data Analyst role.",
    "I'm happy to offer you a second-round interview next week.",
    "We're pleased to offer you some feedback on your interview.",
    "We'd love to have you join us for a final-round chat on Friday.",
    "We'd love to have you join us on a call next week.",
    "This email is not an offer of employment.",
    "This letter does not constitute an offer of employment.",
    "Before we can make you an offer, we need two references.",
    "We hope to make you an offer by the end of the month.",
    "If you are successful at the final stage, you will receive an offer letter.",
    "The successful candidate will receive an offer of employment within a week.",
    "Can I offer you a few times for the next call?",
    "Happy to offer you a place in our final round.",
]


@pytest.mark.parametrize("text", REJECTED)
def test_a_rejection_is_recognised(text):
    assert outcome_of(text) == "rejected"


@pytest.mark.parametrize("text", NOT_REJECTED)
def test_not_a_rejection(text):
    assert outcome_of(text) != "rejected"


@pytest.mark.parametrize("text", OFFERED)
def test_an_offer_is_recognised(text):
    assert outcome_of(text) == "offer"


@pytest.mark.parametrize("text", NOT_OFFERED)
def test_not_an_offer(text):
    assert outcome_of(text) != "offer"


def test_a_hold_and_a_disclaimer_are_no_outcome_at_all():
    assert outcome_of("The role has been put on hold for now.") is None
    assert outcome_of("This email is not an offer of employment.") is None


def test_wrapped_lines_do_not_hide_a_phrase():
    assert outcome_of("we will not be\nprogressing your\napplication") == "rejected"


@pytest.mark.parametrize("table", [REJECTION, OFFER, NOT_AN_OFFER])
def test_every_rule_says_why(table):
    assert all(isinstance(pattern, str) and why for pattern, why in table)


def test_not_withdrawing_is_not_a_withdrawal():
    from assistant.outcomes import withdrawal_in

    assert not withdrawal_in("I am not withdrawing my application; I remain very interested.")
    assert withdrawal_in("I've accepted another offer, so I'd like to withdraw my application.")
