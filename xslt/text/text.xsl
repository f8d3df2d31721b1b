<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition: a header block, a line of "=", then the reading text.

  This entry stylesheet is only a driver: it imports the common layer (xslt/common/common.xsl: what
  each TEI element means, and the hooks) and the text format's modules (wrap.xsl: line wrapping;
  running.xsl: laying out running text; header.xsl: the header block; layout.xsl and phrases.xsl:
  $il:format and the hooks il:make-block and il:make-inline, the form of every role), sets the
  output, and assembles the result from the root: a TEI, a teiCorpus, or any other root, read as it is. Later
  imports take precedence, so the text form overrides the common defaults.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="wrap.xsl"/>
  <xsl:import href="running.xsl"/>
  <xsl:import href="header.xsl"/>
  <xsl:import href="layout.xsl"/>
  <xsl:import href="phrases.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*" as="element()"/>
    <xsl:variable name="div" select="(il:check-parameters(), il:selected-work($root))"/>
    <xsl:value-of select="il:header($root, $div), $RULE, ''" separator="&#10;"/>
    <xsl:value-of select="$NL"/>
    <xsl:sequence select="il:reading-text(il:blocks(il:reading-nodes($root, $div)))"/>
    <xsl:value-of select="$NL"/>
  </xsl:template>

</xsl:stylesheet>
