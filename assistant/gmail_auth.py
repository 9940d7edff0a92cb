"""Signing in to Gmail: the token file, the installed-app flow, scopes, and what can go wrong.

The token is google-auth's authorized-user JSON (`token.json`) in the config directory,
mode 0600 in a 0700 directory, written atomically. Scopes are asked for as commands need
them (incremental authorization): reading needs gmail.readonly, drafts gmail.compose,
labels gmail.modify. Every failure a user can fix is one `FollowupError` line that says
what to run.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path

from assistant.config import config_dir
from assistant.errors import FollowupError

_G = "https://www.googleapis.com/auth/"
SCOPES = {
    "read": _G + "gmail.readonly",
    "drafts": _G + "gmail.compose",
    "labels": _G + "gmail.modify",
}
# Which granted scopes cover what a command needs (gmail.modify reads and writes drafts too).
_COVERS = {
    "read": {_G + "gmail.readonly", _G + "gmail.modify", "https://mail.google.com/"},
    "drafts": {_G + "gmail.compose", _G + "gmail.modify", "https://mail.google.com/"},
    "labels": {_G + "gmail.modify", "https://mail.google.com/"},
}
_WHY = {"read": "read your mail", "drafts": "save drafts", "labels": "change labels"}
DOCS = "docs/gmail.md"
NO_BROWSER_PORT = 8765
REVOKE_URL = "https://oauth2.googleapis.com/revoke"


def token_path() -> Path:
    return config_dir() / "token.json"


def client_path(given: Path | None = None) -> Path:
    return Path(given) if given else config_dir() / "credentials.json"


def api_root() -> str:
    """The API root URL: Google's, or FOLLOWUP_GMAIL_API (a test server, a proxy)."""
    from assistant.gmail_transport import DEFAULT_ROOT

    root = os.environ.get("FOLLOWUP_GMAIL_API") or DEFAULT_ROOT
    return root if root.endswith("/") else root + "/"


def read_token() -> dict:
    path = token_path()
    if path.is_symlink():
        raise FollowupError(f"{path} is a symbolic link: followup reads the Gmail token only from a "
                            "file of its own; remove the link and run `followup auth login`")
    if not path.exists():
        raise FollowupError(f"not signed in to Gmail: run `followup auth login` (setup: {DOCS})")
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise FollowupError(f"cannot read {path} ({e}): run `followup auth login`") from None
    if not isinstance(info, dict) or not (info.get("token") or info.get("refresh_token")):
        raise FollowupError(f"{path} holds no Gmail token: run `followup auth login`")
    return info


def granted(info: dict) -> set[str] | None:
    scopes = info.get("scopes")
    if isinstance(scopes, str):
        scopes = scopes.split()
    return set(scopes) if scopes else None


def load_credentials(need: str | None = "read"):
    """Credentials from token.json, refreshed if expired, covering `need` (a SCOPES key).

    A token file with an access token and no refresh token is used as it is (tests, and
    tokens minted elsewhere); it simply stops working when it expires.
    """
    from google.oauth2.credentials import Credentials

    info = read_token()
    scopes = granted(info)
    if need and scopes is not None and not scopes & _COVERS[need]:
        flag = "" if need == "read" else f" --{need}"
        raise FollowupError(f"Gmail sign-in does not allow followup to {_WHY[need]}: run "
                            f"`followup auth login{flag}`")
    if info.get("refresh_token"):
        try:
            creds = Credentials.from_authorized_user_info(info)
        except ValueError as e:
            raise FollowupError(f"{token_path()} is incomplete ({e}): run `followup auth login`") from None
        # google-auth always refreshes at Google; a token endpoint under FOLLOWUP_GMAIL_API
        # (the test server) is honoured too, any other is ignored: the refresh token must
        # not be sent wherever a file says.
        uri = str(info.get("token_uri") or "")
        test_root = os.environ.get("FOLLOWUP_GMAIL_API")
        if test_root and uri.startswith(test_root.rstrip("/") + "/"):
            creds = creds.with_token_uri(uri)
    else:
        expiry = None
        if info.get("expiry"):
            try:
                expiry = datetime.fromisoformat(info["expiry"].rstrip("Z")).replace(tzinfo=None)
            except ValueError:
                expiry = None
        creds = Credentials(token=info["token"], scopes=sorted(scopes or ()), expiry=expiry)
    if not creds.valid:
        refresh(creds)
    return creds


def refresh(creds) -> None:
    """Refresh now; a revoked or expired grant (or no refresh token) is one line."""
    from google.auth.exceptions import RefreshError, TransportError

    from assistant.gmail_transport import signed_out

    if not creds.refresh_token:
        raise signed_out()
    try:
        creds.refresh(_auth_request())
    except RefreshError:
        raise signed_out() from None
    except TransportError as e:
        raise FollowupError(f"cannot reach Google to refresh the sign-in: {e}") from None
    save_token(creds)


def _auth_request():
    import google_auth_httplib2
    import httplib2

    return google_auth_httplib2.Request(httplib2.Http(timeout=30))


def save_token(creds, account: str | None = None) -> Path:
    """Write token.json atomically, 0600 in a 0700 directory; keeps the account we saw."""
    path = token_path()
    info = json.loads(creds.to_json())
    old_account = None
    if path.exists():
        try:
            old_account = json.loads(path.read_text(encoding="utf-8")).get("account")
        except (OSError, ValueError):
            pass
    info["account"] = account or old_account or info.get("account") or ""
    write_private(path, json.dumps(info, indent=2))
    return path


def write_private(path: Path, text: str) -> None:
    """0600 in a 0700 folder, atomically; a symlink at `path` is refused, never followed or replaced."""
    from assistant.safefiles import write_atomic

    if path.is_symlink():
        raise FollowupError(f"{path} is a symbolic link: followup keeps the Gmail token only in a file "
                            "of its own; remove the link and run `followup auth login`")
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:
        pass
    write_atomic(path, text, private=True)


def save_if_refreshed(creds, token_before: str | None) -> None:
    """The transport may refresh on a 401 mid-run; keep the new token for the next run."""
    if creds.token != token_before and creds.refresh_token:
        save_token(creds)


def read_client_file(given: Path | None = None) -> dict:
    path = client_path(given)
    if not path.exists():
        raise FollowupError(
            f"no OAuth client file at {path}: create a Desktop OAuth client in Google Cloud "
            f"({DOCS}) and pass --credentials FILE"
        )
    try:
        config = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise FollowupError(f"cannot read OAuth client file {path}: {e}") from None
    section = config.get("installed") if isinstance(config, dict) else None
    need = ("client_id", "client_secret", "auth_uri", "token_uri")
    if not isinstance(section, dict) or not all(section.get(k) for k in need):
        kind = "a Web client" if isinstance(config, dict) and "web" in config else "not a client file"
        raise FollowupError(f"{path} is {kind}: download the JSON of a Desktop app OAuth client ({DOCS})")
    return config


def wanted_scopes(extra: list[str]) -> list[str]:
    """What to ask for: reading, the extras asked for, and whatever was granted before."""
    scopes = {SCOPES["read"], *(SCOPES[e] for e in extra)}
    try:
        scopes |= granted(read_token()) or set()
    except FollowupError:
        pass
    return sorted(scopes)


def login(client_file: Path | None, extra: list[str], open_browser: bool, port: int | None,
          account: str | None, profile_email) -> tuple[str, list[str]]:
    """Run the installed-app flow with a local redirect server; save the token.

    `profile_email(creds)` asks Gmail which account consented. Returns (account, scopes).
    A different account than `account` is an error and nothing is saved.
    """
    from google_auth_oauthlib.flow import InstalledAppFlow

    config = read_client_file(client_file)
    scopes = wanted_scopes(extra)
    os.environ.setdefault("OAUTHLIB_RELAX_TOKEN_SCOPE", "1")  # Google may grant a superset
    flow = InstalledAppFlow.from_client_config(config, scopes=scopes)
    if port is None:
        port = 0 if open_browser else NO_BROWSER_PORT
    message = "Opening your browser to sign in; if it does not open, visit:\n{url}"
    if not open_browser:
        message = ("Open this URL in a browser to sign in:\n{url}\n\nOn a machine you reached "
                   f"over ssh, first forward the port from your own computer: "
                   f"ssh -L {port}:localhost:{port} <this host>")
    extra_params = {"include_granted_scopes": "true", "access_type": "offline", "prompt": "consent"}
    if account:
        extra_params["login_hint"] = account
    try:
        creds = flow.run_local_server(
            host="localhost", port=port, open_browser=open_browser,
            authorization_prompt_message=message,
            success_message="Signed in. You can close this tab and go back to the terminal.",
            timeout_seconds=600, **extra_params,
        )
    except OSError as e:
        raise FollowupError(f"cannot listen on localhost:{port} for the sign-in redirect: {e}") from None
    except Exception as e:  # oauthlib's errors: access denied, bad state, bad client; timeout
        if type(e).__name__ == "WSGITimeoutError":
            raise FollowupError("sign-in timed out: run `followup auth login` again") from None
        raise FollowupError(f"sign-in failed: {e}") from None
    email = profile_email(creds)
    if account and email.lower() != account.lower():
        raise FollowupError(f"you signed in as {email}, not {account}: run `followup auth login "
                            f"--account {account}` and pick that account (nothing was saved)")
    save_token(creds, account=email)
    return email, sorted(creds.scopes or scopes)


def revoke_url() -> str:
    root = os.environ.get("FOLLOWUP_GMAIL_API")
    return (root.rstrip("/") + "/revoke") if root else REVOKE_URL


def logout() -> tuple[bool, str]:
    """Revoke the grant at Google and delete token.json. Returns (revoked, account)."""
    import httplib2
    from urllib.parse import urlencode

    info = read_token()
    token = info.get("refresh_token") or info.get("token")
    revoked = False
    try:
        resp, _ = httplib2.Http(timeout=15).request(
            revoke_url(), method="POST", body=urlencode({"token": token}),
            headers={"content-type": "application/x-www-form-urlencoded"},
        )
        revoked = resp.status == 200 or resp.status == 400  # 400: already invalid
    except (OSError, httplib2.HttpLib2Error):
        revoked = False
    token_path().unlink(missing_ok=True)
    return revoked, info.get("account") or ""
