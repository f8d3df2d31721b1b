<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's page of one text (site/texts/<id>.html), from the text's TEI.

  A driver only: it imports the common layer (what each TEI element means), the HTML format's
  modules (page.xsl: the page around the content; links.xsl: where things are; blocks.xsl and
  phrases.xsl: the hooks il:make-block and il:make-inline, the HTML form of every role) and the
  text page's own (text-page.xsl: its parts; text-header.xsl: the header panel; text-meta.xsl: the
  head's metadata; text-cite.xsl: the cite box, downloads and parallel views), sets the output and
  assembles the page from the root: a TEI, a teiCorpus, or any other root, read as it is.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="links.xsl"/>
  <xsl:import href="blocks.xsl"/>
  <xsl:import href="phrases.xsl"/>
  <xsl:import href="text-page.xsl"/>
  <xsl:import href="text-header.xsl"/>
  <xsl:import href="text-meta.xsl"/>
  <xsl:import href="text-cite.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*" as="element()"/>
    <xsl:sequence select="il:check-parameters()"/>
    <xsl:sequence select="il:page(il:page-title($root), il:text-head($root), il:text-content($root))"/>
  </xsl:template>

</xsl:stylesheet>
