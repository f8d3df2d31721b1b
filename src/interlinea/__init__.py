"""Interlinea: plain-text sources to validated TEI P5, and editions published from the TEI."""

# The one place the version is written: hatch reads it for the package metadata, and the TEI header
# records it, so a checkout that was never installed writes the same TEI as an installed copy.
__version__ = "0.1.0"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
