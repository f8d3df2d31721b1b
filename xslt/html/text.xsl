<?xml version="1.0" encoding="UTF-8"?>
<!--
  The web edition's page of one text (site/texts/<id>.html), from the text's TEI.

  A driver only: it imports the common layer (what each TEI element means) and the HTML format's
  modules (page.xsl: the page around the content; blocks.xsl and phrases.xsl: the hooks
  il:make-block and il:make-inline, the HTML form of every role), sets the output and assembles the
  page from the root: a TEI, a teiCorpus, or any other root, read as it is.
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

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/">
    <xsl:variable name="root" select="*" as="element()"/>
    <xsl:variable name="title" select="il:main-title($root)"/>
    <xsl:sequence select="il:check-parameters()"/>
    <xsl:variable name="content" as="element()*">
      <h1><xsl:value-of select="$title"/></h1>
      <div class="reading-text" lang="{il:lang($root)}">
        <xsl:sequence select="il:blocks(il:reading-nodes($root, ()))"/>
      </div>
    </xsl:variable>
    <xsl:sequence select="il:page($title, (), $content)"/>
  </xsl:template>

</xsl:stylesheet>
