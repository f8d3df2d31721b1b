"""Interlinea: plain-text sources to validated TEI P5, and editions published from the TEI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("interlinea")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.0.0"

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
