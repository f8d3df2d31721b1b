<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition: a header block, a line of "=", then the reading text.

  This entry stylesheet is only a driver: it imports the common layer (xslt/common/common.xsl: what
  each TEI element means, and the hooks) and the text format's modules (wrap.xsl: line wrapping;
  header.xsl: the header block; layout.xsl: $il:format and the hooks il:make-block and
  il:make-inline, the form of every role), sets the output, and assembles the document. Later
  imports take precedence, so the text form overrides the common defaults.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="wrap.xsl"/>
  <xsl:import href="header.xsl"/>
  <xsl:import href="layout.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:variable name="div" select="il:selected-work($tei)"/>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="il:reading-nodes($tei, $div)" mode="il:block"/>
    </xsl:variable>
    <xsl:value-of select="string-join((il:header($tei, $div), $RULE, '', il:reading-text($blocks)), $NL) || $NL"/>
  </xsl:template>

</xsl:stylesheet>
