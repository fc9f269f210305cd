"""Shared fixtures: the seed corpus built once per test session into a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """(BuildReport, store path, ttl dir) for the five seeds."""
    from graph.build import build

    work = tmp_path_factory.mktemp("seed-graph")
    report = build([RAW], work / "store", work / "ttl")
    return report, work / "store", work / "ttl"


@pytest.fixture(scope="session")
def seed_store(seed_build):
    from graph.store import open_store

    return open_store(seed_build[1])
