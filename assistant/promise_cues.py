"""Cue phrases for find_promise (PROMISES.md rules 13, 14, 16-21), kept as data.

Each tuple holds lowercase regular expressions; a comment says why each group is there.
`assistant.promises` joins each tuple into one pattern. Patterns stay free of nested
unbounded repeats, so that reading a long email stays linear.
"""


# Rule 14: the end of their process, not the reply itself. These count when nothing in
# the sentence says when the candidate hears ("we hope to have everything finalised early
# next month") and give way when something does ("interviews wrap up this month and we'll
# notify candidates in early April").
PROCESS_ENDS = (
    # hedged timelines: "the process usually takes two weeks"
    r"\b(?:process|review|selection|recruitment|hiring|screening)\s+(?:\w+\s+){0,3}?takes?\b",
    # "management wants someone in place by the 20th"
    r"\b(?:wants?|wanted|needs?|needed|hopes?|hoping|plans?|planning|aims?|aiming|expects?)\s+"
    r"(?:to\s+(?:have|get)\s+)?(?:someone|somebody|a\s+(?:candidate|hire|person)"
    r"|the\s+(?:role|position|job|vacancy|seat))\s+(?:\w+\s+)?(?:in\s+place|filled|hired"
    r"|on\s*board|in\s+post|selected|chosen|signed|appointed)\b",
    r"\b(?:fill|filling)\s+(?:the|this)\s+(?:role|position|job|vacancy|post)\b",
    # finishing the process: "aiming to finalise things by mid-month", "wrapped up in two weeks"
    # (the object goes with the verb: "wrap up final interviews" is not an interview date)
    r"\b(?:complete|completing|conclude|concluding|finish|finishing|close\s+out|wrap(?:ping)?\s+up)\s+"
    r"(?:the\s+|our\s+|this\s+|all\s+)?(?:\w+\s+)?(?:shortlisting|selection|process|reviewing|review|reviews"
    r"|interviews|recruitment|hiring|assessments|search)\b",
    r"\b(?:finali[sz](?:e|ed|es|ing)|wrap(?:ping|s)?\s+(?:things\s+|everything\s+|it\s+)?up|wrapped\s+up)\b",
    # the process as subject: "the shortlisting process should conclude within a fortnight"
    r"\b(?:shortlisting|selection|process|recruitment|hiring|search)\s+(?:\w+\s+)?(?:should|will|would|is\s+expected\s+to"
    r"|is\s+due\s+to|is\s+set\s+to|to)\s+(?:\w+ly\s+)?(?:be\s+)?(?:conclude[sd]?|close[sd]?|finish(?:ed)?|end|complete[sd]?"
    r"|wrap\s+up|wrapped\s+up|finali[sz]ed)\b",
    # choosing the new person: "aiming to name our new head of design by mid-November"
    r"\b(?:name|appoint|hire|select|choose|pick|confirm)\s+(?:our|their|the|a|its)\s+new\b",  # not "announce our new office"
)

# Rule 14: the company says when the candidate will hear back. "me" forms are there
# for the candidate's own debrief ("she said they'd get back to me within two weeks").
HEARING_BACK = (  # longer cues first: at one place the first that matches wins
    # "the outcome of your interview": the interview named here is not the date's event
    r"\b(?:outcomes?|results?|feedback|decisions?|status|news)\s+(?:of|on|from|regarding|about"
    r"|following|after)\s+(?:the|your|my|her|his|their|our|this|that)\s+(?:\w+\s+)?"
    r"(?:interviews?|applications?|assessments?|meetings?|visits?)\b",
    r"\brevert(?:ing)?\b(?!\s+to\s+(?:the|our|your|a|an)\b)",  # "we aim to revert within 3 business days"
    r"(?:get|getting|come|coming|revert|reverting|circle|circling|report|reporting)\s+back\s+to\s+"
    r"(?:you|me|everyone|(?:all\s+)?(?:the\s+)?(?:candidates|applicants))\b",
    r"get(?:ting)?\s+back\s+in\s+touch",
    r"\bbe\s+(?:back\s+)?in\s+(?:touch|contact)\b",
    r"\b(?:we|they|she|he|i)(?:'re|'m|\s+are|\s+am|'s|\s+is)\s+(?:\w+\s+)?(?:back\s+)?in\s+(?:touch|contact)\b",
    # "circle back", "get back" without an object: "we're hoping to circle back by end of week"
    r"\b(?:circle|circling|get|getting|come|coming|report|reporting)\s+back\b(?!\s+(?:to|from)\s+(?:him|her|them|us)\b)",
    r"\b(?:will|'ll|would|'d|shall|should|to|going\s+to)\s+(?:\w+\s+)?get\s+in\s+touch\b",
    r"(?:get|getting)\s+in\s+touch\s+with\s+(?:you|me)\b",
    r"\breach(?:ing)?\s+out\s+to\s+(?:you|me|everyone|(?:all\s+)?(?:the\s+)?(?:candidates|applicants))\b",
    r"\b(?:we|i|they|she|he)(?:'ll|'d|\s+will|\s+would|\s+shall|\s+can)\s+(?:\w+\s+)?reach\s+out\b",
    # any subject: "our recruiters will reach out within 4 weeks if there's a fit"
    r"\b(?:will|'ll|would|'d|shall|should|to|going\s+to)\s+(?:\w+\s+)?reach\s+out\b",
    r"\b(?:contact|call|email|e-mail|phone|ring|update|inform|notify|advise)\s+(?:you|me)\b",
    r"\bfollow(?:ing)?\s+up\s+with\s+(?:you|me)\b",
    r"\blet\s+you\s+know\b",
    r"(?:they|she|he|we|you)(?:'d|'ll|\s+would|\s+will|\s+should)\s+let\s+me\s+know\b",
    r"\bkeep\s+(?:you|me)\s+(?:posted|updated|informed|in\s+the\s+loop)\b",
    r"\bhear(?:d|ing)?\b(?!\s+(?:back\s+)?from\s+you\b)",  # "hear from you": the writer hears
    r"\b(?:decisions?|feedback|outcomes?|updates?|answers?|responses?|news|verdicts?|results?"
    r"|next\s+steps?)\b",
    r"\bdecid(?:e|ing)\b",
    r"\bmake\s+(?:an?\s+|our\s+|the\s+|a\s+final\s+|final\s+|their\s+)?(?:decisions?|offers?|call"
    r"|selections?|choice|appointments?|hire)\b",
    r"\b(?:making|make)\s+(?:the\s+|their\s+|our\s+|final\s+|phone\s+)*(?:calls|offers)\b",  # "they'd be making calls"
    r"\bin\s+a\s+position\s+to\b",
    r"\b(?:we|i|they|he|she)(?:'ll|'d|\s+will|\s+would|\s+should|\s+can|\s+aim\s+to|\s+hope\s+to"
    r"|\s+expect\s+to|\s+plan\s+to|\s+intend\s+to)\s+(?:be\s+able\s+to\s+)?(?:confirm|respond|reply)\b",
    r"\byou(?:\s+will|'ll|\s+should|\s+can|\s+may|\s+might)\s+(?:\w+\s+)?(?:receive|get)\b",
    # Reported speech (rule 21): how candidates write down what they were told.
    r"\b(?:we|they|she|he)(?:'d|'ll|\s+would|\s+will|\s+should|\s+shall|\s+(?:was|were|is|are)\s+going\s+to)"
    r"\s+(?:\w+\s+)?(?:call|phone|ring|e-?mail|contact|text|write\s+to|follow\s+up|circle\s+back"
    r"|touch\s+base)\b",
    r"\b(?:(?:will|would|\w+'ll|\w+'d|should|shall|to|may|might|can|could|(?:is|are|was|were)\s+going\s+to)"
    r"\s+be|are|is|get|gets)\s+(?:\w+ly\s+)?(?:contacted|called|phoned|e-?mailed|notified|informed|told|advised|sent"
    r"|delivered|mailed|announced|communicated|released|posted|hearing|getting|receiving"
    r"|giving\s+(?:you|me)|sending\s+(?:you|me))\b",
    r"\b(?:give|giving|gives)\s+(?:you|me)\s+a\s+(?:call|ring|buzz|shout)\b",
    r"\b(?:drop|dropping|shoot|shooting|ping|pinging|text|texting|message|messaging|buzz|write|writing)\s+(?:you|me)\b",
    r"\b(?:send|sending|sends)\s+(?:you|me)\s+(?:guys\s+|all\s+)?(?:an?|the|your|my|our)\s+(?:\w+\s+)?"
    r"(?:letter|e-?mail|offer|note|message|update|decision|contract|feedback)\b",
    r"\bexpect(?:ing)?\s+(?:something|news|word|to\s+hear)\b",  # "so expect something next Tuesday"
    r"\bexpect(?:ing)?\s+(?:a|an|the|our|my)\s+(?:(?:phone|follow-?up)\s+)?"
    r"(?:call|e-?mail|letter|offer|invitation|invite|message|ring)\b",
    r"(?:\b(?!i')\w+'d|\b(?!i')\w+'ll|\bwould|\bwill|\bshould|\bshall|\bto|\bcan|\bgoing\s+to)\s+let\s+"
    r"(?:me|him|her|them|everyone|(?:all\s+)?(?:the\s+)?(?:candidates|applicants))\s+know\b",
    r"\b(?:we|they|she|he|you)(?:'ll|'d|\s+should|\s+will|\s+would|\s+hope\s+to|\s+expect\s+to)"
    r"\s+(?:\w+\s+)?know\b",
    r"\bi(?:'d|\s+should|\s+would)\s+(?:\w+\s+)?know\b",  # "I should know by Thursday": told so
    # hedged timelines in the present: "the panel generally responds within 3-5 days"
    r"\b(?:we|they|she|he|team|panel|company|manager|recruiters?|hr|employer|committee|board)\s+"
    r"(?:\w+ly\s+)?(?:respond|responds|reply|replies)\b",
    r"\b(?:an?|the|our)\s+offer\s+(?:out\s+)?to\s+you\b",  # "hoping we can get an offer to you by next week"
    r"\boffers?\s+(?:will\s+|should\s+|would\s+)?(?:go\s+|goes\s+|going\s+|be\s+sent\s+)?out\b",  # "an offer out by the 27th"
    r"\b(?:inform|notify|contact|call|ring|text|tell|e-?mail|phone|update|advise|write\s+to|reach\s+out\s+to)\s+"
    r"(?:the\s+|all\s+|our\s+)?(?:\w+\s+)?"
    r"(?:candidates?|applicants?|finalists?|interviewees|people|everyone|shortlist)\b",
    # choosing the person: "hope to announce the successful candidate next month"
    r"\b(?:announce|announcing|name|naming|appoint|appointing|select|selecting|choose|choosing|pick|picking"
    r"|confirm|confirming)\s+(?:the|a|our|their)\s+(?:\w+\s+)?(?:candidates?|hire|person|appointee|finalists?"
    r"|shortlist|appointment|selection|choice|decision|outcome|results?)\b",
    r"\b(?:was|were|been|got|being)\s+told\b(?!\s+to\b)",
    r"(?<!\bi\s)told\s+(?:me|us|her|him|them)\b(?!\s+to\b)",  # "I told her": mine (rule 21)
    r"(?<!\bi\s)(?:promised|assured)\b",  # "I promised to send my references": mine
    # quoted promises: "the email said 'early next week'"
    r"\b(?:said|says|mentioned|added|replied|wrote|read|words\s+were)\s*[,:]?\s*[\"'“‘]",
    # a retold delay: "they need a few more days to get sign-off"
    # ("we'll actually need until next Wednesday", "they've asked for a few more days")
    r"\b(?:they|she|he|we|client|company|team|manager|panel|employer|hr|business|committee)"
    r"(?:'ll|'d|'ve|\s+will|\s+would|\s+have|\s+has)?\s+(?:still\s+|just\s+|now\s+|\w+ly\s+)?"
    r"(?:need|needs|needed|want|wants|wanted|require|requires|requested|asked)"  # ("for" leads the duration)
    r"(?=(?:\s+for)?\s+(?:(?:a|an|few|couple|of|the|\d+|one|two|three|four|five|ten)\s+){0,3}(?:more|extra|additional"
    r"|further|another)\b|(?:\s+for)?\s+(?:another|until|till)\b)",
    # a promise retold as a bare fragment: "A couple of weeks, tops, she said."
    # (who said it: a pronoun, "the hiring coordinator", or a name; never "I", "you" or "we")
    r"\b(?:she|he|they|(?:the|my|our|their|her|his)\s+(?:[\w-]+\s+){0,2}?[\w-]+|(?!(?:i|you|we)\b)\w+)\s+(?:said|says"
    r"|told\s+(?:me|us)|reckoned|reckons|estimated|replied|added)(?=\s*(?:[.;!]|,(?!\s*[\"“‘'])|$))",  # ', "Monday latest."' is a quote: below
    r"\b(?:according\s+to|per)\s+(?:the|my|our|their|her|his)\b",
    # how long it takes, in days or more: "she said it could take up to three weeks"
    r"\b(?:it|this|that|things|everything|the\s+(?:decision|process|sign-?off|approval|review))(?:'ll|'d|\s+will"
    r"|\s+would|\s+could|\s+might|\s+may|\s+should|\s+can|\s+is\s+going\s+to)\s+(?:\w+ly\s+)?take\b"
    r"(?=\s+(?:[\w-]+\s+){0,3}?(?:days?|weeks?|fortnights?|months?)\b)",
    # "they said it'd be a week to ten days"
    r"(?<!\bi\s)\b(?:said|says|told\s+(?:me|us))\s+(?:that\s+)?(?:it|that)(?:'d|'ll|\s+would|\s+will|\s+should|\s+could"
    r"|\s+might)\s+(?:\w+\s+)?(?:be|take)\b",
    # an estimate retold: "he reckoned a fortnight, three weeks tops"
    r"\b(?:she|he|they|recruiter|manager|interviewer|agent|hr)\s+(?:reckoned|reckons|estimated|estimates|guessed"
    r"|guesses|figured|figures)\b",
    # asking the candidate for time is promising an answer after it: "give us ten days or so"
    r"\b(?:give|giving)\s+(?:us|them|him|her|it)\b(?=\s+(?:until|till|(?:another|an?\s+(?:few|couple|week|fortnight"
    r"|month|day)|\w+)\b[^.,;]{0,15}?\b(?:days?|weeks?|fortnights?|months?)\b))",
    # the company's second verb: "a recruiter will review your profile and reach out within..."
    r"\band\s+(?:then\s+)?(?:reach\s+out|respond|reply|follow\s+up)\b",
    *PROCESS_ENDS,
)

# Rule 13: asking the candidate for something. These reach to the end of their clause,
# so "please get back to me by Friday" or "I'd appreciate an update by Friday" is no promise.
REQUESTS = (
    r"\bplease\b(?!\s+(?:note|be\s+(?:aware|advised|assured)|rest\s+assured|bear|feel\s+free"
    r"|do\s+not\s+hesitate|don't\s+hesitate|accept|allow|expect|know|understand|excuse))",
    r"\bkindly\b",
    r"\b(?:could|can|would|will)\s+you\b",
    r"\bif\s+you\s+(?:could|can|would)\b",
    r"\b(?:i|we)(?:'d|\s+would)\s+(?:really\s+)?(?:appreciate|welcome|be\s+grateful)\b",
    r"\bi(?:'d|\s+would)\s+(?:really\s+)?(?:like|love|prefer)\s+to\s+(?:hear|know|receive|get(?!\s+back\s+to\s+you))\b",
    r"\b(?:i|we)\s+(?:appreciate|welcome)\b",
    # the candidate's own hopes: "I hope to hear by Friday"
    # ("we're hoping to get offers out" is theirs: what they get out or done is their process)
    r"\bhop(?:e|ed|ing)\s+to\s+(?:hear|receive|get(?!\s+back\s+to\s+you)"
    r"(?!\s+(?:\w+\s+){0,2}(?:out|done|finali[sz]ed|wrapped\s+up|signed\s+off|approved|sorted)\b))\b",
    r"\blook(?:ing)?\s+forward\s+to\s+(?:hearing|receiving|getting)\b",
    r"^\s*(?:(?:really|so|still|just|\w+ly)\s+)?hoping\s+(?:they|she|he|it|the|to\s+hear|for|that|i)\b",
    r"\b(?:praying|here's\s+hoping|(?:it\s+)?would\s+be\s+(?:great|nice|good|lovely|amazing)\s+if"
    r"|it'd\s+be\s+(?:great|nice|good|lovely)\s+if|wish(?:ing)?\s+(?:they|she|he))\b",
    r"\b(?:fingers\s+crossed|hopefully\s+i|i\s+(?:really\s+|do\s+|just\s+)?hope\s+(?:i|we|they|she|he)"
    r"|i(?:'m|\s+am|\s+was|\s+keep|\s+kept|'ve\s+been|\s+have\s+been)?\s+(?:really\s+|just\s+|still\s+)?hoping"
    r"(?!\s+we\b[^.,;]{0,40}?\byou\b)"  # "I'm hoping we can get an offer to you": theirs
    r"|i\s+wish)\b",
    # ("Mark let me know they'd circle back by Friday" reports, it does not ask)
    r"\blet\s+(?:us|me)\s+know\b(?!\s+(?:that\s+)?(?:they|he|she|we|it)(?:'d|'ll|\s+would|\s+will|\s+were|\s+are))",
    r"\bget\s+back\s+to\s+us\b",
    # retold requests: "requested she give her decision by Monday", "asked me to reply by ..."
    r"\b(?:request(?:ed|s)?|asked|told|want(?:ed|s)?|needs?|needed)\s+(?:that\s+)?"
    r"(?:i|she|he|they|you|me|her|him|them)\s+(?:to\s+)?(?:give|send|return|reply|respond|confirm"
    r"|decide|make|let|submit|sign|accept|complete|get\s+back)\b",
    r"\basked\s+(?:(?:her|him|them|you)\s+)?(?:if|whether)\b",  # "I asked her if Monday would work"
    # a promise recalled to say it no longer holds (rule 15): "I know we said Monday, but..."
    r"\b(?:i|we)\s+know\s+(?:that\s+)?(?:we|i)\s+(?:said|told\s+you|promised)\b",
    r"\b(?:although|though|even\s+though)\s+(?:we|i)\s+(?:had\s+)?(?:said|promised|told\s+you)\b",
    r"\b(?:we|i)\s+(?:had\s+)?(?:originally|initially|previously)\s+(?:said|promised|told\s+you|planned)\b",
)

# Rule 13: other words that make a date near them something other than a promise.
NOT_HEARING_BACK = (
    # deadlines for the candidate
    r"\byour\s+(?:availability|response|reply|answer|decision|feedback|confirmation|references?"
    r"|documents?|forms?|cv|resume|portfolio|test|assignment|task|submission)\b",
    r"\bdeadline\b",
    r"\b(?:is|are|be|was)\s+due\b",
    r"\bdue\s+(?:by|on|back|date)\b",
    r"\b(?:return|returned|submit|submitted|complete|completed|sign|signed|upload|fill\s+(?:in|out)"
    r"|send\s+(?:us|me|it|them|back|over|through)|provide\s+us)\b",
    r"\b(?:close|closes|closed|closing|expire|expires|expiry|valid)\b",
    # interview durations
    r"\ballow\b", r"\b(?:lasts?|lasting)\b", r"\bduration\b", r"\bsessions?\b",
    r"\b(?:minutes?|mins?)\b",
    # start dates
    r"\bstart(?:s|ed|ing)?\b", r"\bjoin(?:s|ed|ing)?\b", r"\bonboard\w*", r"\bcommenc\w*",
    r"\bbegin(?:s|ning)?\b", r"\bfirst\s+day\b", r"\bnotice\s+period\b",
    # other events, whose dates are theirs and not the reply's
    r"\binterview(?:s|ed|ing)?\b", r"\bmeet(?:s|ing|ings)?\b", r"\bmet\b", r"\bassessment\b",
    r"\b(?:on-?site|visit)\b",
    r"\b(?:away|out\s+of\s+(?:the\s+)?office|on\s+(?:leave|holiday|vacation)|travell?ing)\b",
    # the past
    r"\b(?:yesterday|last|ago|earlier)\b",
    # review periods and events that take place: their dates are not the reply's
    r"\b(?:reviewed|reviewing|review\s+period)\b", r"\b(?:take|takes|taking)\s+place\b",
    r"\bbe\s+held\b",
    # the candidate's own decision, and news about another candidate
    # ("I'd have my decision by Friday" is theirs, though)
    r"(?<!\bhave\s)(?<!\bget\s)(?<!\breceive\s)(?<!\bhear\s)\bmy\s+(?:own\s+)?(?:final\s+)?"
    r"(?:decision|answer|choice|mind)\b",
    r"\b(?:offer|offered|offering)\s+(?:her|him|them|someone\s+else|another)\b",
    r"\b(?:other|another|competing|rival)\s+(?:offers?|company|companies|firm|employer|job|role)\b",
    r"\b(?:another|other|an\s+internal|a\s+(?:very\s+)?strong(?:er)?)\s+(?:candidates?|finalists?|applicants?"
    r"|interviewees?)\b",
    # someone else hears: "he told the other finalist she'd hear by Monday"
    r"\b(?:she|he)(?:'d|'ll|\s+would|\s+will|\s+should|\s+might|\s+could)\s+(?:probably\s+|likely\s+"
    r"|definitely\s+)?hear(?:\s+back)?\b",
    # a date they did not give: "she didn't give a date like next week or anything"
    r"\b(?:didn't|did\s+not|never|wouldn't|would\s+not|couldn't|refused\s+to)\s+(?:even\s+)?(?:give|gave"
    r"|mention|mentioned|offer|offered|commit|committed|name|named|say|said|put)\b",
    # a keep-in-touch after a no: "I'll reach out if anything opens up in the next few months"
    r"\b(?:if|should|when|once)\s+(?:anything|something|(?:a|an|another|any)\s+(?:\w+\s+){0,2}?(?:role|position"
    r"|vacancy|opening|job|opportunity))\s+(?:\w+\s+)?(?:opens|open|comes|come|becomes|become|arises|arise|pops"
    r"|crops|turns|changes|change)\b",
    # the candidate's own decision: "I'll need to make a decision by the 20th"
    r"\bi(?:'ll|\s+will|'d|\s+would|'ve|\s+have|\s+need|\s+must|\s+should)?(?:\s+(?:need|have|got|going))?"
    r"(?:\s+to)?\s+(?:make|give|reach)\s+(?:a|my|the|an|our)\s+(?:final\s+|firm\s+)?(?:decision|call|choice|answer)\b",
    r"\bi(?:'ll|'d|\s+will|\s+would|'ve|\s+have)?\s+(?:have|need|got|going)\s+to\s+(?:(?:probably|just|then|also"
    r"|finally)\s+)?(?:decide|choose|make\s+up\s+my\s+mind|respond|reply|answer|accept|sign)\b",
)

# Rule 21: the candidate's own plans ("then wait a couple of weeks for the answer", "I told
# him I'd get back to him"). Negative cues that, besides, no "for an answer" after the
# date can turn into a promise.
OWN_PLANS = (
    r"\bi(?:'ll|'d|\s+will|\s+would|\s+shall|\s+plan\s+to|\s+intend\s+to|'m\s+going\s+to"
    r"|\s+am\s+going\s+to|\s+need\s+to|\s+have\s+to|\s+must|\s+might)\s+"
    r"(?:(?:probably|just|then|simply|also)\s+)*(?:wait|follow\s+up|chase|nudge|check\s+in|ping"
    r"|get\s+back\s+to\s+(?:him|her|them)|let\s+(?:him|her|them)\s+know|think|decide)\b",
    # "I plan to send a follow-up email next Tuesday", "I'm going to email the recruiter on Monday"
    r"\b(?:i(?:\s+plan\s+to|\s+intend\s+to|'m\s+going\s+to|\s+am\s+going\s+to|'ll\s+probably|\s+will\s+probably"
    r"|\s+might|\s+may|\s+think\s+i'll)|my\s+plan\s+is\s+to)\s+(?:\w+\s+)?(?:send|email|e-mail|write|call|ring"
    r"|phone|contact|reach\s+out|text|message|chase|nudge|follow|ping|check)\b",
    r"\bi(?:'m|\s+am|'ll\s+be|\s+was)\s+(?:thinking\s+(?:of|about)|planning\s+(?:to|on)|considering|going\s+to)\s+"
    r"(?:\w+\s+)?(?:follow|following|send|sending|e-?mail|e-?mailing|call|calling|chase|chasing|nudge|nudging|ping"
    r"|pinging|check|checking|reach|reaching|write|writing|contact|contacting)\b",
    r"\bthen\s+wait\b",
    r"\bi(?:'ll|\s+will|'d|\s+would|'m\s+going\s+to|'m|\s+am)\s+(?:just\s+)?giv(?:e|ing)\s+(?:it|them|him|her)\b",  # "I'll give it until Friday"
    # a deadline given to me, so no 'to decide' after it is theirs: "I've been given until Friday", "the letter gives me until the 31st"
    r"\b(?:i(?:'ve|\s+have|\s+had)?\s+(?:been\s+given|got|have)|gives?\s+me|given\s+me)(?=\s+(?:until|till)\b)",
    r"\bi\s+(?:need|want|would\s+like|'d\s+like)\s+(?:\w+\s+){0,3}?(?:more\s+)?(?:time|days?|weeks?)\b",
)

# Rule 15: a promise recalled in the sentence makes these words its replacement:
# "I originally said end of this week ... let's say Wednesday next week instead".
RECALLS = (
    r"\b(?:said|told\s+you|promised|mentioned|quoted)\b",
    r"\b(?:instead|rather\s+than|originally|initially|previously|change\s+of\s+plans?)\b",
)
CORRECTIONS = (
    # ("for" and "on" lead the date itself, so the cue stops before them)
    r"\blet's\s+(?:say|make\s+(?:it|that)|go\s+with|aim(?=\s+for\b)|call\s+it)\b",
    r"\b(?:it|that|this)(?:'ll|\s+will|'s|\s+is|\s+would)\s+(?:now|instead)\s+(?:going\s+to\s+)?be\b",
    r"\b(?:now|instead)\s+(?:expect|aim(?=\s+for\b)|looking\s+at|be)\b",
    r"\blooking\s+(?:more\s+)?like\b",  # "I said Wednesday before, but it's looking more like Friday now"
    r"\b(?:moved|pushed|pushing|moving|changed|changing|shifted|bumped)\s+(?:it\s+|that\s+|this\s+|things\s+"
    r"|the\s+(?:date|timeline|decision)\s+)?(?:back\s+|out\s+)?to\b",
)

# Rule 21: a promise made to someone else ("my friend who interviewed there was told two
# weeks", "he told the other finalist she'd hear by Monday") is not the candidate's: a
# sentence naming another person gives no promise unless it also says one was made to me.
OTHER_PEOPLE = (
    r"\b(?:my|a|his|her)\s+(?:\w+\s+)?(?:friends?|classmates?|cousins?|brothers?|sisters?|wife|husband|mates?"
    r"|buddy|roommates?|flatmates?|acquaintances?|neighbou?rs?|son|daughter|dad|mum|mom)\b",
    r"\bmy\s+partner\b",  # "a talent partner will get in touch" is theirs
    # "my colleague will be in touch" is a recruiter's; "my colleague who applied" is not
    r"\b(?:my|a)\s+(?:\w+\s+)?(?:colleague|co-?worker)s?\s+(?:who|that|applied|interviewed|also|went|had|got"
    r"|was|were)\b",
    r"\b(?:the\s+other|another|other)\s+(?:\w+\s+)?(?:candidates?|finalists?|applicants?|interviewees?|guy|girl"
    r"|person|people)\b",
)
TO_ME = (
    r"\b(?:told|tell|let|promised|assured|update|call|e-?mail|contact|inform|notify|get\s+back\s+to|reach\s+out\s+to"
    r"|said\s+to|hear|send|give|ring|text)\s+(?:me|us|you)\b",
    r"\b(?:i|you|we)(?:'d|'ll|\s+would|\s+will|\s+should|\s+could|\s+might|\s+can)\b",
    r"\b(?:i|we)\s+(?:was|were|got|get|am|are)\s+told\b",
)
