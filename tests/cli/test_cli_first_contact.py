"""Issue 13, "first contact on the command line": one language, a clear line, own docs."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def tafelronde(
    *args: str, lang: str = "nl", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    base = dict(os.environ if env is None else env)
    base["TAFELRONDE_LANG"] = lang
    base.setdefault("PYTHONPATH", str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=base,
        check=False,
        timeout=120,
    )


ENGLISH_ARGPARSE = ("usage:", "positional arguments", "show this help", "options:", "required")


def test_help_is_dutch_throughout_and_lists_the_commands() -> None:
    result = tafelronde("--help")
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("gebruik: tafelronde")
    assert not any(word in text for word in ENGLISH_ARGPARSE), text
    assert "toon deze hulp" in text and "opties:" in text
    for command in ("import FILE... --session PATH", "export PATH", "suggest PATH"):
        assert f"tafelronde {command}" in text
    assert "tafelronde OPDRACHT --help" in text


@pytest.mark.parametrize("command", ["import", "export", "suggest"])
def test_help_of_a_command_is_in_the_users_language(command: str) -> None:
    dutch = tafelronde(command, "--help").stdout
    assert dutch.startswith(f"gebruik: tafelronde {command}")
    assert not any(word in dutch for word in ENGLISH_ARGPARSE), dutch
    english = tafelronde(command, "--help", lang="en").stdout
    assert english.startswith(f"usage: tafelronde {command}")
    assert "gebruik" not in english and "toon" not in english


@pytest.mark.parametrize(
    ("args", "nl", "en"),
    [
        (["exprot", "s.tafelronde"], "bedoelde u 'export'?", "did you mean 'export'?"),
        (["improt"], "bedoelde u 'import'?", "did you mean 'import'?"),
        (["sugest", "x"], "bedoelde u 'suggest'?", "did you mean 'suggest'?"),
        (["export"], "deze argumenten ontbreken: PATH", "the following arguments are required"),
        (["export", "s", "--pdf"], "hier hoort één waarde bij", "expected one argument"),
        (["--lang", "de"], "ongeldige keuze 'de'", "invalid choice"),
        (["s", "--bla"], "onbekende argumenten: --bla", "unrecognized arguments: --bla"),
    ],
)
def test_usage_errors_are_one_line_in_one_language(args: list[str], nl: str, en: str) -> None:
    for lang, words in (("nl", nl), ("en", en)):
        result = tafelronde(*args, lang=lang)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1, result.stderr
        assert words in result.stderr, result.stderr
    assert "error in the command" not in tafelronde(*args).stderr


def test_invalid_json_is_refused_in_one_language(tmp_path: Path) -> None:
    source = tmp_path / "kapot.json"
    source.write_text('{"format": "tafelronde-exchange",\n "version": 1,,}', "utf-8")
    session = tmp_path / "s.tafelronde"
    dutch = tafelronde("import", str(source), "--session", str(session))
    assert dutch.returncode == 2
    assert "regel 2, kolom 15: hier hoort een veldnaam" in dutch.stderr, dutch.stderr
    assert not re.search(r"Expecting|line \d|column", dutch.stderr)
    english = tafelronde("import", str(source), "--session", str(session), lang="en")
    assert "line 2, column 15: a field name in double quotes belongs here" in english.stderr
    assert not session.exists()


def test_the_demo_without_a_display_is_one_clear_line() -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("X11/Wayland only")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = tafelronde("--demo", env=env)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Geen beeldscherm gevonden" in result.stderr
    english = tafelronde("--demo", lang="en", env=dict(env, QT_QPA_PLATFORM="xcb"))
    assert english.returncode == 2 and "No display found" in english.stderr


def _free_display_number() -> int:
    """A display number with neither a local X socket nor anything on its TCP port."""
    import socket

    for number in range(150, 250):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", 6000 + number)) != 0:
                return number
    pytest.skip("no free display number")


def _without_display(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 only")
def test_a_display_that_does_not_answer_is_one_clear_line_not_a_core_dump() -> None:
    """A DISPLAY left over from an ended desktop or an SSH login without X
    forwarding: Qt would abort with a core dump; the app says what is wrong."""
    number = _free_display_number()
    local = tafelronde("--demo", env=_without_display(DISPLAY=f":{number}"))
    assert local.returncode == 2
    assert local.stderr.count("\n") == 1, local.stderr
    assert f"Het beeldscherm :{number} (DISPLAY) antwoordt niet" in local.stderr
    remote = tafelronde("--demo", lang="en", env=_without_display(DISPLAY=f"127.0.0.1:{number}.0"))
    assert remote.returncode == 2
    assert f"The display 127.0.0.1:{number}.0 (DISPLAY) does not answer" in remote.stderr


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="X11 only")
def test_a_display_that_answers_is_left_to_qt(monkeypatch: pytest.MonkeyPatch) -> None:
    """The check must never refuse a working display: a real Xvfb when there is
    one (it says its number once it accepts connections), else a listener on the
    display's TCP port as an X server over SSH forwarding would be."""
    import shutil
    import socket

    from desktop_app.cli import unreachable_x_display

    for name in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    if shutil.which("Xvfb"):
        read, write = os.pipe()
        server = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-nolisten", "tcp", "-screen", "0", "640x480x24"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        try:
            with os.fdopen(read) as told:
                number = told.readline().strip()
            assert number.isdigit()
            monkeypatch.setenv("DISPLAY", f":{number}")
            assert unreachable_x_display() is None
            monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
            assert unreachable_x_display() is None
        finally:
            server.terminate()
            server.wait(timeout=30)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    number = _free_display_number()
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 6000 + number))
        listener.listen(1)
        for display in (f"127.0.0.1:{number}.0", f"localhost:{number}", f":{number}"):
            # a local display served on TCP only (libxcb falls back to it, so must we)
            monkeypatch.setenv("DISPLAY", display)
            assert unreachable_x_display() is None, display
    monkeypatch.setenv("DISPLAY", f"127.0.0.1:{number}.0")
    assert unreachable_x_display() == f"127.0.0.1:{number}.0"
    if socket.has_ipv6:
        with socket.socket(socket.AF_INET6) as listener:
            try:
                listener.bind(("::1", 6000 + number))
            except OSError:
                pass
            else:
                listener.listen(1)
                monkeypatch.setenv("DISPLAY", f"[::1]:{number}")
                assert unreachable_x_display() is None
    # Forms libxcb knows and this check does not, and platform lists with a fallback:
    # Qt decides, the check never refuses them.
    for display in (f"tcp/localhost:{number}", f"unix/:{number}", f"host:{number}x", "host:²"):
        monkeypatch.setenv("DISPLAY", display)
        assert unreachable_x_display() is None, display
    monkeypatch.setenv("DISPLAY", f":{number}")
    assert unreachable_x_display() == f":{number}"
    for platform in ("xcb;offscreen", "offscreen", "wayland"):
        monkeypatch.setenv("QT_QPA_PLATFORM", platform)
        assert unreachable_x_display() is None, platform


def test_suggest_json_carries_the_texts_and_theme_names(tmp_path: Path) -> None:
    session = tmp_path / "demo.tafelronde"
    demo = ROOT / "data" / "demo.json"
    assert tafelronde("import", str(demo), "--session", str(session)).returncode == 0
    result = tafelronde("suggest", str(session), "--json")
    document = json.loads(result.stdout)
    texts = {p["id"]: p["text"] for p in document["proposals"]}
    assert texts and all(texts.values())
    assert all(theme["name"] for theme in document["themes"] + document["session_themes"])
    assert all(pid in texts for theme in document["themes"] for pid in theme["proposal_ids"])


def test_the_project_documents_its_own_exchange_format() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "../shared" not in readme
    assert "docs/exchange-format.md" in readme
    assert (
        (ROOT / "docs" / "exchange-format.md")
        .read_text("utf-8")
        .startswith("# Tafelronde exchange format")
    )
    assert json.loads((ROOT / "docs" / "exchange.schema.json").read_text("utf-8")) == json.loads(
        (ROOT / "resources" / "schema" / "exchange.schema.json").read_text("utf-8")
    )
