"""A hostile source file against the terminal and the exports (stop 18): a title holding ESC
sequences and rich markup, a rejected file whose name holds an ESC sequence and a newline.

Before: `policy-graph build` printed the name raw (colours, and a forged 'INFO:' line of its
own), `query` printed the title's ESC sequences to the terminal (retitling the window, clearing
the screen) and, with '[/]' in a title, ended in rich's MarkupError traceback instead of the
table; `--format xlsx` ended in openpyxl's IllegalCharacterError.  The title is a real plan's
(data/raw/quang-ngai_kh-ubnd_2024_214.txt) with the hostile text put into it."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from graph.cli import main
from graph.terminal import for_terminal, markup_safe

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "data" / "raw" / "quang-ngai_kh-ubnd_2024_214.txt"
PLAN_TITLE = "THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG "
HOSTILE = "THỰC HIỆN \x1b]0;PWNED\x07\x1b[2J\x1b[31mCHƯƠNG TRÌNH [/] [link=https://evil.example/]BẤM[/link] "
BAD_NAME = "bad\x1b[31mname\nINFO: fake line.txt"


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    """A plan whose title holds ESC sequences and markup, beside a rejected file with a hostile
    name: the build's output and its store."""
    tmp = tmp_path_factory.mktemp("terminal")
    raw = tmp / "raw"
    raw.mkdir()
    text = PLAN.read_text(encoding="utf-8")
    assert PLAN_TITLE in text
    (raw / "ke-hoach.txt").write_text(text.replace(PLAN_TITLE, HOSTILE, 1), encoding="utf-8")
    (raw / BAD_NAME).write_text("not a policy document at all " * 10, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "400"}
    store = tmp / "store"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "graph.cli",
            "build",
            str(raw),
            "--store",
            str(store),
            "--ttl-dir",
            str(tmp / "ttl"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return result, store


def test_a_rejected_file_name_is_printed_on_one_line_with_its_controls_escaped(hostile_build):
    result, _store = hostile_build
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stderr + result.stdout
    rejected = [line for line in result.stderr.splitlines() if "bị từ chối (rejected)" in line]
    assert len(rejected) == 1
    assert rejected[0].startswith("bị từ chối (rejected) bad\\x1b[31mname\\x0aINFO: fake line.txt: ")
    assert not any(line.startswith("INFO: fake line") for line in result.stderr.splitlines())


def _query(store: Path, *args: str):
    return CliRunner().invoke(main, ["query", *args, "--store", str(store)], terminal_width=400)


def test_a_title_with_escape_sequences_and_markup_prints_as_text(hostile_build, monkeypatch):
    monkeypatch.setenv("COLUMNS", "2000")
    _result, store = hostile_build
    out = _query(store, "documents")
    assert out.exit_code == 0, out.output  # was: rich.errors.MarkupError on '[/]'
    assert "\x1b" not in out.output and "\x07" not in out.output
    assert for_terminal(HOSTILE.strip()) in out.output  # every character shown, brackets too
    assert (
        "THỰC HIỆN \\x1b]0;PWNED\\x07\\x1b[2J\\x1b[31mCHƯƠNG TRÌNH [/] [link=https://evil.example/]BẤM[/link]"
        in (out.output)
    )


def test_the_csv_keeps_the_data_in_a_file_and_escapes_it_on_a_terminal(hostile_build, tmp_path, monkeypatch):
    _result, store = hostile_build
    target = tmp_path / "docs.csv"
    assert _query(store, "documents", "--format", "csv", "-o", str(target)).exit_code == 0
    assert HOSTILE.strip() in target.read_text(encoding="utf-8-sig")  # the data as the graph holds it
    monkeypatch.setattr("graph.cli._stdout_is_terminal", lambda: True)
    shown = _query(store, "documents", "--format", "csv")
    assert shown.exit_code == 0 and "\x1b" not in shown.output
    assert for_terminal(HOSTILE.strip()) in shown.output


def test_an_xlsx_export_of_a_title_with_control_characters_is_written(hostile_build, tmp_path):
    _result, store = hostile_build
    target = tmp_path / "docs.xlsx"
    out = _query(store, "documents", "--format", "xlsx", "-o", str(target))
    assert out.exit_code == 0, out.output  # was: IllegalCharacterError
    values = [
        c
        for row in load_workbook(io.BytesIO(target.read_bytes())).active.iter_rows(values_only=True)
        for c in row
    ]
    titles = [v for v in values if isinstance(v, str) and "PWNED" in v]
    assert titles == [titles[0]] and titles[0].startswith(
        "THỰC HIỆN \ufffd]0;PWNED\ufffd\ufffd[2J\ufffd[31mCHƯƠNG TRÌNH [/]"
    )


@pytest.mark.parametrize(
    ("text", "one_line", "shown"),
    [
        ("Sở Tư pháp\tchủ trì\ndòng 2", False, "Sở Tư pháp\tchủ trì\ndòng 2"),  # text as it is
        ("a\x1b[2Jb", False, "a\\x1b[2Jb"),
        ("a\rb\x7fc\x9bd", False, "a\\x0db\\x7fc\\x9bd"),  # CR overwrites a line; C1 CSI
        ("tên\u202etxt.exe", False, "tên\\u202etxt.exe"),  # a bidi override reverses what follows
        ("a\nb\tc", True, "a\\x0ab\\x09c"),
    ],
)
def test_for_terminal_escapes_controls(text, one_line, shown):
    assert for_terminal(text, one_line) == shown


def test_markup_safe_is_one_line_and_never_markup():
    from rich.console import Console

    console = Console(file=io.StringIO(), width=200, color_system=None)
    name = "[/] [bold]a\n"
    console.print(f"[red]x[/red] {markup_safe(name)}", highlight=False)
    assert console.file.getvalue() == "x [/] [bold]a\\x0a\n"


def test_eval_misses_print_the_documents_brackets_as_text(capsys):
    """`policy-graph eval --misses` printed gold and predicted text through rich markup: the
    footnote mark of data/raw/quang-nam_nq-tu_2024_du-thao-phuong-huong-2025.txt ('[footnoteRef:1]')
    was read as a style and vanished, a '[/]' ended the run in a MarkupError."""
    from rich.console import Console

    from graph.cli import print_evaluation
    from graph.evaluate import DocumentScore, Evaluation, Miss

    gold = "An ninh, trật tự còn tiềm ẩn nhiều yếu tố phức tạp[footnoteRef:1]."
    doc = DocumentScore("quang-nam_nq-tu_2024_du-thao-phuong-huong-2025", error="bad [/] text")
    doc.misses.append(Miss("task-missed", gold, "phức tạp [/]"))
    print_evaluation(Evaluation([doc], []), Console(color_system=None), with_misses=True)
    printed = capsys.readouterr().out  # (a console that is not a terminal prints to stdout)
    assert f"task-missed       {gold}  → phức tạp [/]" in printed
    assert "quang-nam_nq-tu_2024_du-thao-phuong-huong-2025: bad [/] text" in printed
