<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parallel view of an aligned pair of works (site/parallel/<a>__<b>.html), from the alignment's
  TEI (tei/alignment/, the main input) and the TEI of the texts holding the two works ($text-a,
  $text-b; the same document twice when one text holds both).

  A driver only: it imports the common layer (what each TEI element means), the HTML format's
  modules (page.xsl: the page around the content; links.xsl: the site's URLs; blocks.xsl and
  phrases.xsl: the HTML form of every role, as on a text's page), then the view's own modules:
  parallel-alignment.xsl (the works, their citable blocks and the rows, as data),
  parallel-block.xsl (one block in its frame), parallel-table.xsl (the table of the two works),
  parallel-summary.xsl (how the works are related, the alignment in numbers) and
  parallel-page.xsl (the page around it). Its script is assets/parallel.js, its style
  assets/parallel.css.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="links.xsl"/>
  <xsl:import href="blocks.xsl"/>
  <xsl:import href="phrases.xsl"/>
  <xsl:import href="parallel-alignment.xsl"/>
  <xsl:import href="parallel-block.xsl"/>
  <xsl:import href="parallel-table.xsl"/>
  <xsl:import href="parallel-summary.xsl"/>
  <xsl:import href="parallel-page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <xsl:template match="/">
    <xsl:sequence select="il:check-parameters()"/>
    <xsl:sequence select="il:page(pv:title(), pv:head(), pv:content())"/>
  </xsl:template>

</xsl:stylesheet>
