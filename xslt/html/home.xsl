<?xml version="1.0" encoding="UTF-8"?>
<!--
  The home page (site/index.html), from the edition document: the edition's title, subtitle,
  description and editors; its texts, each with its titles, authors, translators, date and
  languages (from the text summaries); the graph of the works' relations (graph.xsl) with its
  parallel views.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="graph.xsl"/>

  <xsl:template match="il:index" mode="il:site-page">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="relations" select="il:relations-figure()"/>
    <xsl:variable name="content" as="element()*">
      <h1><xsl:value-of select="il:edition-title()"/></h1>
      <xsl:if test="normalize-space($edition-root/@subtitle)">
        <p class="edition-subtitle"><xsl:value-of select="$edition-root/@subtitle"/></p>
      </xsl:if>
      <xsl:for-each select="$edition-root/site:description[normalize-space()]">
        <p class="edition-description"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:if test="$edition-root/site:editor">
        <p class="edition-editors">
          <xsl:text>Edited by </xsl:text>
          <xsl:sequence select="il:linked-names($edition-root/site:editor)"/>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <section class="site-section" aria-labelledby="texts-heading">
        <h2 id="texts-heading">Texts</h2>
        <xsl:choose>
          <xsl:when test="$edition-root/site:text">
            <ul class="text-list">
              <xsl:apply-templates select="$edition-root/site:text" mode="il:text-card"/>
            </ul>
          </xsl:when>
          <xsl:otherwise><p>This edition has no texts.</p></xsl:otherwise>
        </xsl:choose>
      </section>
      <xsl:if test="exists($relations)">
        <section class="site-section" aria-labelledby="relations-heading">
          <h2 id="relations-heading">Relations of the works</h2>
          <xsl:sequence select="$relations"/>
        </section>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="il:page(il:edition-title(), (), $content)"/>
  </xsl:template>

  <!-- One text: its title (a link to it), its other titles, who made it, when, in which
       languages, and its downloads. -->
  <xsl:template match="site:text" mode="il:text-card">
    <xsl:variable name="summary" select="site:summary"/>
    <li class="text-card">
      <h3><a href="{il:text-url(@id, ())}"><xsl:sequence select="il:text-title(.)"/></a></h3>
      <dl class="text-facts">
        <xsl:if test="$summary/site:title[position() gt 1]">
          <dt>Also titled</dt>
          <xsl:for-each select="$summary/site:title[position() gt 1]">
            <dd><cite><xsl:sequence select="il:lang-attributes(@lang)"/><xsl:value-of select="."/></cite></dd>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$summary/site:author">
          <dt>By</dt>
          <dd><xsl:sequence select="il:linked-names($summary/site:author)"/></dd>
        </xsl:if>
        <xsl:if test="$summary/site:translator">
          <dt>Translated by</dt>
          <dd><xsl:sequence select="il:linked-names($summary/site:translator)"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space($summary/@date)">
          <dt>Date</dt>
          <dd><xsl:sequence select="il:time($summary/@date, il:date-label($summary/@date))"/></dd>
        </xsl:if>
        <xsl:if test="$summary/site:language">
          <dt>Languages</dt>
          <dd><xsl:value-of select="string-join($summary/site:language ! il:summary-language-share(.), ', ')"/></dd>
        </xsl:if>
        <dt>Downloads</dt>
        <dd>
          <a href="{il:download-url(@id, 'tei')}">TEI</a>
          <xsl:text>, </xsl:text>
          <a href="{il:download-url(@id, 'text')}">plain text</a>
        </dd>
      </dl>
    </li>
  </xsl:template>

  <!-- "Italian (97%)": a language and its share of the text, where the header gives it. -->
  <xsl:function name="il:summary-language-share" as="xs:string">
    <xsl:param name="language" as="element(site:language)"/>
    <xsl:sequence select="(normalize-space($language), string($language/@ident))[.][1]
        || (if ($language/@usage castable as xs:integer) then ' (' || $language/@usage || '%)' else '')"/>
  </xsl:function>

</xsl:stylesheet>
