<?xml version="1.0" encoding="UTF-8"?>
<!--
  A text's summary for the edition document (src/interlinea/publish/site_data.py): what the pages
  made from the edition as a whole (home, registers, map, timeline, search) need to know of one
  text, so that they never need the text itself. Made once per text and run.

    <summary xmlns="urn:interlinea:site" id="" lang="" title="" date="">
      <title lang="">…</title>*            the titles, the main one first
      <author ref="">…</author>*
      <language ident="" usage="">name</language>*
      <work id="" n="" lang="" title=""/>*
    </summary>
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="*" as="element()"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <summary id="{$tei/@xml:id}" lang="{il:lang($tei)}" title="{il:main-title($tei)}"
        date="{($header/tei:profileDesc/tei:creation/tei:date/@when, $header//tei:sourceDesc/tei:bibl[@type = 'original']/tei:date/@when)[1]}">
      <xsl:for-each select="il:titles($tei)">
        <title lang="{il:lang(.)}"><xsl:value-of select="normalize-space(.)"/></title>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author">
        <author ref="{@ref}"><xsl:value-of select="normalize-space(.)"/></author>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language">
        <language ident="{@ident}" usage="{@usage}"><xsl:value-of select="normalize-space(.)"/></language>
      </xsl:for-each>
      <xsl:for-each select="$tei/tei:text/tei:body/tei:div[@type = 'work']">
        <work id="{@xml:id}" n="{@n}" lang="{il:lang(.)}" title="{il:work-title(.)}"/>
      </xsl:for-each>
    </summary>
  </xsl:template>

</xsl:stylesheet>
