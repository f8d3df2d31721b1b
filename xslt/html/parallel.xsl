<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parallel view of an aligned pair of works (site/parallel/<a>__<b>.html), from the alignment's
  TEI (tei/alignment/) and the two texts ($text-a, $text-b).
  PROVISIONAL: the page shell and the alignment's title.
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
    <xsl:variable name="title" select="il:main-title(*)"/>
    <xsl:variable name="content" as="element()*">
      <h1><xsl:value-of select="$title"/></h1>
    </xsl:variable>
    <xsl:sequence select="il:page($title, (), $content)"/>
  </xsl:template>

</xsl:stylesheet>
