"""Reading mail over IMAP from a real Dovecot (tests/dovecot.py) on 127.0.0.1.

The same messages must tell the same story as in a local mailbox; a re-run with no new mail
sends no FETCH; a changed UIDVALIDITY, a cut connection and a wrong password are handled.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from assistant.mailbox import imap
from tests.conftest import SAMPLE_MBOX, one_line_error
from tests.dovecot import SAMPLE_MESSAGES, require_dovecot

require_dovecot()  # else the whole module is skipped, in one line (or fails with CI=true)

from tests.dovecot import (CuttingProxy, account, dovecot, followup, load_sample,  # noqa: E402,F401
                           memory_keyring, opened, use_account)
from tests.mailmaker import ME, message, write_mbox


def local(path, *args) -> list:
    result = followup("--mailbox", str(path), *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def over_imap(user, *args, port=None) -> list:
    result = followup("--mailbox", user.spec(port), *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def commands(opened) -> list[str]:
    return [c for box in opened for c in box.commands]


def test_same_threads_and_facts_as_the_takeout_export(account):
    load_sample(account)
    assert over_imap(account, "threads") == local(SAMPLE_MBOX, "threads")
    assert over_imap(account, "status") == local(SAMPLE_MBOX, "status")
    assert over_imap(account, "due") == local(SAMPLE_MBOX, "due")
    assert over_imap(account, "remind") == local(SAMPLE_MBOX, "remind")


# -- mail without Gmail's headers: threads from Message-ID and References across folders ----

NY = timezone(timedelta(hours=-5))


def conversation():
    """A recruiter thread whose replies live in Sent, an archived one, and what must not count."""
    acme = [
        message("Dana Cole <dana@acme-robotics.com>", ME, "Interview for Data Analyst at Acme Robotics",
                "Hi Jordan,\n\nCould you do a video interview on Tuesday at 10am?\n\nDana Cole\nRecruiter, Acme Robotics\n",
                datetime(2026, 2, 20, 9, tzinfo=NY), msgid="a1@acme"),
        message(f"Jordan Rivera <{ME}>", "dana@acme-robotics.com", "Re: Interview for Data Analyst at Acme Robotics",
                "Hi Dana,\n\nTuesday at 10am works. Thank you!\n\nJordan\n",
                datetime(2026, 2, 20, 11, tzinfo=NY), msgid="a2@gmail", reply_to_ids=("a1@acme",)),
        message("Dana Cole <dana@acme-robotics.com>", ME, "Re: Interview for Data Analyst at Acme Robotics",
                "Hi Jordan,\n\nThanks for your time today. We'll get back to you by Friday.\n\nDana\n",
                datetime(2026, 2, 24, 16, tzinfo=NY), msgid="a3@acme", reply_to_ids=("a1@acme", "a2@gmail")),
    ]
    archived = [
        message("Lee Park <lee@birchwood.io>", ME, "Application for Analyst role",
                "Hi Jordan,\n\nThank you for applying. Unfortunately we have decided to move forward with "
                "other candidates.\n\nLee Park\nTalent, Birchwood\n",
                datetime(2026, 1, 12, 9, tzinfo=NY), msgid="b1@birchwood"),
    ]
    spam = [message("Prize <win@lottery.example>", ME, "Interview offer: you won a job",
                    "Click here.\n", datetime(2026, 3, 1, 9, tzinfo=NY), msgid="s1@lottery")]
    draft = [message(f"Jordan Rivera <{ME}>", "dana@acme-robotics.com", "Re: Interview for Data Analyst at Acme Robotics",
                     "Hi Dana, just checking in on the interview offer.\n",
                     datetime(2026, 3, 5, 9, tzinfo=NY), msgid="d1@gmail", reply_to_ids=("a1@acme", "a3@acme"))]
    return acme, archived, spam, draft


def test_a_reply_in_sent_joins_the_inbox_thread_and_junk_and_drafts_never_count(account, tmp_path):
    acme, archived, spam, draft = conversation()
    account.append("INBOX", [acme[0], acme[2]])
    account.append("Sent", [acme[1]])
    account.append("Archive", archived)
    account.append("Junk", spam)
    account.append("Drafts", draft, flags="\\Draft")
    account.append("INBOX", draft, flags="\\Draft")  # a client that keeps drafts in the inbox
    mbox = write_mbox(tmp_path / "same.mbox", sorted(acme + archived, key=lambda m: m["Date"].datetime))

    found = over_imap(account, "--me", ME, "threads")
    assert found == local(mbox, "--me", ME, "threads")
    assert [(p["company"], p["state"]) for p in found] == [("Acme Robotics", "overdue"), ("Birchwood", "rejected")]
    # my unsent draft is not a check-in: the count would be 1 had it been read as sent mail
    assert found[0]["followups_since_reply"] == 0 and found[0]["last_message"]["from_me"] is False
    assert "lottery" not in json.dumps(found)


def test_folders_in_another_language_are_found_by_special_use(account, tmp_path):
    acme, archived, _, _ = conversation()
    sent, archive = "Gesendete Elemente", "Éléments archivés"
    for name in (sent, archive):
        account.run("create", '"' + imap._encode_utf7(name) + '"')
    account.append("INBOX", [acme[0], acme[2]])
    account.append(imap._encode_utf7(sent), [acme[1]])
    account.append(imap._encode_utf7(archive), archived)
    mbox = write_mbox(tmp_path / "same.mbox", sorted(acme + archived, key=lambda m: m["Date"].datetime))
    assert over_imap(account, "--me", ME, "threads") == local(mbox, "--me", ME, "threads")

    box = imap.ImapMailbox(imap.account_from(account.spec(), {"tls_ca_file": str(account.server.ca_file)}))
    try:
        chosen = dict(box.read_folders(box._conn()))
    finally:
        box.close()
    assert chosen[sent] == "Sent" and chosen[archive] == "Archive"  # by role; no name was configured
    assert imap._decode_utf7("Gel&APY-schte Elemente") == "Gelöschte Elemente"
    assert imap._encode_utf7("Éléments & co") == "&AMk-l&AOk-ments &- co"


def test_configured_folders_are_read_and_a_missing_one_is_one_line(account, tmp_path):
    acme, archived, _, _ = conversation()
    account.run("create", '"Jobs/Acme"')
    account.append("Jobs/Acme", acme)
    config = tmp_path / "config" / "config.toml"
    config.write_text(config.read_text() + 'folders = ["Jobs/Acme"]\n')
    found = over_imap(account, "--me", ME, "threads")
    assert [(p["company"], p["state"]) for p in found] == [("Acme Robotics", "overdue")]

    config.write_text(config.read_text().replace('"Jobs/Acme"', '"Jobs/Nowhere"'))
    line = one_line_error(followup("--mailbox", account.spec(), "threads"))
    assert "no folder 'Jobs/Nowhere'" in line and "Jobs/Acme" in line


# -- cost: header first, and a warm run without FETCH --------------------------------------

def test_cold_scan_fetches_headers_first_and_bodies_of_candidates_only(account, opened):
    load_sample(account)
    noise = [message("Mom <mom@example.org>", ME, f"Dinner on Sunday {i}?", "Lasagna.\n",
                     datetime(2026, 3, 1, 9, tzinfo=NY), msgid=f"mom{i}@example.org") for i in range(30)]
    account.append("INBOX", noise)
    over_imap(account, "threads")
    sent = commands(opened)
    assert "UID FETCH" in sent and "APPEND" not in sent and "SELECT" not in sent
    headers, bodies = opened[0].fetched["headers"], opened[0].fetched["bodies"]
    assert headers == SAMPLE_MESSAGES + 30  # every message's header fields, once
    assert 0 < bodies < SAMPLE_MESSAGES  # full text only of the candidate threads: no dinner, no newsletter
    seen = account.folder("INBOX")
    assert all("\\Seen" not in flags for _, flags, _ in seen), "a scan marked mail as read"


def test_warm_rerun_without_new_mail_sends_no_fetch(account, opened):
    load_sample(account)
    first = over_imap(account, "threads")
    opened.clear()
    assert over_imap(account, "threads") == first
    sent = commands(opened)
    assert "UID FETCH" not in sent and "EXAMINE" not in sent and "UID SEARCH" not in sent
    folders = 3  # INBOX, Sent, Archive
    assert sent.count("STATUS") == folders
    assert len(sent) <= folders + 4  # + LOGIN, CAPABILITY, LIST, LOGOUT


def test_new_mail_fetches_only_the_new_uid(account, opened):
    load_sample(account)
    over_imap(account, "threads")
    opened.clear()
    account.append("INBOX", [message("Mom <mom@example.org>", ME, "Dinner", "Sunday?\n",
                                     datetime(2026, 3, 11, 9, tzinfo=NY), msgid="mom@example.org")])
    over_imap(account, "threads")
    sent = commands(opened)
    assert opened[0].fetched == {"headers": 1, "bodies": 0}  # not a candidate: no body
    assert sent.count("EXAMINE") == 1


def test_a_changed_uidvalidity_rescans_that_folder(account, opened, tmp_path):
    acme, archived, _, _ = conversation()
    account.append("INBOX", [acme[0], acme[2]])
    account.run("create", '"Jobs"')
    account.append("Jobs", [acme[1]])
    config = tmp_path / "config" / "config.toml"
    config.write_text(config.read_text() + 'folders = ["Jobs"]\n')
    first = over_imap(account, "--me", ME, "threads")
    before = account.status("Jobs")["uidvalidity"]
    account.run("delete", '"Jobs"')  # the folder is rebuilt (a restore, a server migration)
    account.run("create", '"Jobs"')
    account.append("Jobs", [acme[1]])
    assert account.status("Jobs")["uidvalidity"] != before
    opened.clear()
    assert over_imap(account, "--me", ME, "threads") == first
    sent = commands(opened)
    assert sent.count("EXAMINE") == 1  # Jobs, rescanned; INBOX is not even opened
    assert opened[0].fetched == {"headers": 1, "bodies": 1}


# -- faults ---------------------------------------------------------------------------------

def test_a_connection_cut_mid_fetch_resumes_from_the_last_uid_done(account, opened, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", account.password)  # the proxy is another account key
    load_sample(account)
    noise = [message("Mom <mom@example.org>", ME, f"Dinner {i}", "Sunday?\n",
                     datetime(2026, 3, 1, 9, tzinfo=NY), msgid=f"n{i}@example.org") for i in range(60)]
    account.append("INBOX", noise)
    expected = local(SAMPLE_MBOX, "threads")
    monkeypatch.setattr(imap, "HEADER_BATCH", 10)

    measure = CuttingProxy(account.server.imaps_port)
    assert over_imap(account, "threads", port=measure.port) == expected
    full = measure.sizes[0]
    clean = commands(opened).count("UID FETCH")
    measure.close()
    opened.clear()  # the new proxy's port is another account key: the cut run starts cold too
    proxy = CuttingProxy(account.server.imaps_port, cut_at=full // 2)
    assert over_imap(account, "threads", port=proxy.port) == expected
    proxy.close()
    assert proxy.cuts == 1 and opened[0].reconnects == 1
    assert commands(opened).count("UID FETCH") <= clean + 1  # only the batch that was cut, again


def test_a_connection_that_keeps_dropping_gives_up_with_one_line(account, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", account.password)
    load_sample(account)
    proxy = CuttingProxy(account.server.imaps_port, cut_at=6000, times=100)
    result = followup("--mailbox", account.spec(proxy.port), "threads")
    proxy.close()
    line = one_line_error(result)
    assert "lost the connection" in line and "run again" in line


def test_wrong_password_is_one_line_naming_server_and_user(account, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", "not the password")
    line = one_line_error(followup("--mailbox", account.spec(), "threads"))
    assert f"127.0.0.1:{account.server.imaps_port}" in line and account.name in line
    assert "refused the password" in line and "not the password" not in line


def test_no_stored_password_says_how_to_store_one(account, memory_keyring):
    memory_keyring.store.clear()
    line = one_line_error(followup("--mailbox", account.spec(), "threads"))
    assert "followup auth imap" in line


def test_the_certificate_is_verified(account, tmp_path):
    (tmp_path / "config" / "config.toml").write_text("")  # no tls_ca_file: the test CA is unknown
    line = one_line_error(followup("--mailbox", account.spec(), "threads"))
    assert "cannot verify the certificate" in line and "tls_ca_file" in line


def test_starttls_on_the_plain_port(dovecot, memory_keyring, tmp_path):
    user = dovecot.add_user()
    user.append("INBOX", conversation()[0])
    use_account(user, memory_keyring, tmp_path, starttls=True)
    memory_keyring.store[(imap.KEYRING_SERVICE, f"{user.name}@127.0.0.1:{dovecot.imap_port}")] = user.password
    found = over_imap(user, "--me", ME, "threads", port=dovecot.imap_port)
    assert len(found) == 1


def test_auth_imap_checks_the_password_and_keeps_it_in_the_keyring_only(dovecot, memory_keyring, tmp_path):
    user = use_account(dovecot.add_user(), memory_keyring, tmp_path)
    memory_keyring.store.clear()
    wrong = followup("--mailbox", user.spec(), "auth", "imap", input="nope\n")
    assert wrong.exit_code == 2 and "refused the password" in wrong.output and not memory_keyring.store
    result = followup("--mailbox", user.spec(), "auth", "imap", input=f"{user.password}\n")
    assert result.exit_code == 0, result.output
    assert list(memory_keyring.store.values()) == [user.password]
    assert user.password not in result.output.replace(f"Password for {user.name}", "")
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert user.password.encode() not in path.read_bytes(), path
    user.append("INBOX", conversation()[0])
    assert len(over_imap(user, "--me", ME, "threads")) == 1


def test_a_message_flagged_deleted_since_the_last_run_no_longer_counts(account, opened):
    acme, _, _, _ = conversation()
    account.append("INBOX", [acme[0], acme[2]])
    account.append("Sent", [acme[1]])
    assert over_imap(account, "--me", ME, "threads")[0]["promise"]["phrase"] == "by Friday"
    promise_uid = max(uid for uid, _, _ in account.folder("INBOX"))
    imap_ = account.connect()
    imap_.select('"INBOX"')
    imap_.uid("STORE", str(promise_uid), "+FLAGS", "(\\Deleted)")  # deleted, not yet expunged
    imap_.logout()
    opened.clear()
    found = over_imap(account, "--me", ME, "threads")
    assert found[0]["promise"] is None and found[0]["last_message"]["from_me"] is True
    # CONDSTORE: only the flags that changed are fetched; no header or body again
    assert opened[0].fetched == {"headers": 0, "bodies": 0}
    assert [c for c in commands(opened) if c.startswith("UID")] == ["UID FETCH"]


def test_a_machine_without_a_keyring_is_told_about_the_environment_variable(account, monkeypatch):
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    keyring.set_keyring(fail.Keyring())  # the memory_keyring fixture puts its own back afterwards
    line = one_line_error(followup("--mailbox", account.spec(), "threads"))
    assert "FOLLOWUP_IMAP_PASSWORD" in line
    stored = one_line_error(followup("--mailbox", account.spec(), "auth", "imap", input=f"{account.password}\n"))
    assert "no system keyring" in stored  # said before a password is asked for
    monkeypatch.setenv("FOLLOWUP_IMAP_PASSWORD", account.password)
    assert over_imap(account, "threads") == []
