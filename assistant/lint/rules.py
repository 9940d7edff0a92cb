"""The lint rules as data: each rule a record with its reason and its source.

A rule's id is `category.name`; `[lint] disable` in config.toml or a draft's
`<!-- followup: disable ... -->` line turns off a rule by id or a whole category by its
name. Phrase rules are lists of regular expressions with a weight: a weight of 1 is a
strong signal that fires on its own; soft signals weigh less and fire only together, so
that a good email that says "following up" once stays clean (a false alarm costs the
user's trust). The patterns are compiled on first use, so importing this module is cheap.
Rules that must compute (length, readability, structure, timing) live in `checks.py`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

CATEGORIES = ("length", "readability", "tone", "structure", "subject", "timing", "placeholder")
SEVERITIES = ("error", "warning", "info")
# "linkedin" is a connection note (a hard character limit); "linkedin-message" a message to
# someone you are already connected to (no such limit; the brevity advice of an email).
KINDS = ("thank-you", "status-check", "recruiter-feedback", "keep-in-touch", "linkedin", "linkedin-message")

# Sources, named once. REF is the advice this product encodes (shared/reference).
REF = "after-the-interview.txt"
REF_THANKS = f"{REF}, 'Send a thank you / feedback note'"
REF_HARASS = f"{REF}, 'Harass the recruiter' (don'ts)"
REF_TONE = f"{REF}: 'be careful of your tone, you should not be aggressive or pushy'"
REF_LINKEDIN = f"{REF}, 'Connect with the interviewer on LinkedIn'"
REF_TOUCH = f"{REF}, 'Lose touch with the recruiter' (don'ts)"
BOOMERANG = ("Boomerang, '7 Tips for Getting More Responses to Your Emails (With Data!)', "
             "2016: a study of over 40 million emails")
LINKEDIN_HELP = ("LinkedIn Help, 'Personalize invitations to connect': a note of up to 200 "
                 "characters, 300 with Premium")
GOVUK = "GOV.UK content design guidance, 'Writing for GOV.UK': sentences of 25 words or fewer"
RFC5322 = "RFC 5322 section 2.1.1: lines of at most 78 characters"
SMILEY = ("Glikson, Cheshin & van Kleef, 'The Dark Side of a Smiley: Effects of Smiling Emoticons on "
          "Virtual First Impressions', Social Psychological and Personality Science, 2017: smileys in a "
          "first work email lowered perceived competence")
REF_MOTIVATION = f"{REF}: 'Show your motivation'; 'even after your interview you are still being evaluated'"
GRATITUDE = ("Boomerang, 'Want to Get More Replies? Say Thanks', 2017: emails closing with a form of "
             "thanks got more replies than those without")
RETURN_PATH = ("Return Path, subject line study of 9 million subject lines (2015): desktop clients "
               "show about 60 characters of a subject, mobile ones 25-30")


@dataclass(frozen=True)
class Rule:
    """One rule: what it says, why, where that comes from, and what to do instead.

    `message` may hold `{match}` (the text that fired) and the names a check passes.
    `kinds` limits a rule to some kinds of draft (empty: all). `needs_thread` rules only
    run when the caller knows the thread (`followup lint --thread`).
    """

    id: str
    severity: str
    message: str
    why: str
    source: str
    suggestion: str
    kinds: tuple[str, ...] = ()
    needs_thread: bool = False

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Phrases:
    """A phrase family for one rule: (regex, weight) pairs, matched case-insensitively.

    The rule fires when the weights of its hits add up to `min_weight` or more and, for
    density rules, when there are at least `per_100_words` hits per hundred words.
    `each` reports every hit; otherwise one finding, at the first hit, counts them all.
    """

    rule: str
    patterns: tuple[tuple[str, float], ...]
    min_weight: float = 1.0
    per_100_words: float = 0.0
    each: bool = True

    @property
    def compiled(self) -> tuple[tuple[re.Pattern, float], ...]:
        return _compile(self.rule)


# Thresholds a user may change in `[lint.thresholds]`; each is named in docs/lint-rules.md.
THRESHOLDS: dict[str, float] = {
    "max_words": 0,  # 0: use the per-kind band below; any other value overrides every kind
    "max_words_thank_you": 200,
    "max_words_status_check": 125,
    "max_words_recruiter_feedback": 200,
    "max_words_keep_in_touch": 150,
    "max_words_linkedin_message": 125,
    "max_words_other": 200,
    "min_words": 50,
    "max_questions": 3,
    "max_grade": 12,
    "max_sentence_words": 35,
    "max_exclamations": 2,
    "max_emoji": 1,
    "interest_max_lines": 5,
    "line_width": 78,
    "linkedin_note_limit": 200,
    "thank_you_business_days": 1,
    "max_subject_chars": 60,
}

R = Rule
RULES: tuple[Rule, ...] = (
    # length ---------------------------------------------------------------------------
    R("length.words", "warning", "{words} words is long for a {kind}; aim for {max} or fewer",
      "Emails of 50-125 words got the most replies; a follow-up should not be too long",
      f"{BOOMERANG}; {REF_THANKS}: 'Be careful not to make it too long'",
      "cut to the one or two points that matter; move the rest to a call",
      kinds=("thank-you", "status-check", "recruiter-feedback", "keep-in-touch", "linkedin-message", "other")),
    R("length.short", "info", "{words} words may read as curt",
      "Emails under 50 words got fewer replies than those of 50-125 words", BOOMERANG,
      "add the specific detail or the context that makes it yours",
      kinds=("thank-you", "recruiter-feedback")),
    R("length.linkedin", "error", "{chars} characters: LinkedIn cuts a connection note at {limit}",
      "A connection note has a hard character limit; a longer one cannot be sent",
      f"{LINKEDIN_HELP}; {REF_LINKEDIN}: 'a brief message'",
      "keep where you met and one line on staying in touch; set linkedin_note_limit = 300 "
      "if you have Premium", kinds=("linkedin",)),
    R("length.interest", "warning",
      "the paragraph restating your interest runs to {lines} lines; keep it to {max}",
      "Restate your interest in 4-5 lines at most", f"{REF_THANKS}: 'Reiterate your interest "
      f"in the role and the company in a minimum of 4-5 lines maximum'; {RFC5322}",
      "say why this role and team in two or three sentences", kinds=("thank-you",)),
    # readability ----------------------------------------------------------------------
    R("readability.grade", "warning", "reads at grade {grade:.0f}; aim for {max:.0f} or lower",
      "Plainly written emails got more replies than those at a college reading level",
      f"{BOOMERANG}; Flesch-Kincaid grade (Kincaid et al., 1975)",
      "use shorter sentences and everyday words"),
    R("readability.sentence", "warning", "a sentence of {words} words",
      "Very long sentences are hard to follow in an email read between meetings",
      f"{GOVUK}; {REF_THANKS}: 'Be careful not to make it too long'",
      "split it in two, one idea per sentence"),
    # structure ------------------------------------------------------------------------
    R("structure.questions", "warning", "{questions} questions; more than {max} gets fewer replies",
      "Emails with one to three questions got the most replies; more than three fewer",
      BOOMERANG, "keep the questions that matter most; ask the rest on a call"),
    R("structure.thanks", "warning", "no thanks anywhere in this {kind}",
      "Thank the interviewer for their time; thank the recruiter for their help and support",
      f"{REF_THANKS}; {REF_TOUCH}", "thank them for their time (and, for a recruiter, the preparation)",
      kinds=("thank-you", "recruiter-feedback", "keep-in-touch")),
    R("structure.detail", "warning", "no specific detail from the conversation",
      "Using what the interviewer told you shows you were attentive and interested",
      f"{REF_THANKS}: 'Use information that the interviewer communicated during the meeting'",
      "mention one thing they said, e.g. 'when you mentioned the move to ...'",
      kinds=("thank-you",)),
    R("structure.interest", "warning", "the note never restates your interest in the role",
      "A follow-up confirms your interest in the position, company and team",
      f"{REF}: 'Confirm your interest in the position, company and team'; {REF_THANKS}",
      "add a sentence on why you want this role", kinds=("thank-you",)),
    R("structure.invite-contact", "warning", "the note does not invite them to contact you",
      "Finish by telling them to contact you if they need any further information",
      f"{REF_THANKS}: 'Finish your email by telling the recruiter to contact you'",
      "end with 'If you need anything else from me, just let me know.'", kinds=("thank-you",)),
    R("structure.timeline", "warning", "the check-in does not refer to the time frame they gave",
      "Ask for an update only once the time frame they gave has passed; saying so shows it",
      f"{REF_HARASS}: 'If you haven't heard from them during the time frame they gave you'",
      "e.g. 'You mentioned you hoped to decide by last Friday'", kinds=("status-check",)),
    R("structure.ask", "warning", "the check-in never asks for an update",
      "A status check asks one clear question: is there an update?",
      f"{REF_HARASS}: 'drop an email to ask for an update'",
      "ask one question, e.g. 'Is there any update on the timeline?'", kinds=("status-check",)),
    R("structure.courtesy", "warning", "no thanks, no good wishes, no courteous sign-off: this reads as curt",
      "A follow-up stays professional: it thanks them for their time or wishes them well; a message "
      "with neither reads as a demand whatever its words (in the fresh bad drafts, a third had none; "
      "no good one lacked it)",
      f"{REF}: 'Stay professional and thank him/her for his/her time and support'; 'Thank the "
      f"interviewer for his/her time'; {GRATITUDE}",
      "open with 'I hope you are well' or close with 'Thank you for your time'",
      kinds=("status-check", "linkedin-message", "other")),
    R("structure.one-question", "warning", "{questions} questions in a check-in; ask one",
      "A status check asks one clear question; a list of them reads as pressure",
      f"{REF_HARASS}; {BOOMERANG}", "keep the one question about the timeline",
      kinds=("status-check", "other")),
    R("structure.feedback", "warning", "no word on how the interviews went",
      "Send the recruiter feedback on how it went with the managers",
      f"{REF_TOUCH}: 'Always send feedback to the recruiter after your interviews'",
      "say in a sentence or two how the conversations went", kinds=("recruiter-feedback",)),
    R("structure.keep-in-touch", "warning", "the reply does not ask to stay in touch",
      "Even if you do not get the position, keep in touch with the recruiters",
      f"{REF_TOUCH}: 'keep in touch with the recruiters'",
      "add 'I would be glad to hear about future roles on your team.'",
      kinds=("keep-in-touch",)),
    R("structure.where-met", "warning", "the note does not say where you met",
      "A connection note reminds the person you have been in contact",
      f"{REF_LINKEDIN}: 'remind the person you have been in contact with her/him'",
      "e.g. 'We met at my interview for the data role on Tuesday.'", kinds=("linkedin",)),
    R("structure.greeting-name", "error", "the greeting names {name}, who is not on this thread",
      "A wrong name, left over from another draft, is worse than no name",
      f"{REF}: 'even after your interview you are still being evaluated'",
      "greet someone on the thread: {people}", needs_thread=True),
    R("structure.empty", "error", "nothing to lint: {what}",
      "An empty draft is not a clean one; a check that passes on nothing would mislead",
      "this tool (docs/lint-rules.md)", "write the message (above any quoted history), then lint it"),
    R("structure.unknown-directive", "info", "'{match}' is not a rule or category; nothing disabled",
      "A mistyped disable comment would silently do nothing", "this tool (docs/lint-rules.md)",
      "use a rule id from docs/lint-rules.md, e.g. tone.exclamation"),
    # tone: computed -------------------------------------------------------------------
    R("tone.exclamation", "warning", "{count} exclamation mark(s), or a run of them ('!!'); a friendly one or two is plenty",
      "A string of exclamation marks reads as over-eager rather than professional; one warm "
      "'Hope you're well!' and a 'Thanks!' do not",
      f"{REF_TONE}; {REF_LINKEDIN}: 'a professional, but not too formal message'",
      "keep one or two, after the greeting or the thanks"),
    R("tone.caps", "warning", "'{match}' in capitals reads as shouting",
      "Capitals read as raised voice and pressure", REF_TONE,
      "write it in lower case; use a word like 'especially' for emphasis"),
    # tone: phrase families ------------------------------------------------------------
    R("tone.urgency", "warning", "'{match}' reads as a demand",
      "They will contact you as soon as they have more details to give you; urgency pushes",
      f"{REF_HARASS}: 'They will contact you as soon as they have more details'; {REF_TONE}",
      "ask, don't demand: 'Is there any update you can share?'"),
    R("tone.deadline", "warning", "'{match}' sets the recruiter a deadline",
      "The time frame is theirs to give; a deadline from the candidate reads as pressure",
      f"{REF_HARASS}: 'ask recruiters when you should expect to have news from them'",
      "ask when you can expect news instead; if you hold another offer, say so plainly"),
    R("tone.back-reference", "warning", "'{match}' reads as passive-aggressive",
      "Pointing at your earlier, unanswered message blames the reader", REF_TONE,
      "write as if this were the first message: one friendly, self-contained question"),
    R("tone.accusation", "error", "'{match}' accuses the recruiter",
      "If they have not got back to you, the decision has not been made yet; the recruiter "
      "is not the one who decides", f"{REF_HARASS}; {REF_TOUCH}: 'they are not responsible "
      "for any rejection'", "drop the reproach; ask whether there is any update"),
    R("tone.counting", "warning", "'{match}' counts your own messages",
      "Sending several emails is exactly what the advice calls harassing",
      f"{REF_HARASS}: 'this is not a reason for sending several emails'",
      "one check-in only; if it goes unanswered, wait and keep applying"),
    R("tone.guilt", "warning", "'{match}' leans on guilt",
      "Waiting is stressful, but the recruiter owes you no apology for it; guilt reads as pressure",
      f"{REF_HARASS}: 'We know that waiting for an answer can be stressful, but ...'",
      "leave your waiting out of it; keep the email about the role"),
    R("tone.desperation", "warning", "'{match}' sounds desperate",
      "Show motivation, not need; keep applying elsewhere so no one answer weighs this much",
      f"{REF}: 'Show your motivation'; 'Do not put all your eggs in one basket'",
      "say what you would bring to the role instead"),
    R("tone.checking-in-again", "warning", "'{match}': one polite check-in is the most to send",
      "At most one polite check-in, and only after their time frame has passed",
      f"{REF_HARASS}", "if your first check-in is unanswered, wait for them and keep applying"),
    R("tone.chasing", "warning",
      "{count} chasing phrases in {words} words ('{match}', ...)",
      "One mention of following up is fine; several in a short email read as pressure",
      f"{REF_TONE}; {REF_HARASS}", "say it once, then ask your one question"),
    R("tone.apologetic", "info", "{count} apologies for writing ('{match}', ...)",
      "Apologising for a reasonable check-in undersells you; show your motivation",
      f"{REF}: 'Show your motivation'", "drop the apologies; a short, friendly question is enough"),
    R("tone.pressure", "warning", "'{match}' rushes their decision",
      "Another offer is worth mentioning plainly, once; using it to hurry them reads as pressure",
      f"{REF_TONE}; {REF_HARASS}: 'They will contact you as soon as they have more details'",
      "say you hold an offer and when you must answer it, and ask whether their timeline can fit"),
    R("tone.blame", "warning", "'{match}' reads as bitter",
      "Even if you do not get the position, stay professional: the relationship outlasts this role",
      f"{REF_TOUCH}: 'Stay professional'; 'they are not responsible for any rejection'",
      "thank them, say you would welcome future roles, and ask for feedback once"),
    R("tone.reconsider", "warning", "'{match}' argues with their decision",
      "A decision has been made; arguing with it ends the relationship you could keep",
      f"{REF_TOUCH}: 'Even if you do not get the position ... keep in touch with the recruiters'",
      "accept it gracefully and ask to be considered for future roles"),
    R("tone.negotiating", "warning", "'{match}': terms belong in the offer conversation, not the thank-you",
      "A thank-you thanks them and restates your interest; salary and perks before an offer read "
      "as demands", f"{REF_THANKS}: 'thank the interviewer', 'Reiterate your interest'; {REF_MOTIVATION}",
      "keep this note to thanks and interest; raise terms when they make an offer",
      kinds=("thank-you", "linkedin", "linkedin-message", "other")),
    R("tone.slang", "warning", "{count} texting words ('{match}', ...) to a hiring contact",
      "Chat slang reads as careless to someone still evaluating you",
      f"{REF_LINKEDIN}: 'a professional, but not too formal message'; {REF_MOTIVATION}",
      "write the words out ('thanks', 'let me know') and keep a friendly, professional tone"),
    R("tone.emoji", "warning", "{count} emoji; keep a note to a hiring contact in words",
      "Smileys in a first work message lowered how competent the sender seemed",
      f"{SMILEY}; {REF_LINKEDIN}: 'a professional, but not too formal message'",
      "drop the emoji; one warm sentence says more"),
    R("timing.early-in-text", "warning", "'{match}': the draft itself says their time frame has not passed",
      "Ask for an update only once the time frame they gave has passed",
      f"{REF_HARASS}: 'If you haven't heard from them during the time frame they gave you'",
      "save the draft and send it after the date they gave", kinds=("status-check", "other",
                                                                   "linkedin-message")),
    # subject --------------------------------------------------------------------------
    R("subject.length", "warning", "a subject of {chars} characters; keep it under {max}",
      "Mail clients cut a long subject; the words that matter may not be seen",
      RETURN_PATH, "say what it is in a few words, e.g. 'Thank you - data analyst interview'"),
    R("subject.caps", "warning", "'{match}' in capitals in the subject reads as shouting",
      "Capitals read as raised voice and pressure, in the subject most of all", REF_TONE,
      "write the subject in sentence case"),
    R("subject.urgency", "warning", "'{match}' in the subject reads as a demand",
      "The recruiter will contact you when there is news; an urgent subject pushes",
      f"{REF_HARASS}; {REF_TONE}", "name the role instead, e.g. 'Re: Data analyst interview'"),
    R("subject.exclamation", "warning", "an exclamation mark in the subject",
      "An exclamation mark in a subject reads as over-eager or as an alarm", REF_TONE,
      "end the subject without punctuation"),
    # placeholder ----------------------------------------------------------------------
    R("placeholder.brackets", "error", "'{match}' looks like a placeholder left in the draft",
      "A template left unfilled tells the reader the email was not written for them",
      f"{REF_THANKS}: 'Use information that the interviewer communicated'",
      "fill it in or delete it"),
    R("placeholder.template", "error", "'{match}' is template syntax left in the draft",
      "Unrendered template code tells the reader the email was generated",
      f"{REF_THANKS}", "fill it in or delete it"),
    R("placeholder.blank", "error", "'{match}' is a blank left to fill in",
      "A line of underscores is a form field, not a sentence",
      f"{REF_THANKS}", "fill it in or delete it"),
    R("placeholder.todo", "error", "'{match}' marks unfinished text",
      "A note to yourself must not reach the recruiter", REF_TONE, "finish the sentence or delete it"),
    # timing ---------------------------------------------------------------------------
    R("timing.too-early", "error", "their time frame runs until {wait_until}; this check-in is early",
      "Ask for an update only if you haven't heard from them during the time frame they gave",
      f"{REF_HARASS}: 'If you haven't heard from them during the time frame they gave you'",
      "save the draft and send it after {wait_until}", kinds=("status-check",), needs_thread=True),
    R("timing.second-checkin", "error",
      "{count} message(s) of yours since their last reply; this would be another check-in",
      "At most one polite check-in; several emails are harassing",
      f"{REF_HARASS}: 'this is not a reason for sending several emails'",
      "wait for their answer and keep applying elsewhere", kinds=("status-check",),
      needs_thread=True),
    R("timing.late-thank-you", "warning",
      "the interview was on {interview_day}; a thank-you is best sent by {due}",
      "Send the note at the end of the day or the day after the interview",
      f"{REF_THANKS}: 'At the end of the day or the day after your job interview'",
      "send it today anyway, and drop any 'thank you for yesterday'",
      kinds=("thank-you",), needs_thread=True),
)
del R

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

_W = r"(?:\s+\w+){0,3}"  # up to three words in between
_BY = (r"(?:by|before|within|no later than) (?:the )?(?:end of|close of|eod|cob|cop|tomorrow|tonight|today|this"
       r"|next|monday|tuesday|wednesday|thursday|friday|noon|\d|(?:the next )?(?:24|48|72|twenty-four"
       r"|forty-eight) hours)")  # a deadline: "by Friday", "within 48 hours"
PHRASES: tuple[Phrases, ...] = (
    Phrases("tone.urgency", (
        (r"\bASAP\b", 1), (r"\bas soon as (?:possible|you can)\b", 1),
        (r"\burgent(?:ly)?\b", 1), (r"\b(?:respond|reply|answer|get back to me)"
                                    r" (?:immediately|right away|promptly|quickly|today)\b", 1),
        (r"\bI (?:need|expect|demand|require) (?:an? )?(?:answer|response|reply|decision|update)\b", 1),
        (r"\bI (?:need|expect) to (?:hear|know)\b", 1),
        (r"\bI (?:really |urgently |just )?need to (?:know|hear)(?: \w+)? (?:soon|now|asap|quickly|today)\b", 1),
        (r"\byou (?:must|need to|have to) (?:respond|reply|answer|get back|let me know|tell me)\b", 1),
        (r"\bplease (?:respond|reply|answer)\b", 1),
        (r"\b(?:without|no) (?:further )?delay\b", 1),
        (r"\bhow (?:long|hard) (?:does|can|could|should|will) it (?:take|be)\b", 1),
        (r"\bI (?:insist|demand)\b", 1),
        # the class, not the phrase: an obligation put on the reader to answer ("you need to let me
        # know", "you should make me an offer"); "you need me to confirm" is theirs to ask, not a demand
        (r"\b(?:you|u)(?: really| just| seriously| honestly)? (?:need|have|must|ought|should|'d better|had better)(?: to)?(?: (?!me\b|us\b)\w+){0,4}? "
         r"(?:respond|reply|decide|let me know|tell me|get back|confirm|answer|make (?:up your mind|a decision"
         r"|me an offer|an offer))\b", 1),
        (r"\bI (?:need|expect|want|require) you to\b", 1),
        (r"\bI(?:'d| would)? (?:expect|demand|require) (?:a|an|the|your)(?: \w+){0,3}? (?:explanation|reason|answer"
         r"|reply|response|decision|apology|copy|feedback)\b", 1),
    )),
    Phrases("tone.deadline", (
        # A deadline set on *them*: a request to the reader ("please reply by", "let me know by",
        # "I need an answer by"). Not their own time frame reported back ("you said you would let
        # me know by Friday"), nor the candidate's own deadline ("an offer, which I need to answer
        # by 20 March"; "they have asked for my answer by 30 September"). The lookahead comes
        # first, so the lookbehinds run only where such a verb starts.
        (r"\b(?=let me know|get back to me|hear|tell me|inform me|update me)"
         r"(?<!you would )(?<!you'd )(?<!you will )(?<!I would )(?<!you could )(?<!you can )"
         r"(?:let me know|get back to me|hear(?:ing)? (?:back )?from you|hearing back|tell me|inform me|update me)"
         r"(?: with\w*)?(?: an? \w+)? " + _BY, 1),
        # (the finding points at the verb, after "please", so a "please reply" demand reads first)
        (r"\b(?=respond|reply|answer|confirm|decide|get back)"
         r"(?:(?<=please )|(?<=kindly )|(?<=you must )|(?<=you need to )|(?<=you have to )|(?<=you should )"
         r"|(?<=can you )|(?<=could you )|(?<=would you )|(?<=will you )|(?<=I need you to )"
         r"|(?<=I expect you to )|(?<=I want you to )|(?<=I'd like you to ))"
         r"(?:respond|reply|answer|confirm|decide|get back)(?: to (?:me|this|my \w+))?(?: with\w*)?(?: an? \w+)? " + _BY, 1),
        (r"\bI (?:need|want|expect|require|must have|must get|demand)(?: to (?:have|get|receive))? (?:an?|your)"
         r"(?: \w+)? (?:answer|response|reply|decision|update)(?: from you)? " + _BY, 1),
        (r"\bI (?:need|must|have) to (?:know|hear)(?: \w+){0,4}? " + _BY, 1),
        (r"\bby (?:EOD|COB|end of (?:the )?(?:day|business)|close of (?:business|play))\b", 1),
        (r"\bif I (?:don't|do not|haven't|have not) (?:hear|get|receive|have|heard|got|received)(?: back)?"
         r"(?: \w+){0,3}? (?:by|before|within|soon)\b", 1),
        (r"\bI(?:'ll| will) (?:have to |need to )?(?:assume|take that as|withdraw|move on)\b", 1),
        (r"\b(?:like|want|need|hoping|hope|expect) to (?:know|hear|have (?:an|your) (?:answer|decision))(?: \w+){0,3}?"
         r" (?:today|tonight|tomorrow|by tomorrow|this week|at the latest|straight away|right away)\b", 1),
        (r"\bat the latest\b", 1),
        # a conditional threat in either order: "..., otherwise I will", "... or I'll take the other offer"
        (r"\b(?:otherwise|or else),? I(?:'ll| will| shall| am going to|'m going to)\b", 1),
        # a request with a deadline, a few words apart ("inform me of the result by tomorrow"); not
        # their own time frame reported back ("you said you would let me know the outcome by Friday")
        (r"\b(?=let me know|get back to me|tell me|inform me|update me|send me|give me)"
         r"(?<!you would )(?<!you'd )(?<!you will )(?<!you'll )(?<!I would )(?<!you could )(?<!you can )(?<!to )"
         r"(?:let me know|get back to me|tell me|inform me|update me|send me|give me)(?: [\w']+){1,5}? " + _BY, 1),
        # an imperative opening a sentence, with a near time in the same sentence ("Tell me today
        # whether I got it"); the lookbehinds only pin it to a sentence start
        (r"(?:(?<=[.!?] )|(?<=\n)|(?<=^))(?:please )?(?:tell me|let me know|reply|respond|answer|get back to me"
         r"|decide|confirm)\b[^.?!\n]{0,40}?\b(?:today|tonight|tomorrow|asap|now|immediately|right away|this week)\b", 1),
        (r"\bif I (?:don't|do not|haven't|have not|can't) (?:hear|get|receive)[^.?!\n]{0,60}?"
         r"\bI(?:'ll| will| shall| am going to|'m going to)\b", 1),
    )),
    Phrases("tone.back-reference", (
        (r"\b(?:as )?per my (?:last|previous|earlier|prior) (?:e-?mail|message|note)\b", 1),
        (r"\bas (?:I )?(?:previously|already) (?:mentioned|stated|said|noted|asked|explained)\b", 1),
        (r"\bas I (?:said|mentioned|asked|wrote) (?:before|earlier|previously|last week)\b", 1),
        (r"\b(?:circling|bumping|floating|resurfacing) (?:this|my (?:email|message|note))"
         r"(?: back)?(?: up)?(?: to the top)?\b", 1),
        (r"\bbump(?:ing)? this\b", 1),
        (r"\bI (?:am|'m) (?:still )?(?:waiting|awaiting) (?:for )?(?:your|a) "
         r"(?:reply|response|answer)\b", 1),
        (r"\b(?:still|yet to) (?:haven't |have not )?(?:heard|hear) (?:anything )?back\b", 1),
        (r"\bstill no (?:word|reply|response|answer|news)\b", 1), (r"\bstill nothing\b", 1),
        (r"\b(?:no|not had a|not received a|never got a|haven't had a|haven't received a) (?:response|reply|answer)"
         r" (?:to|on) my (?:previous|last|earlier|other|\w+ )?(?:\w+ )?(?:e-?mails?|messages?|notes?)\b", 1),
        (r"\bconfirm (?:that )?you (?:received|got|saw|have seen|read) (?:it|them|my)\b", 1),
        (r"\b(?:as|since|because|seeing as|given that) I (?:still )?(?:haven't|have not|hadn't|had not|didn't|did not)"
         r" (?:yet )?(?:heard|received|gotten|got) (?:back|anything|a (?:reply|response|word)|an answer)", 1),
        (r"\bin case (?:you )?(?:missed|didn't see|did not see|overlooked) my\b", 1),
        (r"\bmy (?:e-?mail|message|note|letter|voicemail) (?:from|of|on|sent) (?:last|earlier|yesterday|the \d|\d"
         r"|monday|tuesday|wednesday|thursday|friday)", 1),
        (r"\b(?:got|get|gotten|went|was|may have been|might have been) lost\b", 1),
        (r"\bmake sure you (?:saw|got|received|read|have seen|'ve seen) (?:it|my|this)\b", 1),
        (r"\bdid you (?:get|see|receive|read) my (?:last |previous |earlier )?(?:e-?mail|message)\b", 1),
    )),
    Phrases("tone.accusation", (
        (r"\byou (?:never|haven't|have not|didn't|did not|failed to|still haven't) "
         r"(?:bothered to )?(?:replied|responded|answered|reply|respond|answer|get back|got back"
         r"|gotten back|follow(?:ed)? up|call(?:ed)? me back|let me know|acknowledged?)\b", 1),
        (r"\byou (?:promised|were supposed to|assured me)\b", 1),
        (r"\b(?:unprofessional|disrespectful|rude|unacceptable)\b", 1),
        (r"\bghost(?:ed|ing)\b", 1),
        (r"\byou(?:'ve| have)? forgotten (?:about )?me\b", 1),
        (r"\bare you (?:ever|even|actually) going to\b", 1),
        (r"\b(?:stop|quit) dragging your feet\b|\bdragging (?:your|their) feet\b", 1),
        (r"\b(?:left|kept|keeping|leaving) me (?:hanging|waiting|in the dark)\b", 1),
        (r"\bignor(?:ed|ing) (?:me|my)\b", 1),
        (r"\b(?:do|does|did) (?:you|anyone|anybody|your \w+)(?: guys| people| lot)? (?:ever|even) (?:reply|respond"
         r"|answer|read|get back|check)\b", 1),
        (r"\byou owe (?:me|us|candidates)\b", 1), (r"\bkeep your (?:word|promise)\b", 1),
        (r"\bwhy (?:haven't|have not|hasn't|has not|didn't|did not|has no ?one|has nobody|is no ?one|isn't anyone)"
         r" (?:I |anyone |anybody |you |your \w+ )?(?:heard|replied|responded|answered|got back|gotten back|been told"
         r"|contacted|called|written|reply|respond|answer|get back)\b", 1),
        (r"\b(?:been|being|was|were) (?:kept|left) (?:waiting|hanging|in the dark)\b", 1),
        (r"\b(?:feel|feeling|felt) (?:\w+ )?(?:ignored|forgotten|overlooked|invisible|brushed off|fobbed off)\b", 1),
        (r"\bfinally (?:give|get back|reply|respond|answer|let me know|tell me|decide)\b", 1),
        (r"\b(?:my )?patience (?:is )?(?:wearing|running|getting) (?:thin|out)\b", 1),
        (r"\b(?:lack|absence) of (?:communication|response|respect|courtesy)\b", 1),
        (r"\bnobody (?:has )?(?:bothered|replied|responded|got back)\b", 1),
        (r"\bit(?:'s| has) been (?:over |more than |almost )?(?:two|three|four|several|\d+) weeks"
         r"(?: now)?(?: and| without)\b", 1),
    )),
    Phrases("tone.counting", (
        (r"\b(?:this is )?(?:my )?(?:second|third|fourth|fifth|2nd|3rd|4th|5th) "
         r"(?:e-?mail|message|attempt|follow[- ]?up|time (?:I'm |I am |I have |I've )?"
         r"(?:writing|reaching out|emailing|following up|asking))\b", 1),
        (r"\b(?:sent|emailed|written|called|messaged|left) (?:you )?(?:several|multiple|many|"
         r"a few|numerous|two|three|four|\d+) (?:e-?mails|messages|times|voicemails|notes)\b", 1),
        (r"\bI(?:'ve| have) (?:tried|reached out|followed up|written|emailed|called) "
         r"(?:to reach you )?(?:several|multiple|many|a few|numerous|two|three|\d+) times\b", 1),
        (r"\byet another (?:e-?mail|message|follow[- ]?up|note)\b", 1),
        (r"\b(?:chased|followed up|emailed|written|wrote|asked|reached out|called|messaged|phoned)"
         r"(?: you| this| about this| about it)? (?:two|three|four|five|several|multiple|many|a few|\d+) times\b", 1),
    )),
    Phrases("tone.guilt", (
        (r"\bI (?:have |'ve |already |even )?(?:turned down|declined|rejected|passed on|put off|said no to) "
         r"(?:(?:other|another|several|multiple|a few|a couple of|an?|one|two|three|four|\d+|good|great|\w+ing)\s+){1,2}"
         r"(?:offers?|opportunit(?:y|ies)|interviews?|roles?|jobs?|positions?)\b", 1),
        (r"\b(?:because|since|as|while) I (?:was|am|have been|'ve been|'m) (?:waiting|holding out|holding off)"
         r" (?:for|on) (?:you|your)\b", 1),
        (r"\bI(?:'ve| have)? (?:been )?(?:waiting|sitting) (?:patiently|by the phone|for weeks|"
         r"so long|all week|anxiously|nervously|(?:for )?(?:almost|nearly|over|more than) (?:a|one|two|three|\d+)"
         r" (?:weeks?|months?))\b", 1),
        (r"\bI (?:rearranged|cancel(?:l)?ed|took (?:a day|time|the day) off|moved) "
         r"(?:my|everything|a day|time|\w+ plans)", 0.5),
        (r"\bafter all (?:the|my|of my) (?:time|effort|work|preparation)\b", 1),
        (r"\bput (?:my (?:whole |entire )?(?:life|job search|search|plans|applications)|everything|other "
         r"(?:applications|interviews|offers)) on hold\b", 1),
        (r"\bwhile I (?:wait|waited|was waiting|am waiting)(?: to hear)? (?:for|from|on) (?:you|your)\b", 0.5),
        (r"\bthe least (?:you|they) (?:could|can) do\b", 1),
        (r"\bthe least I (?:could|can|should be able to) (?:expect|ask)\b", 1),
        (r"\bfor your sake\b", 1), (r"\b(?:sitting on|holding off on|holding) (?:two|three|\d+|other|several) offers\b", 1),
        (r"\b(?:cancel(?:l?ed)?|postponed?|rearranged?|gave up|give up|skipped) (?:a|my|our|the|a family)"
         r" (?:holiday|vacation|trip|plans|leave|weekend|day off|wedding)\b", 0.5),
        (r"\bstay(?:ed)? available for you\b", 0.5), (r"\byour delay\b", 1),
        (r"\b(?:turned|turning|turn) my (?:whole |entire )?(?:life|world|schedule|plans) upside down\b", 1),
        (r"\b(?:putting|put|leaving|leaves) me in (?:a|an) (?:very |really |extremely )?(?:difficult|tough|awkward|hard"
         r"|impossible) (?:position|spot|situation)\b", 1),
        (r"\bwhat this means (?:to|for) me\b", 0.5),
        (r"\bcommon courtesy\b", 1),
        (r"\bit would be (?:nice|polite|courteous|good manners) to (?:hear|get|receive|know)\b", 1),
        (r"\bI (?:think I )?deserve (?:an? )?(?:answer|response|reply|update|explanation)\b", 1),
        (r"\bthe courtesy of (?:a|an) (?:reply|response|answer)\b", 1),
        (r"\bI(?:'m| am| was| felt| feel)(?: \w+){0,2}? (?:hurt|upset|offended|insulted)\b", 1),
        (r"\bgave up (?:a lot|so much|everything|my (?:\w+day|evenings?|weekends?|time|holiday))\b", 1),
        (r"\b(?:the )?least I deserve\b", 1), (r"\b(?:holding|keeping) me (?:up|back)\b", 1),
    )),
    Phrases("tone.desperation", (
        (r"\bI(?:'m| am) (?:begging|pleading|desperate)\b", 1),
        (r"\bI beg you\b", 1),
        (r"\bplease,? please\b", 1),
        (r"\bI (?:really |desperately |truly |badly )?need (?:this|the) (?:job|role|position|offer)\b", 1),
        (r"\bI(?:'ll| will| would) do (?:anything|whatever it takes)\b", 1),
        (r"\b(?:any|whatever) (?:salary|pay|role|position) (?:is fine|you offer|works)\b", 1),
        (r"\bmy (?:only hope|last chance|only option)\b", 1),
        (r"\bput me out of my misery\b", 1),
        (r"\bthis (?:job|role|position|offer) means everything\b", 1),
        (r"\b(?:can't|cannot|haven't been able to) (?:sleep|stop thinking)\b", 1),
        (r"\b(?:checking|refreshing|refresh) my (?:inbox|email|phone)\b", 1),
        (r"\bon pins and needles\b", 0.5), (r"\banxious(?:ly)?\b", 0.5),
        (r"\bmy dream (?:job|role|company)\b", 0.5), (r"\bgive me a chance\b", 0.5),
        (r"\bI hope you (?:will )?(?:choose|pick|hire) me\b", 0.5),
    )),
    Phrases("tone.checking-in-again", (
        (r"\b(?:just )?(?:checking|following) (?:in|up) (?:once |yet |one more time )?again\b", 1),
        (r"\b(?:checking|following) (?:in|up) one more time\b", 1),
        (r"\bfollow(?:ing)?[- ]up on my (?:previous|last|earlier|prior) "
         r"(?:follow[- ]?up|check[- ]?in|e-?mail|message|note)\b", 1),
        (r"\banother (?:follow[- ]?up|check[- ]?in|reminder)\b", 1),
        (r"\b(?:friendly|gentle|quick|kind) (?:reminder|nudge|ping|bump)\b", 1),
        (r"\b(?:any|an) (?:update|news|word|decision)s? yet\b", 1),
        (r"\bstill (?:following|checking) (?:up|in)\b", 1),
        (r"\b(?:it's |sorry,? )me again\b", 1),
        (r"\b(?:bother|bothering|pester|pestering|chase|chasing|nag|nagging|disturb|disturbing) you (?:again|once more)\b", 1),
        (r"\bI (?:emailed|wrote|messaged|called)(?: you)? (?:on )?(?:monday|tuesday|wednesday|thursday|friday|the \d+\w*) and (?:on )?(?:monday|tuesday|wednesday|thursday|friday|the \d+\w*)\b", 1),
    )),
    Phrases("tone.chasing", (
        (r"\bfollow(?:ing)?[- ]?up\b", 0.5), (r"\bcheck(?:ing)? in\b", 0.5),
        (r"\btouch(?:ing)? base\b", 0.5), (r"\bcircl(?:e|ing) back\b", 0.5),
        (r"\b(?:any|an) updates?\b", 0.5), (r"\bstatus\b", 0.5),
        (r"\bhear(?:ing)? back\b", 0.5), (r"\bget back to me\b", 0.5),
        (r"\bwhen (?:can|will|should|might) I (?:expect|hear|know)\b", 0.5),
        (r"\b(?:a|your|the) decision\b", 0.5), (r"\bany news\b", 0.5), (r"\bwaiting\b", 0.5),
    ), min_weight=2.0, per_100_words=3.0, each=False),
    Phrases("tone.apologetic", (
        (r"\bsorry (?:to|for) (?:bother|bothering|disturb|disturbing|the intrusion|"
         r"pestering|chasing|writing again)\b", 0.5),
        (r"\bI hate to (?:bother|pester|chase|nag)\b", 0.5),
        (r"\bI apologi[sz]e for (?:bothering|the intrusion|disturbing|writing|reaching out)\b", 0.5),
        (r"\bI know (?:you(?:'re| are)|how) (?:very |extremely |so |really )?(?:busy|swamped|hectic)\b", 0.5),
        (r"\bI (?:don't|do not) (?:want|mean) to (?:be a )?(?:pest|bother|nuisance|nag)\b", 0.5),
    ), min_weight=1.0, each=False),
    Phrases("tone.pressure", (
        (r"\bhurry(?: up)?\b", 1), (r"\bspeed (?:things |this |it )?up\b", 1),
        (r"\b(?:can't|cannot|won't|will not|can not) (?:wait|keep (?:\w+ ){0,3}waiting|hold (?:off|on))"
         r" (?:forever|much longer|any longer|long|indefinitely)\b", 1),
        (r"\bI have (?:other|many|several|plenty of|lots of) (?:options|offers|companies|choices)\b", 1),
        (r"\b(?:other|several|many|multiple) (?:companies|employers|recruiters) (?:are )?(?:chasing|courting|after)"
         r" me\b", 1),
        (r"\byou(?: need| have|'ll need| will need|'d better| had better| better) (?:to )?(?:decide|move|act"
         r"|make up your mind|hurry)(?: \w+)? (?:fast|quickly|soon|now|today)\b", 1),
        (r"\bif you (?:still |really )?want (?:to (?:keep|hire|have|get|secure|land) )?me(?: (?:at all|on board"
         r"|in the running|for (?:the|this) (?:role|job|position)))?(?=[.,;!?]|\s*$)", 1),
        (r"\boffer\b[^.!?\n]{0,40}\bso (?:you(?:'d| had| should| need| must| better)|please (?:hurry|decide|move|speed))", 1),
        (r"\b(?:decide|move|act) (?:fast|quickly) (?:or|before)\b", 1),
        (r"\bor should I (?:just )?(?:move on|give up|look elsewhere|take (?:the|another) (?:offer|job))\b", 1),
        (r"\bI(?:'ll| will| shall| am going to|'m going to) (?:have to )?(?:take|accept|go with|sign) (?:the other|another"
         r"|their|the \w+) (?:job|offer|role|position)\b", 1),
        (r"\b(?:or|before) (?:I|someone else) (?:accept|take|sign)s? (?:the other|another|their|it)\b", 1),
        (r"\b(?:other|another|several|multiple|two|three|a few) (?:\w+ )?(?:companies|company|employers|offers?"
         r"|opportunities|interviews)\b[^.?!\n]{0,80}?(?:\bso (?:you|if you)\b|\bif you (?:want|wish|hope|are interested)"
         r"|\byou(?:'d| had| should| need| must| better)\b|\bbefore (?:I|they|it's too late)\b)", 1),
        (r"\b(?:secure|lose|miss out on) me\b", 1), (r"\bsurely (?:by now|you|the|someone)\b", 1),
        (r"\b(?:made|reached|come to) (?:a|your|the) decision yet\b", 1),
    )),
    Phrases("tone.blame", (
        (r"\byou(?:'ve| have)? (?:made|are making) (?:a |an |the |a big |a huge |a serious |a real )?"
         r"(?:mistake|error|wrong (?:decision|choice|call))\b", 1),
        (r"\b(?:hired|chose|chosen|picked|selected) the wrong (?:person|candidate)\b", 1),
        (r"\bI was (?:clearly|obviously|by far|easily|certainly) the (?:best|most|strongest|better|right)\b", 1),
        (r"\bI (?:don't|do not|can't|cannot|fail to) (?:understand|see|believe) how (?:someone|anyone|anybody|they|you)"
         r"\b", 1),
        (r"\b(?:a |complete |total )?waste of (?:my|our) time\b", 1),
        (r"\byour loss\b", 1), (r"\bgood luck with that\b", 1), (r"\bI have my doubts\b", 1),
        (r"\bthanks,? I (?:suppose|guess)\b", 1), (r"\bit would have been nice\b", 1),
        (r"\bwast(?:ed|ing) (?:my |our |\w+ )?(?:time|weeks|days|months|hours|effort)\b", 1),
        (r"\b(?:couldn't|could not|failed to|didn't|did not|can't|cannot) (?:see|recogni[sz]e|appreciate) (?:what|how"
         r" much|my)\b", 1),
        (r"\b(?:still alive|this century|fell off the (?:face of the )?(?:earth|planet)|dropped off the planet)\b", 1),
        (r"\b(?:is|was|has been|been) (?:a (?:joke|farce|shambles|sham)|ridiculous|absurd|pathetic|insulting)\b", 1),
        (r"\b(?:can't|cannot|could not|couldn't) believe (?:you|they|that you|that they)\b", 1),
        (r"\b(?:someone|somebody|a candidate|a person) (?:with )?(?:less|fewer|far less) (?:experience|"
         r"qualifications|skills?)\b", 1),
        (r"\b(?:less|under)[- ]qualified\b", 1),
        (r"\bI(?:'m| am| was| feel| felt)(?: \w+){0,2}? (?:angry|annoyed|frustrated|furious|livid|fed up|gutted)\b", 1),
        (r"\bnothing (?:back )?but (?:a|an) (?:form|generic|automated|standard|two-line|one-line) (?:e-?mail|reply|"
         r"response|rejection|letter)\b", 1),
        (r"\b(?:unfair|biased|rigged) (?:process|decision|interview)\b", 1),
    )),
    Phrases("tone.reconsider", (
        (r"\breconsider (?:your|the|this|that|my) (?:decision|application|candidacy|choice)\b", 1),
        (r"\b(?:ask|asking|urge|beg) you to reconsider\b", 1),
        (r"\bchange your mind\b", 1), (r"\b(?:reverse|overturn|appeal|revisit) (?:your|the|this) decision\b", 1),
        (r"\b(?:look|looking) again at my (?:application|experience|cv|resume|candidacy|profile)\b", 1),
        (r"\bgive me (?:another|a second) (?:chance|interview|shot|look)\b", 1),
        (r"\b(?:disagree|do not agree|don't agree) with (?:the|your|this|that) (?:decision|outcome|assessment)\b", 1),
        (r"\b(?:review|reassess|re-?evaluate|look at|consider|read) my (?:application|candidacy|cv|resume|profile)"
         r" (?:again|once more|a second time)\b", 1),
        (r"\b(?:re-?review|re-?evaluate|reassess) my (?:application|candidacy|cv|resume|profile)\b", 1),
        (r"\b(?:overlooked|missed|ignored|underestimated) my\b", 1),
        (r"\bchange (?:the panel's|the team's|your|their|the|his|her) (?:view|opinion|mind|assessment)s?\b", 1),
        (r"\bmisjudged\b", 1), (r"\b(?:opportunity|chance|right|like) to appeal\b", 1),
        (r"\bappeal (?:the|this|your|against)\b", 1),
        (r"\bbefore you make (?:this|it|that|the decision) final\b", 1),
        (r"\blet me (?:do|have|try|sit) (?:a second|another|one more) (?:interview|round|chance|go|test)\b", 1),
        (r"\b(?:decision|outcome|assessment|result|evaluation)s? (?:to be |be |should be |is |was )?(?:reviewed"
         r"|reconsidered|revisited|reversed|re-?examined|looked at again|overturned)\b", 1),
        (r"\b(?:an? )?(?:error|mistake|oversight) in (?:the|your|my) (?:assessment|evaluation|marking|scoring"
         r"|grading|decision|review)\b", 1),
        (r"\bI am (?:sure|certain|convinced) (?:that )?(?:I am|I'm) the right (?:person|candidate|fit)\b", 1),
    )),
    Phrases("tone.negotiating", (
        (r"\b(?:salary|compensation|pay rise|signing bonus|sign-on bonus|bonus|equity"
         r"|stock options|vacation days|holiday allowance|PTO|relocation package|day rate|hourly rate|paid leave"
         r"|annual leave|paid time off|remote setup|fully remote)\b", 0.5),
        (r"\b(?:work(?:ing)? from home|remote days|days? (?:a|per) week (?:at|from|working from) home"
         r"|work(?:ing)? remotely (?:full[- ]time|\d|two|three|four))\b", 0.5),
        (r"\bI(?:'d|'ll| would| will)? (?:need|expect|require|insist on|ask for)\b(?! to (?:thank|say|add|mention))", 0.5),
        (r"\b(?:won't|will not|wouldn't|would not|can't|cannot|couldn't|could not) (?:consider|accept|take|go)"
         r" (?:anything|less|an offer|a salary|below|under)\b", 1),
        (r"\b(?:only|not) (?:accept|consider|take|join) (?:the|this|an?|your) (?:role|job|position|offer)"
         r" (?:with|for|at|if|unless|without)\b", 1),
        (r"\b(?:at least|a minimum of|minimum of|non-negotiable|no less than)\b", 0.5),
        (r"[$\u00a3\u20ac]\s?\d|\b\d[\d,.]*\s?k\b|\b\d+\s?%\s+(?:more|higher|raise|increase|above)\b", 0.5),
    ), min_weight=1.5, each=False),
    Phrases("tone.slang", (
        (r"(?-i:\b(?:yo|thx|thnx|tnx|ngl|lmk|tbh|lol|lmao|omg|hmu|idk|imo|btw|brb|pls|plz|cuz|coz|bc|rn|wanna"
         r"|gonna|gotta|kinda|sorta|dope|lit|bro|bruh|dude|fam|sup|ya|yall|y'all|u|ur|r|cya|gr8|l8r|np|lemme"
         r"|gimme|gud|wat|k|thanx|m8|tho|defo|def|heyy+|soo+|i(?:'m|'d|'ll|'ve)?)\b)", 0.5),
        (r"\b(?:THX|LMK|TBH|NGL|LOL|OMG|HMU)\b", 0.5),
    ), min_weight=1.5, each=False),
    Phrases("timing.early-in-text", (
        (r"\b(?:it(?:'s| has| is)|it's) (?:only |just )?been (?:a day|one day|a day or two|a couple of days"
         r"|a few days|two days|three days|[1-4] days|\d+ hours|a few hours)\b", 1),
        (r"\bI know (?:it(?:'s| is) (?:still |a bit |a little |only )?(?:early|soon)|you said (?:the team |you |it )?"
         r"(?:would|will|'d) (?:need|take|decide|have|get back))", 1),
        (r"\b(?:before|ahead of) the (?:date|deadline|time frame|timeframe|week) you (?:gave|mentioned|set)\b", 1),
        # "I know the panel only meets next Thursday, but ...", "I realise you won't decide until ..."
        (r"\bI (?:know|realise|realize|understand) (?:that )?you (?:said|mentioned|told me|expect|planned)\b"
         r"[^.?!\n]{0,80}?, but\b", 1),
        (r"\b(?:let me know|tell me|hear|decide|find out) (?:any )?(?:sooner|earlier|before then)\b", 1),
        (r"\b(?:was|were|is|it's|it was) only (?:yesterday|this morning|earlier today|a day ago|two days ago"
         r"|a few days ago|last night)\b", 1),
        (r"\bI (?:know|realise|realize|understand) (?:that )?(?:[\w']+ ){1,6}?(?:only|not until|isn't until|until"
         r"|won't|will not|not due|next (?:week|month|monday|tuesday|wednesday|thursday|friday))\b", 1),
    )),
    Phrases("placeholder.brackets", (
        # not a footnote [1], a link [text](url), an image or link a mail client wrote out
        # ([image: logo], [cid:...], [mailto:...]), nor a tag a mail gateway adds ([EXTERNAL])
        (r"\[(?!\d+\])(?!(?:image|cid|mailto|https?|attachment|inline|external|ext|spam|suspicious"
         r"|caution|warning|secure|encrypt|confidential|sensitive|ticket|sent with)\b)"
         r"[A-Za-z][^\[\]\n]{0,80}\](?!\()", 1),
        (r"<<[^<>\n]{1,60}>>", 1),
        (r"<(?:name|first[ _]?name|company|role|position|title|date|interviewer|recruiter)>", 1),
        (r"(?-i:<[A-Z][A-Z0-9]*(?:[ _/'-]+[A-Z0-9]+)+>|<[A-Z]{4,}>)", 1),  # <JOB TITLE>, <NAME>
        (r"<(?:your|their|his|her|the|insert|add|enter)\b[^<>@\n]{1,60}>", 1),  # <your name>
    )),
    Phrases("placeholder.template", (
        (r"\{\{[^{}\n]{0,60}\}\}|\{%[^{}\n]{0,60}%\}", 1),  # {{ name }}, {% if %}: one finding
        (r"\{\{|\}\}|\{%|%\}", 1),
        (r"\{(?:name|first_?name|last_?name|company|role|position|title|date|interviewer"
         r"|recruiter|manager|team)\}", 1),
        (r"\$\{\w+\}", 1),
    )),
    Phrases("placeholder.blank", (
        (r"_{3,}", 1),
    )),
    Phrases("placeholder.todo", (
        (r"(?-i:\bTODO\b|\bFIXME\b|\bTKTK\b|\bXXX+\b)", 1),
        (r"\blorem ipsum\b", 1),
        (r"\binsert (?:name|company|role|date|detail|something)\b", 1),
    )),
)
del _W, _BY

SHOUTED = frozenset({
    "URGENT", "PLEASE", "IMPORTANT", "NOW", "NEED", "REALLY", "VERY", "STILL",
    "NEVER", "ALREADY", "AGAIN", "ANY", "ALWAYS", "MUST", "TODAY", "IMMEDIATELY", "WAITING",
})


# In the subject, a word that pushes (the subject's own list; body phrases are for prose).
SUBJECT_URGENCY = (
    r"\burgent(?:ly)?\b", r"\bASAP\b", r"\bimmediate(?:ly)?\b", r"\baction required\b",
    r"\btime[- ]sensitive\b", r"\b(?:response|reply|answer|decision) (?:needed|required|requested)\b",
    r"\b(?:final|last|second|third|2nd|3rd) (?:notice|reminder|follow[- ]?up|attempt|request)\b",
    r"\bfollow[- ]?up #?\d\b", r"\bstill waiting\b", r"\bplease (?:respond|reply|read)\b",
    r"\bimportant\b",
)
# A reply or forward keeps the thread's subject: its length is not the writer's to fix.
REPLY_PREFIX = r"^\s*(?:re|fwd?|aw|wg|tr|sv|vs|antw|rv)\s*(?:\[\d+\])?\s*:"


@lru_cache(maxsize=None)
def _placeholder_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((p.rule, rx) for p in PHRASES if p.rule.startswith("placeholder.") for rx, _ in p.compiled)


def find_placeholders(text: str) -> list[tuple[str, int, int, str]]:
    """Every placeholder in `text` once: (rule, start, end, match), the longest at each spot."""
    if not any(c in text for c in "[<{}%_$") and not re.search(r"(?i)todo|fixme|tktk|xxx|lorem|insert", text):
        return []
    found = [(m.start(), m.end(), rule, m.group()) for rule, rx in _placeholder_patterns()
             for m in rx.finditer(text)]
    kept: list[tuple[str, int, int, str]] = []
    for start, end, rule, match in sorted(found, key=lambda h: (h[0], -h[1])):
        if not kept or start >= kept[-1][2]:
            kept.append((rule, start, end, match))
    return kept


@lru_cache(maxsize=None)
def _compile(rule_id: str) -> tuple[tuple[re.Pattern, float], ...]:
    family = next(p for p in PHRASES if p.rule == rule_id)
    return tuple((re.compile(rx, re.IGNORECASE), w) for rx, w in family.patterns)


def known(name: str) -> bool:
    """A rule id or a category name, as `disable` accepts."""
    return name in BY_ID or name in CATEGORIES


def enabled(rule_id: str, disabled: frozenset[str] | set[str]) -> bool:
    """A rule is off when its id or its category is disabled."""
    return rule_id not in disabled and rule_id.split(".", 1)[0] not in disabled


# Every phrase family belongs to a rule, and every rule to a known category and severity.
assert all(p.rule in BY_ID for p in PHRASES)
assert all(r.category in CATEGORIES and r.severity in SEVERITIES for r in RULES)


# Cues that tell one kind of draft from another, for `--kind auto`: (regex, weight).
# The kind with the highest total wins; below MIN_KIND_SCORE the kind is "other" and the
# per-kind structure rules stay quiet rather than guess.
KIND_CUES: dict[str, tuple[tuple[str, float], ...]] = {
    "thank-you": (
        (r"\bthank(?:s| you)(?: so much| very much)? for (?:taking the time|meeting|speaking"
         r"|talking|interviewing|the (?:interview|conversation|chat|meeting|opportunity to (?:meet|"
         r"interview|speak|talk)|time (?:today|yesterday))|(?:our|the) (?:\w+ )?(?:conversation|chat"
         r"|interview|call))", 3),
        (r"\b(?:today|yesterday|this morning|this afternoon)\b", 1),
        (r"\benjoyed (?:our|the|meeting|talking|speaking|learning|hearing)\b", 1.5),
        (r"\bthank(?:s| you)(?: so much| very much)? for (?:the|this) opportunity\b", 2),
        (r"\bthank(?:s| you)(?: so much| very much)? for (?:today's|yesterday's|this morning's|this afternoon's"
         r"|Monday's|Tuesday's|Wednesday's|Thursday's|Friday's) (?:\w+ )?(?:interview|chat|call|meeting"
         r"|conversation)", 3),
    ),
    "status-check": (
        (r"\b(?:any|an) updates?\b", 2), (r"\bstatus\b", 1.5), (r"\btimeline\b", 1),
        (r"\bcheck(?:ing)? in\b", 1.5), (r"\bwhere things stand\b", 2), (r"\bany news\b", 2),
        (r"\bhear(?:d)? (?:back|from you)\b", 1), (r"\bfollow(?:ing)? up on\b", 1),
        (r"\b(?:news|next steps?)\b", 1),
        (r"\b(?:it(?:'s| has) been|it is now) (?:\w+ ){0,2}(?:days?|weeks?|fortnight)(?: now)? since\b", 2),
        (r"\b(?:since|after) my (?:interview|onsite|final round|application)\b", 1),
        (r"\byour decision\b", 1.5),
        (r"\b(?:a|the|your) decision (?:has|had|have) (?:now |yet |already )?been (?:made|reached|taken)\b", 2),
        (r"\b(?:that|the|this) (?:time|date|deadline|period|week|fortnight) has (?:now )?passed\b", 2),
        (r"\bsuccessful candidates?\b", 1),
        # thread context: the interview or application placed at a past date is a check-in on it
        (r"\b(?:I interviewed|I applied|my (?:\w+ )?interview|my application|we (?:spoke|met))\b[^.?!\n]{0,50}?"
         r"\b(?:on (?:the )?\d|on (?:monday|tuesday|wednesday|thursday|friday)|(?:\w+ )?(?:days?|weeks?) ago"
         r"|last (?:week|month|monday|tuesday|wednesday|thursday|friday))", 1.5),
        (r"\bI (?:interviewed|had (?:my|an|the) (?:\w+ )?interview)\b", 1), (r"\bremain available\b", 1),
    ),
    "recruiter-feedback": (
        (r"\bfeedback\b", 1.5), (r"\b(?:preparing|prepared|preparation|prep|briefing)\b", 2),
        (r"\binterviews? with\b", 1), (r"\bhiring manager\b", 1),
        (r"\b(?:went|go|going) (?:well|smoothly)\b", 1.5),
        (r"\bthank(?:s| you) for (?:setting up|arranging|organi[sz]ing|coordinating|"
         r"(?:all )?your help|helping|your support)\b", 2),
    ),
    "keep-in-touch": (
        (r"\b(?:decided|chosen|chose|decision) (?:to )?(?:move|go|proceed)(?: forward)? with\b", 3),
        (r"\bnot (?:been )?(?:selected|moving forward|the news I)", 2),
        (r"\bthank(?:s| you)(?: so much| very much)? for (?:letting me know|the news|telling me)\b", 2),
        (r"\bdisappoint(?:ed|ing)\b", 2), (r"\b(?:keep|stay) in touch\b", 1.5),
        (r"\b(?:future|similar) (?:roles|openings|opportunities|positions)\b", 1.5),
        (r"\bkeep me in mind\b", 1.5), (r"\b(?:another|other) candidates?\b", 2),
        (r"\b(?:stay|keep) in contact\b", 1.5), (r"\bapply(?:ing)? again\b", 2), (r"\bin the future\b", 1),
        (r"\bthank(?:s| you) for (?:your message|the information|the update|the heads[- ]up)\b", 1),
        (r"\b(?:didn't|did not|doesn't|won't) work out\b", 2.5),
        (r"\b(?:unsuccessful|not successful|went with|gone with|another direction|a different direction)\b", 2),
    ),
    "linkedin": (  # a connection note: asks to connect; "thanks for connecting" is not one
        (r"(?<!for )\bconnect(?:ed|ing)?\b", 2), (r"\blinked ?in\b", 2), (r"\bnetwork\b", 1),
    ),
    "linkedin-message": (  # to someone already connected
        (r"\b(?:thanks?|thank you|grateful) for (?:connecting|accepting|the connection|adding me)\b", 4),
        (r"\bnow that we(?:'re| are) connected\b", 4),
        (r"\b(?:accepted|accepting) my (?:connection |invitation|request)", 3),
        (r"\blinked ?in\b", 2), (r"\bconnected\b", 1), (r"\bInMail\b", 2),
        (r"\b(?:message|write to|reach out to) you here\b", 2),
    ),
}
MIN_KIND_SCORE = 1.5
LINKEDIN_MAX_GUESS_CHARS = 400  # a LinkedIn note is short; longer text is an email
LINKEDIN_ONE_PARAGRAPH = 3.5  # a short text in one paragraph, greeting inline, looks like a note
# (outweighs one thank-you cue: "Hi Rafael, thanks for the great conversation on Tuesday ... Best, Ines")
EMOJI = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]"  # pictographs, symbols, dingbats, stars

# What each kind must contain (structure rules): any one cue satisfies the rule.
STRUCTURE_CUES: dict[str, tuple[str, ...]] = {
    "structure.thanks": (r"\bthank", r"\bthanks\b", r"\bgrateful\b", r"\bappreciat(?:e|ed|ion)\b"),
    "structure.detail": (
        r"\byou (?:mentioned|said|explained|described|told me|shared|showed|walked me through"
        r"|pointed out|asked)\b",
        r"\b(?:learning|hearing|talking|discussing|chatting|speaking) (?:about|with you about)\b",
        r"\b(?:our|the) (?:\w+ )?(?:conversation|discussion|chat|exchange) (?:about|on|around|of)\b",
        r"\b(?:especially|particularly|really) (?:enjoyed|liked|appreciated|valued)\b",
        r"\b(?:the|your) (?:point|question|story|example|description|demo|overview) (?:about|on|of)\b",
        r"\bI(?:'ve| have)? (?:kept|keep|been) thinking about\b",
        r"\bwhen we (?:talked|spoke|discussed)\b", r"\bwe (?:discussed|talked about)\b",
        # what they told you: "happy to learn that your team is moving ...", "hearing how the team ..."
        r"\b(?:learn|learned|learnt|learning|hear|heard|hearing|see|saw|seeing|find|found|finding|read|discover\w*)"
        r"(?: (?:more|a bit|a little|first-hand|firsthand))? (?:about|how|that|why|what|where)\b",
        r"\b(?:your|the) (?:\w+ )?(?:explanation|look|discussion|overview|description|walkthrough|tour|demo"
        r"|presentation|insights?|idea|perspective|plans?|vision|approach|focus|take|advice|comments?) "
        r"(?:about|on|of|at|for|into|to)\b",
        r"\b(?:your|the|our) (?:team|company|group|lab|school|department|unit|firm|studio|clinic|store)(?:'s|\u2019s)",
        r"\b(?:your|the) (?:team|company|group|lab|school|department) (?:is|was|will|has|plans|uses|runs"
        r"|handles|shares|splits|builds|works|wants)\b",
        # a concrete noun phrase about their work: "the warehouse slotting problem", "the new sequencing setup"
        r"\b(?:the|your) (?:[\w-]+ ){1,3}(?:exercise|case study|challenge|problem|project|roadmap|migration|launch"
        r"|rollout|rewrite|redesign|platform|pipeline|product line|campaign|initiative|setup|dashboard|codebase"
        r"|architecture|programme|program|curriculum|rotation|backlog|workflow|strategy|system|service|tool"
        r"|lesson|journals?|garden|club|study)\b",
        r"(?-i:\b[A-Z][a-z]+(?:'s|\u2019s) (?:point|idea|question|story|example|comment|remark|description|demo"
        r"|presentation|work|team|project))",
        # a number with what it counts ("in the first 30 days", "40 services"), a technical term or
        # place after a preposition ("in LIMS", "to Kotlin", "in Spain"), not a day or month
        r"\b\d[\d,.]*\s?(?:%|percent|(?!(?:am|pm|st|nd|rd|th|years? ago)\b)(?:[a-z-]+ ){0,2}[a-z]+s)\b",
        r"\b(?:about|regarding) (?:the|your|its|their|how|why|what) (?!(?:[\w-]+ ){0,2}(?:role|position|job"
        r"|opportunity|opening|vacancy|post|interview|company|team|organi[sz]ation|time|process|next steps?)\b)",
        r"(?-i:\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+ \d{1,3}\b(?![:/.]\d))",
        r"(?-i:\b(?:in|into|using|from|via|about|to) (?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
        r"|Sunday|January|February|March|April|May|June|July|August|September|October|November|December"
        r"|LinkedIn|Mr|Mrs|Ms|Dr|Miss|Prof|You|Your|Me|My|The|I)\b)[A-Z][A-Za-z0-9+#]*[A-Za-z0-9+#]\b)",
    ),
    "structure.interest": (
        r"\binterest(?:ed)?\b", r"\bexcit(?:ed|ing)\b", r"\benthusias(?:m|tic)\b", r"\beager\b",
        r"\bkeen\b", r"\blook(?:ing)? forward\b", r"\bmotivat(?:ed|es|ing)\b", r"\bthrilled\b",
        r"\bwould love to\b", r"\bwant(?:ed)? to (?:join|be part|contribute|work)\b",
        r"\b(?:great|strong|good) fit\b", r"\bappeal(?:s|ing)?\b",
        r"\bsee myself (?:fitting|working|joining|being|in)\b", r"\bfit(?:ting)? in (?:well|nicely)\b",
        r"\b(?:exactly|just|precisely) (?:the (?:kind|sort|type) of|what I)\b",
        r"\bthe (?:kind|sort|type) of (?:work|role|job|team|challenge|problem|place|environment)s? I\b",
        r"\b(?:welcome|love|like|relish|value) (?:the|a) (?:chance|opportunity) to\b", r"\bfirst choice\b",
        r"\b(?:delighted|glad|happy|love|like|hope|hoping|thrilled|honou?red) to (?:join|be part|contribute"
        r"|work (?:with|on|for)|bring|help (?:with|the|your|lead|build|make|grow|shape|run))\b",
        r"\bhope (?:I can|I could|I will|I'll|to) (?:join|be part|contribute|work|help)\b",
        r"\b(?:want|proud|honou?red|privileged) to (?:join|be part|be on|contribute|work|bring|help|learn|grow"
        r"|start)\b",
    ),
    "structure.invite-contact": (
        r"\blet me know\b", r"\bfeel free\b", r"\b(?:don't|do not) hesitate\b",
        r"\bhappy to (?:provide|share|send|answer|talk|discuss|chat|go|walk|help|clarify|expand)\b",
        r"\bglad to (?:provide|share|send|answer|talk|discuss|chat|go|walk|help|clarify|expand)\b",
        r"\bif you(?:'d| would)? (?:need|have|like|want|require|wish)\b", r"\breach (?:out|me)\b",
        r"\bat your disposal\b", r"\bshould you (?:need|have|require|wish|want)\b",
        r"\b(?:get|be|keep) in touch\b", r"\banything (?:else|further|more) (?:you need|you'd like|I can)\b",
        r"\bin case (?:of|you have) (?:any )?(?:questions|queries)\b",
        r"\bcontact me\b", r"\b(?:any|further|other|more) (?:information|questions|details)\b",
        # an offer to send something: "If it would be useful, I can send the write-up"
        r"\bI (?:can|could|would be happy to|'d be happy to|would be glad to|'d be glad to|will|'ll|am happy to"
        r"|'m happy to) (?:also )?(?:send|share|forward|provide|write up|walk you through|put together)\b",
        r"\bif (?:it|that|this) (?:would be|is|'s|would|could be) (?:useful|helpful|of use|of interest|help)\b",
    ),
    "structure.timeline": (
        r"\byou(?:'d| had)? (?:mentioned|said|expected|hoped|indicated|estimated|anticipated|planned|wrote)\b",
        r"\bby (?:the )?\d{1,2}(?:st|nd|rd|th)\b",
        r"\b(?:the|your) (?:timeline|time ?frame|schedule|estimate)\b",
        r"\b(?:expected|hoped|planned|aimed|aiming|hoping|expecting) to (?:have|hear|make|share|decide|finish|wrap)\b",
        r"\bby (?:last |this )?(?:monday|tuesday|wednesday|thursday|friday|the end of|end of|mid-)\b",
        r"\b(?:within|in) (?:a|one|two|three|\d+) (?:business )?(?:days?|weeks?)\b",
        r"\b(?:last|this past|earlier this) week\b",
        r"\b(?:an?|another) (?:\w+ )?offer\b",  # writing because of another offer: the reason is the offer
    ),
    "structure.ask": (  # a question, or an ask in other words ("any update would be great")
        r"\?", r"\b(?:could|would|can) you (?:let me know|share|tell|give)\b",
        r"\b(?:grateful|glad|thankful|appreciative) (?:for|of) (?:any|an|a quick|a short) "
        r"(?:update|news|word|information|insight|sense|note)",
        r"\bappreciate (?:any|an|hearing|knowing|a quick|a short|a brief) (?:update|news|word|"
        r"information|insight|from|about|where|how|whether|if|when|note|reply)",
        r"\bwelcome (?:any|an) (?:update|news|word)",
        r"\b(?:any|an) (?:update|news|word|information)s?\b[^.?!\n]{0,60}?\b(?:would be|is|will be) "
        r"(?:great|welcome|appreciated|helpful|wonderful|lovely|much appreciated|very welcome)",
        r"\b(?:love|like|glad|happy|keen|grateful|pleased) to (?:hear|know|learn) (?:where things stand|"
        r"how things (?:stand|are)|about (?:the|any|your|next)|any (?:news|update)|if|whether|when|what"
        r"|where|how)",
        r"\b(?:let|keep) me know (?:where|how|when|if|whether|about|what)\b",
        r"\bwonder(?:ing|ed)? (?:if|whether) (?:there|you)\b",
        # an indirect ask: "I wanted to ask whether there is any update", "check in and see if there's news"
        r"\b(?:ask|see|check|find out|know|enquire|inquire|learn|hear)(?: \w+)? (?:if|whether)\b",
        r"\b(?:see|check|ask|know|hear|learn|find out) (?:where|how) (?:things|it|matters|the (?:process|decision|role))"
        r" (?:stands?|are|is|went)\b",
        r"\bask(?:ing)? (?:for|about) (?:an?|any|the) (?:update|news|status|timeline|decision|next steps?)\b",
        r"\blook(?:ing)? forward to hearing (?:from you )?(?:about|where|when|how|whether|if|any|more"
        r"|what|news|on)\b",
    ),
    "structure.feedback": (
        r"\b(?:went|go|going) (?:well|smoothly|fine|great)\b",
        r"\b(?:interview|conversation|meeting|chat|call|session)s? with\b",
        r"\b(?:enjoyed|liked) (?:meeting|talking|speaking)\b", r"\bfeedback\b",
        r"\bI (?:felt|think|thought)\b",
    ),
    # a word of thanks or good wishes anywhere, sign-off included ("Kind regards", "Best wishes")
    "structure.courtesy": (
        r"\bthank", r"\bthanks\b", r"\bcheers\b", r"\bgrateful\b", r"\bgratitude\b", r"\bappreciat",
        r"\bhope (?:you|your|this|things|all|the|everything|it)\b", r"\bpleasure\b", r"\bbest wishes\b",
        r"\ball the best\b", r"\bwarm(?:ly| regards| wishes)\b", r"\b(?:kind|best|warm|many) regards\b",
        r"(?m:^best,?$)", r"\bkind of you\b", r"\bplease\b[^.?!\n]{0,60}\b(?:when you (?:can|have)|if (?:you|it)|whenever)\b",
        r"\b(?:have a|enjoy (?:the|your)) (?:good|great|nice|lovely) (?:day|week|weekend)\b",
    ),
    "structure.keep-in-touch": (
        r"\b(?:keep|stay) in touch\b", r"\bfuture (?:roles|openings|opportunities|positions|openings)\b",
        r"\bkeep me in mind\b", r"\b(?:stay )?connected\b", r"\bin the future\b",
        r"\bcross paths\b", r"\bwork together\b", r"\bpaths cross\b",
        r"\b(?:similar|other|new) (?:roles|openings|opportunities|positions)\b", r"\bbe considered\b",
    ),
    "structure.where-met": (
        r"\b(?:met|meet|meeting|spoke|speak|speaking|talk|talked|talking|interview\w*|chat\w*"
        r"|conversation|call)\b",
        r"\byour help (?:with|on|during|throughout)\b",
        r"\b(?:the|my|our) (?:[\w-]+ )?(?:process|application|role|position|opening|event|meetup|conference"
        r"|webinar|panel|fair|workshop|onsite|course|project)\b",
    ),
}
INTEREST_CUES = STRUCTURE_CUES["structure.interest"]
# structure.detail, failing every cue, still counts a concrete noun phrase: "the/your" and two
# words, neither a function word, at least one outside this stock vocabulary of thank-you notes
# ("the flood defence scheme", "the level editor" are details; "the whole process" is not).
DETAIL_PHRASE = r"\b(?:the|your|our|its|their) ([a-z][a-z'-]+) ([a-z][a-z'-]+)\b"
GENERIC_WORDS = frozenset("""
    a an the and or but of to in on at for with from by about as into over after before than
    i me my you your we our us it its they their them he she his her this that these those
    is are was were be been being am has have had do does did will would can could should may
    might must shall not no so very really just also too more most much many other same own
    all any each every some such whole entire next last first new great good nice wonderful
    lovely kind warm pleasant helpful useful interesting exciting fantastic excellent amazing
    time times opportunity opportunities chance role roles position positions job jobs post
    vacancy opening interview interviews interviewing process conversation conversations chat
    discussion discussions meeting meetings call calls talk team teams company companies
    organisation organization business firm people staff everyone hiring manager managers
    recruiter recruiters panel day today yesterday morning afternoon evening week weeks
    consideration support help insight insights information details detail questions question
    answer answers application applications candidate candidates skills skill experience
    experiences background career steps step things thing way ways lot bit part work future
    today's yesterday's office offices site culture values mission vision goals
""".split())
GREETING_SKIP = frozenset(
    "team all everyone there folks hiring committee sir madam and mr mrs ms miss dr prof "
    "professor recruiting talent people friends".split())


def markdown() -> str:
    """docs/lint-rules.md, generated so it cannot drift from the rules (a test compares)."""
    out = [
        "# `followup lint` rules",
        "",
        "Generated from `assistant/lint/rules.py` by",
        "`python -c \"from assistant.lint.rules import markdown; print(markdown(), end='')\" > docs/lint-rules.md`;",
        "`tests/test_lint.py` fails when this file is out of date.",
        "",
        "Severity decides the exit code: any `error` exits 1; warnings and info exit 0; a draft",
        "that cannot be read exits 2. Quoted history and the signature are not linted (except for",
        "placeholders, which go out with the signature). Rules marked *thread* run only with",
        "`--thread THREAD` (or a `LintContext` from the API). Soft phrases weigh 0.5 and fire only",
        "together, so one \"following up\" in a good email stays clean.",
        "",
        "## What is linted",
        "",
        "- **Plain text**: the whole file, less quoted history (`>` lines, \"On ... wrote:\", Outlook",
        "  header blocks) and the signature (after `-- `, or the short lines after a sign-off).",
        "- **An email** (`.eml`, or stdin that starts with mail headers such as `From:`, `Subject:`,",
        "  `Date:`, `X-...`): the headers are never prose. The body is read as above; the subject",
        "  gets the `subject.*` rules only, and only a subject you wrote: a reply or forward (`Re:`,",
        "  `Fwd:`) keeps the thread's subject, which is theirs (placeholders are still reported).",
        "  Line and column numbers are those of the file, so an",
        "  editor can jump to them. A MIME email is decoded: its first text/plain part is linted",
        "  (else its text/html part, as text). Where that part is quoted-printable or base64, the",
        "  file has no such lines: positions are then lines of the *decoded* text, and the report",
        "  says so (`note:` line; in JSON `\"positions\": \"decoded body\"`). A file must be UTF-8,",
        "  unless it is an email: then its 8-bit text is read in the charset it declares.",
        "- **Placeholders** (`[Your Name]`, `<JOB TITLE>`, `{{name}}`, `____`, `TODO`) are found first,",
        "  in the body, subject, To/Cc and signature, and reported once each; the text inside them is",
        "  then masked, so it is never read as prose (\"you promised\" in `[Include any follow-up",
        "  information you promised]` is not an accusation; `<JOB TITLE>` is not shouting).",
        "- **Nothing to lint** (an empty file, only whitespace, only headers, only quoted history) is",
        "  the error `structure.empty`, never a clean report.",
        "- **Kinds**: `linkedin` is a connection note (200 characters, 300 with Premium);",
        "  `linkedin-message` is a message to someone already connected: no character limit, the",
        "  word band of an email. `--kind auto` calls a short one-paragraph text that asks to connect",
        "  a note, and a longer LinkedIn text, or one that thanks them for connecting, a message; an",
        "  email is never either.",
        "- **Large files** lint in time linear in their size (`bench/lint_bench.py` reports seconds",
        "  per MB and peak memory at 1 and 5 MB).",
        "",
        "## What changed (issue 10)",
        "",
        "- Emails are read as emails (above): headers used to be read as prose (a `Date:` line became",
        "  a long sentence; `X-Followup-Draft` counted as a chasing phrase).",
        "- New rules: `subject.length`, `subject.caps`, `subject.urgency`, `subject.exclamation`,",
        "  `structure.empty`, `placeholder.blank`; new threshold `max_subject_chars`, and",
        "  `max_words_linkedin_message` for the new kind `linkedin-message`.",
        "- Placeholders: brackets up to 80 characters, `<ALL CAPS WORDS>`, `<your ...>`, a whole",
        "  `{{ ... }}` as one finding, and blanks of underscores; each is reported once and masked.",
        "- `structure.ask` accepts an ask in other words: \"Any updates you can share would be",
        "  great\", \"I'd love to hear where things stand\", \"I'd be grateful for any news on the",
        "  timeline\", \"Please let me know where things stand\", \"I was wondering if there is any",
        "  news\".",
        "- The structure rules read the ways careful candidates really write: an indirect ask (\"I",
        "  wanted to ask whether there is any update\", \"check in and see if there's any news\"); a",
        "  detail as what they told you (\"happy to learn that your team is moving ... to Kotlin\",",
        "  \"hearing how the team shares ...\"), a concrete part of their work (\"the warehouse slotting",
        "  problem\"), a number or a technical term, or any noun phrase a stock note does not have",
        "  (\"the flood defence scheme\": `the`/`your` and two words, one outside `GENERIC_WORDS`); a",
        "  check-in written because of another offer needs no time frame of theirs; interest as \"exactly the kind of work I hope to do",
        "  next\"; an offer to send a write-up as an invitation; \"your help with the ... process\" as",
        "  where you met. `structure.detail` stays a warning where the note is generic.",
        "- `tone.deadline` fires only on a deadline set on the reader (\"please reply by\", \"let me",
        "  know by\", \"I need an answer by\"), never on the candidate's own (\"an offer, which I need",
        "  to answer by 20 March\"; \"they have asked for my answer by 30 September\").",
        "- `tone.exclamation`: `max_exclamations` is now 2 (\"Hope you're well! ... Thanks!\" is",
        "  friendly), and a run of marks (\"!!\") fires at any count unless the limit is raised.",
        "- New rules for classes that were caught only by luck or not at all: `tone.pressure`",
        "  (another offer used to hurry them), `tone.blame` and `tone.reconsider` (replies to a",
        "  rejection), `tone.negotiating` (terms in a thank-you), `tone.slang`, `tone.emoji` (threshold",
        "  `max_emoji`), `timing.early-in-text` (the draft itself says their time frame has not",
        "  passed); `tone.guilt` also reads \"I turned down two other offers\", and",
        "  `tone.back-reference` \"As I haven't heard back from you\".",
        "- `--kind auto` tells a rejection reply (\"didn't work out\", \"apply again\") from a thank-you,",
        "  a status check with no ask (\"It has been two weeks since my interview\") from other text,",
        "  and a one-line LinkedIn note with an inline greeting and sign-off from a thank-you, also",
        "  when it runs over the character limit.",
        "- Phrase families and kind cues are each scanned as one alternation: at one spot the first",
        "  phrase that matches counts (hits never overlap), which is what the weights assumed.",
        "",
        "## Switching rules off",
        "",
        "- For one draft: a line `<!-- followup: disable tone.exclamation, length -->` anywhere in",
        "  the draft (rule ids or whole categories, separated by commas or spaces). The draft writer",
        "  removes these lines before saving (`assistant.lint.strip_directives`).",
        "- For every draft, in `config.toml`:",
        "",
        "```toml",
        "linkedin_note_limit = 300      # LinkedIn Premium; 200 otherwise",
        "[lint]",
        "disable = [\"tone.exclamation\", \"length\"]",
        "[lint.thresholds]",
        "max_words = 180",
        "```",
        "",
        "## Rules",
        "",
        "| id | category | severity | kinds | why | source |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES:
        kinds = ", ".join(r.kinds) if r.kinds else "all"
        if r.needs_thread:
            kinds += " (*thread*)"
        out.append(f"| `{r.id}` | {r.category} | {r.severity} | {kinds} | {r.why} | {r.source} |")
    out += ["", "## Thresholds (`[lint.thresholds]`)", "", "| name | default |", "|---|---|"]
    for name, value in THRESHOLDS.items():
        out.append(f"| `{name}` | {value:g} |")
    out += ["", "## Phrase families", "",
            "Each pattern is a case-insensitive regular expression with its weight; a rule fires when",
            "the weights add up to its minimum (and, for density rules, at the given hits per 100 words).",
            ""]
    for p in PHRASES:
        density = f", at least {p.per_100_words:g} per 100 words" if p.per_100_words else ""
        out.append(f"### `{p.rule}` (fires at weight {p.min_weight:g}{density})")
        out.append("")
        for rx, w in p.patterns:
            out.append(f"- `{rx.replace('|', '&#124;')}` ({w:g})")
        out.append("")
    out += ["### `subject.urgency` (any one fires; the subject only)", ""]
    out += [f"- `{rx.replace('|', '&#124;')}`" for rx in SUBJECT_URGENCY]
    out += ["", f"A subject that starts with `{REPLY_PREFIX.replace('|', '&#124;')}` (a reply or forward) "
            "is the thread's: no `subject.*` rule judges it.", ""]
    return "\n".join(out)
