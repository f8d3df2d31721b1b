<?xml version="1.0" encoding="UTF-8"?>
<!--
  The common layer, as one module for a format to import first: the parameters (params.xsl), the
  format-neutral functions and the key il:id (functions.xsl), the hooks a format implements and
  their failing defaults (hooks.xsl), how content flows, as blocks (mode il:block) or running text
  (mode il:inline), and the element lists (flow.xsl), then the meaning of the TEI, one module per
  part of it, each giving its elements their roles in both modes: the structure of documents
  (structure.xsl), the core blocks (blocks.xsl) and phrases (inline.xsl), transcription and
  editorial choices (transcription.xsl), the critical apparatus (apparatus.xsl), verse and drama
  (verse-drama.xsl), bibliographies and registers (records.xsl); and the fallback for any other
  element, which keeps its text and reports it (fallback.xsl).

  Import order is precedence: the fallback is imported first, so that every other rule wins over it,
  then the flow, whose generic rule for a block in running text yields to any module's own rule; no
  two modules match the same element in the same mode (tests/test_xslt_layers.py checks it).

  A format's entry stylesheet imports this module, then its own modules, which set $il:format and
  implement the hooks il:make-block and il:make-inline (one template rule per role, see hooks.xsl);
  importing them later gives them precedence over the defaults here. Customise by importing and
  overriding, never by editing these modules for one format.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:import href="params.xsl"/>
  <xsl:import href="functions.xsl"/>
  <xsl:import href="hooks.xsl"/>
  <xsl:import href="fallback.xsl"/>
  <xsl:import href="flow.xsl"/>
  <xsl:import href="structure.xsl"/>
  <xsl:import href="blocks.xsl"/>
  <xsl:import href="inline.xsl"/>
  <xsl:import href="transcription.xsl"/>
  <xsl:import href="apparatus.xsl"/>
  <xsl:import href="verse-drama.xsl"/>
  <xsl:import href="records.xsl"/>

</xsl:stylesheet>
