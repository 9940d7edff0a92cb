"""Rate limits, server errors and failed batch parts: backoff, Retry-After, re-queueing."""

from __future__ import annotations

from tests.gmail_fixtures import gmail, run, run_json, sleeps  # noqa: F401
from tests.test_gmail_scan import local_threads


def test_429_with_retry_after_on_a_single_request(gmail, sleeps):
    gmail.fail("gmail.users.threads.list", 429, retry_after="7")
    assert run_json("threads") == local_threads()
    assert gmail.counts["gmail.users.threads.list"] == 2
    assert sleeps and max(sleeps) >= 7


def test_403_rate_limit_is_retried_but_a_plain_403_is_not(gmail, sleeps):
    gmail.fail("gmail.users.getProfile", 403, reason="userRateLimitExceeded")
    assert len(run_json("threads")) == 11  # the sample's hiring processes
    gmail.fail("gmail.users.history.list", 403, reason="forbidden")
    result = run("threads")
    assert result.exit_code == 2 and "Gmail API error 403" in result.stderr


def test_503_on_the_whole_batch_is_retried(gmail, sleeps):
    gmail.fail("batch", 503, times=2)
    assert run_json("threads") == local_threads()
    assert 4 <= gmail.batches <= 6  # two refusals, then smaller batches (halved), then the attachment
    assert len(sleeps) == 2


def test_failed_parts_of_a_batch_are_requeued_alone(gmail, sleeps):
    gmail.fail("gmail.users.threads.get", 503, times=3, in_batch=True)
    gmail.fail("gmail.users.threads.get", 429, times=2, in_batch=True, retry_after="3")
    assert run_json("threads") == local_threads()
    from assistant.mailbox.gmail import DEFAULT_QUERY

    matched = len(gmail._threads_list({"q": DEFAULT_QUERY, "maxResults": "500"}, {})[2]["threads"])
    assert gmail.counts["gmail.users.threads.get"] == matched + 5  # five parts asked twice
    assert max(sleeps) >= 3


def test_persistent_failure_gives_up_with_one_line(gmail, sleeps):
    gmail.fail("gmail.users.threads.list", 500, times=100)
    result = run("threads")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "Error: Gmail is rate-limiting or failing (500 on gmail.users.threads.list); try again in a few minutes"]


def test_unreachable_api_is_one_line(gmail, sleeps, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_GMAIL_API", "http://127.0.0.1:9/")
    result = run("threads")
    assert result.exit_code == 2 and "Gmail API unreachable" in result.stderr
    assert "Traceback" not in result.output


def test_pacer_waits_when_the_bucket_is_empty():
    from assistant.gmail_transport import Pacer

    now = [0.0]
    waits = []
    pacer = Pacer(units_per_minute=600, burst=100, clock=lambda: now[0], sleep=waits.append)
    for _ in range(10):
        pacer.charge(10)
    assert waits == []
    pacer.charge(50)  # 10 units a second: 5 seconds to earn 50
    assert waits == [5.0]


def test_backoff_grows_and_honours_retry_after():
    import random

    from assistant.gmail_transport import Backoff

    waits = []
    backoff = Backoff(base=1, cap=64, sleep=waits.append, rng=random.Random(1))
    for attempt in range(6):
        backoff.wait(attempt)
    assert all(0 <= w <= min(64, 2 ** a) for a, w in enumerate(waits))
    backoff.wait(0, retry_after=30)
    assert waits[-1] == 30
