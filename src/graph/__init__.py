"""policy-graph: Vietnamese policy documents → an RDF knowledge graph of implementation chains."""

__version__ = "0.1.0"

# The base of every IRI the build writes (``--base`` replaces it); here rather than in
# graph.vocab so that the CLI can show it without importing rdflib.
DEFAULT_BASE = "https://w3id.org/policy-graph"
