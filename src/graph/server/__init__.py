"""HTTP server for the graph: SPARQL 1.1 Protocol, query UI, linked-data pages (`policy-graph serve`)."""

from .app import create_app, run_server

__all__ = ["create_app", "run_server"]
