<?xml version="1.0" encoding="UTF-8"?>
<!--
  The registers' index (site/registers.html): for each register of persons, places and
  organisations, its entries in alphabetical order, each a link to its own page (entry.xsl) with
  the number of its mentions in the texts (from the text summaries).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:template match="il:registers" mode="il:site-page">
    <xsl:variable name="registers" select="il:entity-registers()"/>
    <xsl:variable name="content" as="element()*">
      <h1>Registers</h1>
      <xsl:choose>
        <xsl:when test="empty($registers)">
          <p>This edition has no registers of persons, places or organisations.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>The persons, places and organisations the texts name, each with the number of times the
            texts mention it; each entry's page gives its names in every language and every mention in
            context.</p>
          <nav class="page-contents" aria-label="Registers">
            <ul>
              <xsl:for-each select="$registers">
                <li><a href="#{@site:file}"><xsl:value-of select="il:register-label(.)"/></a></li>
              </xsl:for-each>
            </ul>
          </nav>
          <xsl:apply-templates select="$registers" mode="il:register-index"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="il:page('Registers', (), $content)"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="il:register-index">
    <xsl:variable name="entries" select="il:entries(.)"/>
    <section class="site-section" aria-labelledby="{@site:file}">
      <h2 id="{@site:file}">
        <xsl:value-of select="il:register-label(.) || ' (' || count($entries) || ')'"/>
      </h2>
      <ul class="register-index">
        <xsl:for-each select="$entries">
          <xsl:sort select="lower-case(il:entry-label(.))" lang="en"/>
          <xsl:sort select="@xml:id"/>
          <xsl:variable name="mentions" select="count(il:mentions-of(.))"/>
          <li>
            <a href="{il:entry-url(il:entry-pointer(.))}"><xsl:sequence select="il:entry-label-element(.)"/></a>
            <xsl:text> </xsl:text>
            <span class="mention-count"><xsl:value-of select="il:count-label($mentions, 'mention')"/></span>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

</xsl:stylesheet>
