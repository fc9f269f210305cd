"""The CLI starts fast: `policy-graph query …`, `--version` and `--help` import none of the
heavy libraries (rdflib, networkx, pyvis, matplotlib, IPython, pyshacl), which only the
commands that use them load.  Time itself is measured in benchmarks/, not here."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("rdflib", "networkx", "pyvis", "matplotlib", "IPython", "pyshacl", "starlette", "docx")


def loaded_after(code: str) -> list[str]:
    probe = f"import sys\n{code}\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return out.split()


def test_importing_the_cli_loads_no_heavy_library():
    assert loaded_after("import graph.cli") == []


def test_the_query_command_loads_no_heavy_library():
    assert loaded_after("import graph.cli, graph.queries, graph.store") == []


def test_viz_and_stats_are_still_commands():
    from click.testing import CliRunner

    from graph.cli import main

    listed = CliRunner().invoke(main, ["--help"]).output
    assert "viz" in listed and "stats" in listed
    assert CliRunner().invoke(main, ["viz", "--help"]).exit_code == 0


def test_the_build_process_leaves_the_parser_to_its_workers():
    """`build` starts the fork server first, which imports the parser for the workers while the
    build's own process imports the rest: that process never needs the parser itself."""
    probe = "import sys, graph.build\nprint(sorted(m for m in sys.modules if m.startswith('graph.extract')))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
