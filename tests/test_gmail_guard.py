"""Never send: the transport refuses a send before it leaves, and the suite checks it by
behaviour (every request the fake Gmail receives must have passed the guard; none may be
a send, import, insert, delete or trash: tests/conftest.py), not by reading the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.gmail_transport import ALLOWED_METHODS, ROUTES, SendRefused
from tests.gmail_fixtures import gmail, run, sleeps  # noqa: F401

REPO = Path(__file__).resolve().parents[1]


def test_the_suite_fails_a_test_whose_request_skips_the_guard_or_would_send(gmail):
    """The check tests/conftest.py runs after every test: here it must see both faults."""
    import httplib2

    from tests.conftest import gmail_violations
    from tests.fake_gmail import RECEIVED

    start = len(RECEIVED)
    http = httplib2.Http(timeout=10)
    http.request(gmail.url + "gmail/v1/users/me/profile", "GET")  # past the guard, harmless
    http.request(gmail.url + "gmail/v1/users/me/messages/19c43d04e78b9a59/trash", "POST")
    problems = gmail_violations(start, passed=[])
    assert problems == ["forbidden request reached Gmail: POST /gmail/v1/users/me/messages/19c43d04e78b9a59/trash",
                        "request did not go through the guard: GET /gmail/v1/users/me/profile",
                        "request did not go through the guard: POST /gmail/v1/users/me/messages/19c43d04e78b9a59/trash"]
    del RECEIVED[start:]  # these were this test's own, on purpose


@pytest.mark.parametrize("headers", [
    {b"X-HTTP-Method-Override": b"DELETE"},
    {b"x-http-method-override": "DELETE"},
    {"X-HTTP-Method-Override": b"POST", b"X-Http-Method-Override": b"DELETE"},
])
def test_an_override_header_given_as_bytes_is_seen(gmail, api, headers):
    with pytest.raises(SendRefused):  # a POST to drafts is drafts.create; overridden, it is not
        api.http.request(api.root + USER + "drafts", method="POST", body=b"{}", headers=headers)
    assert gmail.round_trips == 0


def test_allowlist_has_no_send_or_destructive_method():
    for method in ALLOWED_METHODS:
        assert not re.search(r"send|delete|trash|insert|import|batchDelete|watch", method), method


@pytest.fixture
def api(gmail):
    from assistant.mailbox.gmail import GmailApi

    return GmailApi("read")


@pytest.mark.parametrize("build", [
    lambda u: u.messages().send(userId="me", body={"raw": "eA"}),
    lambda u: u.drafts().send(userId="me", body={"id": "r1"}),
    lambda u: u.messages().delete(userId="me", id="1"),
    lambda u: u.messages().insert(userId="me", body={"raw": "eA"}),
])
def test_the_client_refuses_to_build_a_send(gmail, api, build):
    before = gmail.round_trips
    with pytest.raises(SendRefused):
        build(api.users)
    assert gmail.round_trips == before and gmail.send_attempts == 0


def test_the_wire_guard_refuses_send_even_when_the_builder_is_bypassed(gmail, api):
    from googleapiclient.http import BatchHttpRequest, HttpRequest

    send_uri = api.root + "gmail/v1/users/me/messages/send"
    plain = HttpRequest(api.http, lambda r, c: c, send_uri, method="POST", body="{}",
                        methodId="gmail.users.messages.send")
    with pytest.raises(SendRefused):
        plain.execute()
    batch = BatchHttpRequest(batch_uri=api.batch_uri)
    batch.add(api.users.threads().get(userId="me", id="19c43d04e78b9a59"))
    batch.add(HttpRequest(api.http, lambda r, c: c, send_uri, method="POST", body="{}",
                          methodId="gmail.users.messages.send"))
    with pytest.raises(SendRefused):
        batch.execute()
    with pytest.raises(SendRefused):  # and nothing leaves for another host
        api.http.request("https://example.org/gmail/v1/users/me/profile")
    assert gmail.send_attempts == 0 and gmail.round_trips == 0


def test_every_allowed_method_has_exactly_one_route():
    assert set(ROUTES) == ALLOWED_METHODS
    assert {verb for verb, _ in ROUTES.values()} == {"GET", "POST", "PUT"}


USER = "gmail/v1/users/me/"
T, M = "19c43d04e78b9a59", "19c43d04e78b9a59"

# (HTTP method, path under users/me, extra headers): none of these may leave the process.
REFUSED = [
    ("DELETE", f"messages/{M}", {}),  # permanent delete, past the bin
    ("DELETE", f"threads/{T}", {}),
    ("DELETE", "drafts/r1000", {}),
    ("POST", "messages/batchDelete", {}),
    ("POST", "messages/batchModify", {}),
    ("POST", "messages/import", {}),
    ("POST", "messages", {}),  # messages.insert
    ("POST", "messages/send", {}),
    ("POST", "drafts/send", {}),
    ("PUT", "drafts/send", {}),
    ("POST", f"messages/{M}/trash", {}),
    ("POST", f"messages/{M}/untrash", {}),
    ("POST", f"threads/{T}/trash", {}),
    ("POST", f"messages/{M}/modify", {}),  # the tool modifies threads only
    ("GET", f"messages/{M}", {}),  # a read, but not one the tool makes
    ("POST", "drafts/r1000", {}),
    ("PUT", "drafts/abc", {}),  # a draft id is r + digits
    ("GET", "threads/batchDelete", {}),  # a thread id is hex
    ("DELETE", "labels/Label_1", {}),
    ("PATCH", "labels/Label_1", {}),
    ("POST", "settings/filters", {}),
    ("POST", "settings/forwardingAddresses", {}),
    ("POST", "watch", {}),
    ("POST", "stop", {}),
    ("GET", "profile/", {}),
    ("GET", f"threads/{T}/../../messages/send", {}),
    ("GET", f"threads/{T}%2F..%2Fsend", {}),
    ("get", "profile", {}),  # only the exact verb
    ("POST", f"messages/{M}", {"X-HTTP-Method-Override": "DELETE"}),
    ("POST", f"threads/{T}/modify", {"X-HTTP-Method-Override": "DELETE"}),
    ("POST", "drafts", {"x-http-method-override": "PATCH"}),
    ("GET", "profile", {"X-HTTP-Method-Override": "DELETE"}),  # an override rides on POST only
]


@pytest.mark.parametrize("verb,path,headers", REFUSED, ids=[f"{v} {p} {h}" for v, p, h in REFUSED])
def test_the_wire_guard_refuses_what_the_tool_never_does(gmail, api, verb, path, headers):
    from googleapiclient.http import BatchHttpRequest, HttpRequest

    uri = api.root + USER + path
    with pytest.raises(SendRefused):  # straight onto the transport
        api.http.request(uri, method=verb, body="{}", headers=dict(headers))
    plain = HttpRequest(api.http, lambda r, c: c, uri, method=verb, body="{}",
                        headers=dict(headers), methodId="gmail.users.threads.get")
    with pytest.raises(SendRefused):  # past the builder, with a method id it allows
        plain.execute()
    batch = BatchHttpRequest(batch_uri=api.batch_uri)
    batch.add(api.users.threads().get(userId="me", id=T))
    batch.add(HttpRequest(api.http, lambda r, c: c, uri, method=verb, body="{}",
                          headers=dict(headers)))
    with pytest.raises(SendRefused):  # hidden in a batch behind a read
        batch.execute()
    assert gmail.round_trips == 0 and gmail.batches == 0
    assert gmail.send_attempts == 0 and not gmail.counts and not gmail.log


def test_the_builder_checks_the_method_against_its_own_route(gmail, api):
    request = api.users.threads().get(userId="me", id=T)
    request.method = "DELETE"
    with pytest.raises(SendRefused):
        request.execute()
    request = api.users.labels().list(userId="me")
    request.uri = api.root + USER + "threads"  # an allowed path, but not labels.list's
    with pytest.raises(SendRefused):
        request.execute()
    assert gmail.round_trips == 0


def _raw_batch(api, *request_lines, boundary="b0undary"):
    parts = "".join(
        f"--{boundary}\r\nContent-Type: application/http\r\nContent-ID: <{i}>\r\n\r\n"
        f"{line}\r\nAuthorization: Bearer access-1\r\n\r\n\r\n"
        for i, line in enumerate(request_lines))
    body = parts + f"--{boundary}--\r\n"
    return api.http.request(api.batch_uri, method="POST", body=body,
                            headers={"content-type": f'multipart/mixed; boundary="{boundary}"'})


@pytest.mark.parametrize("lines", [
    ["DELETE /gmail/v1/users/me/messages/19c43d04e78b9a59 HTTP/1.1"],
    ["delete /gmail/v1/users/me/messages/19c43d04e78b9a59 HTTP/1.1"],
    ["DELETE /gmail/v1/users/me/messages/19c43d04e78b9a59 HTTP/1.0"],
    ["DELETE  /gmail/v1/users/me/messages/19c43d04e78b9a59  HTTP/1.1"],
    ["GET /gmail/v1/users/me/profile HTTP/1.1",
     "POST /gmail/v1/users/me/messages/batchDelete HTTP/1.1"],
    ["GET /gmail/v1/users/me/profile HTTP/1.1\r\nX-HTTP-Method-Override: DELETE"],
    ["GET /gmail/v1/users/me/profile HTTP/1.1\r\n\r\nPOST /gmail/v1/users/me/messages/send HTTP/1.1"],
    [],
])
def test_a_hand_made_batch_is_read_part_by_part(gmail, api, lines):
    with pytest.raises(SendRefused):
        _raw_batch(api, *lines)
    with pytest.raises(SendRefused):  # not multipart: nothing to check, so nothing leaves
        api.http.request(api.batch_uri, method="POST", body="DELETE /x HTTP/1.1",
                         headers={"content-type": "application/http"})
    with pytest.raises(SendRefused):
        api.http.request(api.batch_uri, method="DELETE", body="",
                         headers={"content-type": "multipart/mixed; boundary=x"})
    assert gmail.round_trips == 0 and gmail.send_attempts == 0


def test_what_the_tool_does_still_goes_through(gmail, api):
    resp, _ = api.http.request(api.root + USER + "profile", method="GET")
    assert resp.status == 200
    assert api.call(api.users.drafts().list(userId="me")) == {}
    assert api.call(api.users.history().list(userId="me", startHistoryId="1"))["history"]
    tid = next(iter(gmail.threads))
    mid, aid = next((m.id, a) for a in gmail.attachments for m in gmail.messages.values()
                    if a.startswith(f"att-{m.id}-") and "." not in a)
    got = {}
    api.batch([("get", tid), ("modify", tid), ("attachment", mid, aid)],
              lambda item: (api.users.threads().get(userId="me", id=item[1]) if item[0] == "get"
                            else api.users.threads().modify(userId="me", id=item[1],
                                                            body={"addLabelIds": ["STARRED"]})
                            if item[0] == "modify" else
                            api.users.messages().attachments().get(userId="me", messageId=item[1],
                                                                   id=item[2])),
              lambda item, response: got.setdefault(item[0], response))
    assert set(got) == {"get", "modify", "attachment"}
    long_query = "subject:interview OR " + " OR ".join(f"subject:word{i}" for i in range(200))
    assert len(long_query) > 2048  # the client sends it as a POST overridden to GET
    page = api.call(api.users.threads().list(userId="me", q=long_query, maxResults=5))
    assert page["threads"]
    assert gmail.counts["gmail.users.threads.list"] == 1 and gmail.send_attempts == 0


# (arguments, expected exit code, stdin) on the sample day, Thu 12 Mar 2026.
COMMANDS = [
    (["threads"], 0, None),
    (["due"], 0, None),
    (["due", "--label"], 0, None),
    (["status"], 0, None),
    (["remind"], 0, None),
    (["lint", "-", "--thread", "ledgerline"], 0, "Thank you for your time.\n"),
    (["lint", "-", "--thread", "ledgerline"], 1, "Hi [Name], thank you for your time.\n"),
    (["debrief", "ledgerline", "--show"], 0, None),
    (["debrief", "no-such-company", "--show"], 2, None),
    (["draft", "thank-you", "ledgerline"], 0, None),
    (["draft", "status-check", "quillstone"], 0, None),  # "by Friday" ended Fri 27 Feb
    (["draft", "status-check", "orbital"], 3, None),  # "early next week": not before Wed 18 Mar
    (["draft", "linkedin", "ledgerline", "--print"], 0, None),
    (["sweep", "--dry-run"], 0, None),
    (["sweep"], 0, None),
    (["auth", "status"], 0, None),
]


def test_every_command_on_gmail_sends_nothing_and_calls_only_allowed_methods(gmail, tmp_path):
    names = {args[0] for args, _, _ in COMMANDS}
    missing = set(main.commands) - names
    assert not missing, f"add these commands to COMMANDS: {missing}"
    for args, expected, stdin in COMMANDS:
        result = CliRunner().invoke(main, ["--mailbox", "gmail", "--today", "2026-03-12", *args],
                                    input=stdin)
        assert "Traceback" not in result.output
        assert not isinstance(result.exception, (SendRefused, AttributeError, TypeError)), \
            (args, result.exception)
        assert result.exit_code == expected, (args, result.output)
        if expected:
            assert {1: "error", 2: "Error:", 3: "too early"}[expected] in result.output, \
                (args, result.output)
    assert gmail.send_attempts == 0
    assert set(gmail.counts) <= ALLOWED_METHODS
