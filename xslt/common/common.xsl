<?xml version="1.0" encoding="UTF-8"?>
<!--
  The common layer, as one module for a format to import first: the parameters (params.xsl), the
  format-neutral functions and the key il:id (functions.xsl), the hooks a format implements and
  their failing defaults (hooks.xsl), and the meaning of the TEI: blocks and their roles
  (blocks.xsl, mode il:block), running text and its roles (inline.xsl, mode il:inline).

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
  <xsl:import href="blocks.xsl"/>
  <xsl:import href="inline.xsl"/>

</xsl:stylesheet>
