<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages of the web edition made from the edition document (src/interlinea/publish/site_data.py):
  the home page, the registers' index and each entry's page, the map, the timeline, the
  bibliography, the about page and the search page (search.xsl); $site-page (params.xsl) says
  which.

  A driver only: it imports the common layer, the page shell (page.xsl), the URLs (links.xsl), the
  languages and directions (text-lang.xsl), the keyword in context (context.xsl), the helpers the
  site's pages share (site-functions.xsl), then one module per page, each a template
  rule in mode il:site-page matching the page's name as an element of the il: namespace
  (il:role, hooks.xsl): <xsl:template match="il:map" mode="il:site-page">. None of them reads a
  text's TEI: what they know of a text is its summary (summary.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="page.xsl"/>
  <xsl:import href="links.xsl"/>
  <xsl:import href="text-lang.xsl"/>
  <xsl:import href="context.xsl"/>
  <xsl:import href="site-functions.xsl"/>
  <xsl:import href="home.xsl"/>
  <xsl:import href="registers.xsl"/>
  <xsl:import href="entry.xsl"/>
  <xsl:import href="map.xsl"/>
  <xsl:import href="timeline.xsl"/>
  <xsl:import href="bibliography.xsl"/>
  <xsl:import href="about.xsl"/>
  <xsl:import href="search.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- (A page no module makes stops the transformation: site-functions.xsl.) -->
  <xsl:template match="/">
    <xsl:apply-templates select="il:role($site-page)" mode="il:site-page">
      <xsl:with-param name="edition-root" select="site:edition" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

</xsl:stylesheet>
