"""`followup due --label` on Gmail: label the overdue threads, unlabel the others."""

from __future__ import annotations

from tests.gmail_fixtures import gmail, run, run_json, sleeps, write_token  # noqa: F401

QUILLSTONE = "19c43d04e78b9a59"  # overdue on the demo day
CASCADE = "19c910ac0d80ead9"  # waiting


def labelled(gmail, name="Follow-up due"):
    lid = next((l["id"] for l in gmail.labels.values() if l["name"] == name), None)
    return {m.thread_id for m in gmail.messages.values() if lid in m.labels}


def test_label_added_to_overdue_and_removed_elsewhere(gmail):
    result = run("due", "--label")
    assert result.exit_code == 0, result.output
    assert labelled(gmail) == {QUILLSTONE}
    assert "added to 1 thread(s), removed from 0" in result.stderr
    # someone labelled a waiting thread by hand: the next run takes it off
    lid = next(l["id"] for l in gmail.labels.values() if l["name"] == "Follow-up due")
    for mid in gmail.threads[CASCADE]:
        gmail.modify(mid, add=[lid])
    result = run("due", "--label", "--json")
    assert result.exit_code == 0 and result.stdout.lstrip().startswith("[")
    assert labelled(gmail) == {QUILLSTONE}
    assert "added to 0 thread(s), removed from 1" in result.stderr
    assert gmail.counts["gmail.users.labels.create"] == 1


def test_label_name_from_config_and_a_rerun_changes_nothing(gmail):
    (gmail.config_dir / "config.toml").write_text('gmail_label = "Chase up"\n')
    run("due", "--label")
    gmail.reset_counts()
    result = run("due", "--label")
    assert labelled(gmail, "Chase up") == {QUILLSTONE}
    assert "added to 0 thread(s), removed from 0" in result.stderr
    assert gmail.counts["gmail.users.threads.modify"] == 0


def test_label_on_a_local_mailbox_is_refused():
    from click.testing import CliRunner

    from assistant.cli import main
    from tests.conftest import SAMPLE_MBOX

    result = CliRunner().invoke(main, ["--mailbox", str(SAMPLE_MBOX), "due", "--label"])
    assert result.exit_code == 2 and "--mailbox gmail only" in result.stderr
