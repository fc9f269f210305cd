"""The wheel works outside the checkout: built, installed into a fresh venv (its dependencies
borrowed from the test venv, so nothing is downloaded), and driven from another folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(bin folder of a fresh venv holding only the wheel, a working folder outside the checkout)."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    wheel = next((work / "dist").glob("policy_graph-*.whl"))
    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    site = Path(sysconfig.get_path("purelib", vars={"base": str(env_dir), "platbase": str(env_dir)}))
    # Dependencies come from the test venv through a plain path entry: its own .pth files (the
    # editable install of the checkout among them) are not processed from there.
    (site / "borrowed-deps.pth").write_text(sysconfig.get_path("purelib") + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env_dir / "bin" / "python"),
            "install",
            "--no-deps",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    outside = work / "elsewhere"
    outside.mkdir()
    return env_dir / "bin", outside


def run(installed, *args: str) -> subprocess.CompletedProcess[str]:
    bin_dir, cwd = installed
    return subprocess.run(
        [str(bin_dir / "policy-graph"), *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


def test_the_installed_package_is_the_wheel_not_the_checkout(installed):
    bin_dir, cwd = installed
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import graph; print(graph.__file__)"],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert str(ROOT) not in where
    assert "site-packages" in where


def test_query_list_names_every_query_of_the_library(installed):
    listed = run(installed, "query", "--list")
    assert listed.returncode == 0, listed.stderr
    for rq in sorted((ROOT / "queries").glob("*.rq")):
        assert rq.stem in listed.stdout


def test_build_validate_and_query_the_seeds_from_outside(installed):
    built = run(installed, "build", str(RAW), "--store", "store", "--ttl-dir", "ttl")
    assert built.returncode == 0, built.stderr
    assert (installed[1] / "ttl" / "_agencies.ttl").exists()  # the registry ships in the wheel
    validated = run(installed, "validate", "--store", "store")
    assert validated.returncode == 0, validated.stdout + validated.stderr
    chain = run(installed, "query", "chain-down", "-p", "doc=29-NQ/TW", "--store", "store", "--format", "csv")
    assert chain.returncode == 0, chain.stderr
    assert "214/KH-UBND" in chain.stdout


def test_serve_answers_from_outside(installed):
    import socket
    import time

    import httpx

    assert run(installed, "build", str(RAW), "--store", "served", "--ttl-dir", "served-ttl").returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    bin_dir, cwd = installed
    server = subprocess.Popen(
        [str(bin_dir / "policy-graph"), "serve", "--store", "served", "--port", str(port)],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None and time.monotonic() < deadline, "server did not start"
            time.sleep(0.2)
        answer = httpx.get(
            f"http://127.0.0.1:{port}/sparql",
            params={"query": "ASK { ?d <http://data.europa.eu/eli/ontology#number> ?n }"},
            headers={"Accept": "application/sparql-results+json"},
            timeout=30,
        )
        assert answer.json()["boolean"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=30).status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
