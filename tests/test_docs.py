"""The docs tell the truth: what README.md and ARCHITECTURE.md name exists, and what exists is named.

A newcomer reads README.md to use the tool and ARCHITECTURE.md to find their way in the code.
These checks are cheap (no mailbox is read) and fail when someone adds a command, option,
config key, environment variable, state or module without a word in the docs, or renames
one that the docs still name.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

import click

from assistant import config
from assistant.cli import main
from assistant.process import STATES

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")
ARCHITECTURE = (REPO / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    """The text under a markdown heading, up to the next heading of the same or higher level
    (a `#` line inside a ``` code block is a comment, not a heading)."""
    lines, out, level, fenced = text.splitlines(), None, 0, False
    for line in lines:
        if line.startswith("```"):
            fenced = not fenced
        m = None if fenced else re.match(r"(#+) (.*?)\s*$", line)
        if out is None:
            if m and m.group(2) == heading:
                out, level = [], len(m.group(1))
        elif m and len(m.group(1)) <= level:
            break
        else:
            out.append(line)
    assert out is not None, f"no '{heading}' section"
    return "\n".join(out) + "\n"


def _commands() -> dict[str, click.Command]:
    """Every command a user can type: 'threads', 'auth login', ..."""
    found = {}
    for name, cmd in main.commands.items():
        found[name] = cmd
        for sub, subcmd in getattr(cmd, "commands", {}).items():
            found[f"{name} {sub}"] = subcmd
    return found


def _options(cmd: click.Command) -> set[str]:
    return {o for p in cmd.params for o in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])
            if o.startswith("--")}


def test_quickstart_is_the_two_make_commands():
    block = re.search(r"```sh\n(.*?)```", _section(README, "Quickstart"), re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.split("#")[0].strip()]
    assert commands == ["make demo", "make test"]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def test_every_command_the_readme_names_exists_and_every_command_is_named():
    commands = _commands()
    named = set()
    for m in re.finditer(r"(?<![\w/.-])followup ((?:[a-z][a-z-]*)(?: [a-z][a-z-]*)?)", README):
        words = m.group(1).split()
        if " ".join(words) in commands:
            named.update({" ".join(words), words[0]})
        elif words[0] in commands:
            named.add(words[0])
        else:
            raise AssertionError(f"README names `followup {m.group(1)}`, which is no command")
    missing = set(main.commands) - named
    assert not missing, f"commands the README does not mention: {sorted(missing)}"


def test_every_option_the_readme_names_exists():
    known = _options(main) | {o for cmd in _commands().values() for o in _options(cmd)}
    named = set(re.findall(r"`[^`]*?(--[a-z][a-z-]*)", README)) | set(re.findall(r"\[(--[a-z][a-z-]*)", README))
    assert named, "the README names no option: the pattern is wrong"
    assert named <= known, f"README names options no command has: {sorted(named - known)}"


def test_every_global_option_is_in_the_readme():
    undocumented = {o for o in _options(main) if f"`{o}" not in README} - {"--help", "--version"}
    assert not undocumented, f"global options the README does not describe: {sorted(undocumented)}"


def _config_block() -> str:
    return re.search(r"```toml\n(.*?)```", _section(README, "Config"), re.S).group(1)


def test_the_readme_config_example_is_accepted(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(_config_block(), encoding="utf-8")
    settings = config.load_settings(path)  # raises FollowupError on any unknown key or bad value
    assert settings.me and settings.lint


def _top_level_config_keys(block: str) -> set[str]:
    """Keys set (or shown commented out) before the first [table], and the tables' names."""
    keys, in_table = set(), False
    for line in block.splitlines():
        bare = re.sub(r"^#\s*", "", line.strip())
        if m := re.match(r"\[([a-z_]+)[.\]]", bare):
            in_table = True
            keys.add(m.group(1))
        elif (m := re.match(r"([a-z_]+)\s*=", bare)) and not in_table:
            keys.add(m.group(1))
    return keys


def test_every_config_key_is_documented_and_every_documented_key_accepted():
    documented = _top_level_config_keys(_config_block())
    accepted = set(config._KEYS)
    assert accepted <= documented, \
        f"config keys the README's config block does not show: {sorted(accepted - documented)}"
    assert documented <= accepted, \
        f"README's config block shows keys the loader refuses: {sorted(documented - accepted)}"


def test_a_commented_config_line_is_valid_toml_when_uncommented(tmp_path):
    """The README shows some keys as comments (gmail_query, [imap]); each must work if used."""
    lines = [re.sub(r"^#\s?", "", line) if re.match(r"^#\s*(\[|[a-z_]+\s*=)", line) else line
             for line in _config_block().splitlines()]
    path = tmp_path / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tomllib.loads(path.read_text(encoding="utf-8"))
    config.load_settings(path)


def test_environment_variables_match_the_code():
    used = set()
    for source in (REPO / "assistant").rglob("*.py"):
        used |= set(re.findall(r"FOLLOWUP_[A-Z_]+[A-Z]", source.read_text(encoding="utf-8")))
    named = set(re.findall(r"FOLLOWUP_[A-Z_]+[A-Z]", README))
    assert used - named == set(), f"environment variables the README does not name: {sorted(used - named)}"
    assert named - used == set(), f"README names environment variables nothing reads: {sorted(named - used)}"


def test_every_state_is_in_the_readme_table():
    table = _section(README, "States")
    named = set(re.findall(r"^\| `([a-z_]+)`(?:, `([a-z_]+)`)?", table, re.M))
    named = {s for pair in named for s in pair if s}
    assert named == set(STATES)


def test_exit_codes_in_the_readme_match_the_cli():
    from assistant.cli import UserError

    codes = " ".join(_section(README, "Exit codes").split())
    assert f"`{UserError.exit_code}` bad input" in codes
    assert "`3` refused" in codes and "`1` lint" in codes


def test_every_module_is_on_the_architecture_map():
    named = set(re.findall(r"`([^`\s]+)`", ARCHITECTURE))
    missing = []
    for path in sorted((REPO / "assistant").rglob("*.py")):
        rel = path.relative_to(REPO / "assistant").as_posix()
        if rel in ("__init__.py", "__main__.py"):
            continue
        parts = rel.split("/")
        candidates = {rel, parts[-1], f"{parts[0]}/"} if len(parts) > 1 else {rel}
        if parts[0] == "mailbox":  # mailbox/ is a map of its own: each file must be named
            candidates = {rel, parts[-1]}
        if candidates & named or any("*" in n and fnmatch.fnmatch(parts[-1], n) for n in named):
            continue
        missing.append(rel)
    assert not missing, f"modules ARCHITECTURE.md does not name: {missing}"


def test_every_module_architecture_names_exists():
    files = {p.relative_to(REPO / "assistant").as_posix() for p in (REPO / "assistant").rglob("*.py")}
    basenames = {f.split("/")[-1] for f in files}
    table = _section(ARCHITECTURE, "The pieces")
    for name in re.findall(r"`([a-z_/*]+\.py)`", table):
        if "*" in name:
            assert any(fnmatch.fnmatch(b, name) for b in basenames), name
        else:
            assert name in files or name in basenames, f"ARCHITECTURE.md names {name}, which does not exist"
