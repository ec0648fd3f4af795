"""The Python package gives the same results as the CLI, on every text
fixture, one by one and in parallel."""

import json
import os
import pathlib
import subprocess

import pytest

import tact

ROOT = pathlib.Path(__file__).resolve().parents[2]
TACT = os.environ.get("TACT_BIN", "tact")
FIXTURES = sorted(p for p in (ROOT / "fixtures").rglob("*.txt") if p.stat().st_size > 0)


def cli(path):
    out = subprocess.run(
        [TACT, "check", "--isolated", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode in (0, 1), out.stderr
    (message,) = json.loads(out.stdout)["messages"]
    return message


def comparable(message):
    """The result without where the text came from."""
    return {k: v for k, v in message.items() if k not in ("path", "record")}


def test_there_are_fixtures():
    assert len(FIXTURES) > 50


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT)))
def test_check_equals_the_cli(path):
    text = path.read_text(encoding="utf-8")
    assert comparable(tact.check(text)) == comparable(cli(path))


def test_check_many_keeps_order_and_equals_check():
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    many = tact.check_many(texts * 3)
    assert len(many) == 3 * len(texts)
    for i, text in enumerate(texts):
        one = comparable(tact.check(text))
        assert comparable(many[i]) == one
        assert comparable(many[i + 2 * len(texts)]) == one


def test_what_a_person_sees():
    result = tact.check("Hi Sam,\n\nCould you introduce me to Dana on your data team?\n\nAna\n")
    assert 0 <= result["score"]["value"] <= 100
    assert [a["type"] for a in result["asks"]] == ["intro"]
    assert "no-escape-clause" in [d["rule"] for d in result["diagnostics"]]


def test_kind_is_forced_and_checked():
    assert tact.check("Thanks for the chat!", kind="thank-you")["kind"] == "thank-you"
    with pytest.raises(ValueError, match="kind"):
        tact.check("Hi", kind="carrier-pigeon")


def test_a_broken_config_is_an_error(tmp_path):
    config = tmp_path / ".tact.yml"
    config.write_text("select: [\n")
    with pytest.raises(ValueError):
        tact.check("Hi", config=str(config))


def test_version():
    assert tact.__version__
