"""policy-graph: Vietnamese policy documents → an RDF knowledge graph of implementation chains."""

__version__ = "0.1.0"
