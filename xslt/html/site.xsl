<?xml version="1.0" encoding="UTF-8"?>
<!--
  The pages of the web edition made from the edition document (src/interlinea/publish/site_data.py):
  the home page, the registers' index and each entry's page, the map, the timeline, the
  bibliography, the about page and the search page; $site-page (params.xsl) says which.
  PROVISIONAL: the page shell and a heading for each.
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

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no" include-content-type="no"/>

  <!-- Each page is a template rule in mode il:site-page matching its name as an element of the
       il: namespace (il:role, hooks.xsl): <xsl:template match="il:map" mode="il:site-page">. -->
  <xsl:template match="/">
    <xsl:apply-templates select="il:role($site-page)" mode="il:site-page">
      <xsl:with-param name="edition-root" select="site:edition" tunnel="yes"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="*" mode="il:site-page">
    <xsl:message terminate="yes">site.xsl has no page "<xsl:value-of select="local-name()"/>"</xsl:message>
  </xsl:template>

  <!-- PROVISIONAL: every page a heading and the list of texts, until its module exists. -->
  <xsl:template match="il:index | il:registers | il:map | il:timeline | il:bibliography | il:about | il:search | il:entry" mode="il:site-page" priority="-0.5">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="title" select="if ($site-page = 'entry') then $entry else $site-page"/>
    <xsl:variable name="content" as="element()*">
      <h1><xsl:value-of select="$title"/></h1>
      <ul>
        <xsl:for-each select="$edition-root/site:text">
          <li><a href="{$root}{@href}"><xsl:value-of select="site:summary/@title"/></a></li>
        </xsl:for-each>
      </ul>
    </xsl:variable>
    <xsl:sequence select="il:page($title, (), $content)"/>
  </xsl:template>

</xsl:stylesheet>
