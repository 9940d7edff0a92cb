"""Signing in: token file, refresh, revocation, scopes, login flow, status and logout."""

from __future__ import annotations

import json
import stat
import threading
import urllib.request

from click.testing import CliRunner

from assistant.cli import main
from tests.fake_gmail import SCOPE_READ
from tests.gmail_fixtures import ME, gmail, run, run_json, sleeps, write_token  # noqa: F401


def auth(*args):
    return CliRunner().invoke(main, ["auth", *args], catch_exceptions=False)


def one_line_error(result, words):
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr


def test_not_signed_in(gmail):
    (gmail.config_dir / "token.json").unlink()
    one_line_error(run("threads"), "not signed in to Gmail: run `followup auth login`")


def test_401_then_refresh_then_saved_0600(gmail):
    path = write_token(gmail.config_dir, token="stale", refresh="refresh-1", url=gmail.url,
                       expiry="2999-01-01T00:00:00Z")  # looks valid: the server's 401 says otherwise
    assert len(run_json("threads")) == 11  # the sample's hiring processes
    saved = json.loads(path.read_text())
    assert saved["token"] != "stale" and saved["token"] in gmail.access_tokens
    assert saved["refresh_token"] == "refresh-1"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_revoked_refresh_token_is_one_line(gmail):
    write_token(gmail.config_dir, token="stale", refresh="refresh-revoked", url=gmail.url)
    one_line_error(run("threads"), "expired or was revoked: run `followup auth login`")


def test_expired_access_token_without_refresh_token(gmail):
    write_token(gmail.config_dir, token="access-1", expiry="2020-01-01T00:00:00Z")
    one_line_error(run("threads"), "run `followup auth login`")


def test_missing_scope_says_which_login(gmail):
    write_token(gmail.config_dir, scopes=[SCOPE_READ])
    one_line_error(run("due", "--label"), "run `followup auth login --labels`")


def test_missing_client_file(gmail, tmp_path):
    one_line_error(auth("login", "--credentials", str(tmp_path / "nope.json")), "no OAuth client file")


def test_web_client_file_is_refused(gmail, tmp_path):
    bad = tmp_path / "web.json"
    bad.write_text(json.dumps({"web": {"client_id": "x"}}))
    one_line_error(auth("login", "--credentials", str(bad)), "download the JSON of a Desktop app")


def test_example_client_file_has_the_desktop_shape():
    from pathlib import Path

    from assistant.gmail_auth import read_client_file

    example = Path(__file__).resolve().parents[1] / "credentials.example.json"
    assert read_client_file(example)["installed"]["redirect_uris"] == ["http://localhost"]


def client_file(tmp_path, url):
    path = tmp_path / "client.json"
    path.write_text(json.dumps({"installed": {
        "client_id": "fake-client.apps.googleusercontent.com", "client_secret": "fake-secret",
        "project_id": "fake", "auth_uri": url + "auth", "token_uri": url + "token",
        "redirect_uris": ["http://localhost"]}}))
    return path


class _Browser:
    """Plays the user: follows the consent URL to the fake, which redirects to our server."""

    opened: list[str] = []

    def open(self, url, new=0, autoraise=True):
        self.opened.append(url)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        threading.Thread(target=lambda: opener.open(url, timeout=5).read(), daemon=True).start()
        return True


def test_login_flow_end_to_end(gmail, tmp_path, monkeypatch):
    (gmail.config_dir / "token.json").unlink()
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")  # the fake speaks http
    monkeypatch.setattr("webbrowser.get", lambda *a: _Browser())
    result = auth("login", "--credentials", str(client_file(tmp_path, gmail.url)), "--account", ME)
    assert result.exit_code == 0, result.output
    assert f"Signed in to Gmail as {ME}" in result.stdout
    assert "include_granted_scopes=true" in _Browser.opened[-1]
    assert "gmail.readonly" in _Browser.opened[-1] and "gmail.modify" not in _Browser.opened[-1]
    token = json.loads((gmail.config_dir / "token.json").read_text())
    assert token["account"] == ME and token["refresh_token"].startswith("refresh-")
    assert stat.S_IMODE((gmail.config_dir / "token.json").stat().st_mode) == 0o600


def test_login_with_the_wrong_account_saves_nothing(gmail, tmp_path, monkeypatch):
    (gmail.config_dir / "token.json").unlink()
    monkeypatch.setenv("OAUTHLIB_INSECURE_TRANSPORT", "1")
    monkeypatch.setattr("webbrowser.get", lambda *a: _Browser())
    result = auth("login", "--credentials", str(client_file(tmp_path, gmail.url)),
                  "--account", "work@example.com")
    one_line_error(result, f"you signed in as {ME}, not work@example.com")
    assert not (gmail.config_dir / "token.json").exists()


def test_status_says_account_and_scopes(gmail):
    result = auth("status")
    assert result.exit_code == 0, result.output
    assert f"Signed in to Gmail as {ME}" in result.stdout
    assert "gmail.readonly" in result.stdout and "gmail.compose" in result.stdout


def test_logout_revokes_and_deletes(gmail):
    write_token(gmail.config_dir, token="access-1", refresh="refresh-1", url=gmail.url)
    run_json("threads")
    result = auth("logout")
    assert result.exit_code == 0, result.output
    assert "access revoked" in result.stdout
    assert not (gmail.config_dir / "token.json").exists()
    assert "refresh-1" not in gmail.refresh_tokens
    assert not list((gmail.config_dir.parent / "cache").glob("*.sqlite"))
    one_line_error(auth("status"), "not signed in")
