<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrases of running text: names, links and pointers, titles, dates, emphasis, foreign words,
  terms, numbers, segments, the names of markup, and what is not text at all (index entries,
  anchors, links, interpretations, feature structures). Mode il:inline turns mixed content into the
  format's form: text stays the TEI's own text nodes, and each phrase calls the hook il:make-inline
  (hooks.xsl) with the element, its role and its content (mode il:inline over its children). A
  format implements the roles and decides nothing here. Standing alone among blocks, a phrase joins
  a run of running text (flow.xsl).

    role            element                                      content
    name            persName, placeName, orgName, name, rs,      running text (the name as the text
                    geogName, geogFeat, settlement, region,      spells it; @ref points to its entry)
                    country, bloc, district, forename, surname,
                    addName, roleName, genName, nameLink,
                    objectName
    link            ref                                          running text (@target)
    pointer         ptr                                          its target, as the source writes it
    title           title                                        running text
    date            date, time                                   running text (@when, when known)
    author          author, editor                               running text
    emphasis        hi, emph, mentioned, distinct                running text
    foreign         foreign                                      running text (its xml:lang)
    term            term, gloss                                  running text
    number          num, measure, measureGrp, unit               running text
    segment         seg, s, w, c, pc, phr, cl, m                 running text
    element-name    gi                                           the element's name
    attribute-name  att                                          the attribute's name
    code            val, tag, code, ident, eg                    running text

  Not text (nothing published): index, anchor, link, linkGrp, interp, interpGrp, span, spanGrp,
  certainty, precision, respons, alt, altGrp, join, joinGrp, timeline, fs, fLib, fvLib: they
  annotate the text, they are not part of it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:name | tei:rs | tei:geogName
      | tei:geogFeat | tei:settlement | tei:region | tei:country | tei:bloc | tei:district
      | tei:forename | tei:surname | tei:addName | tei:roleName | tei:genName | tei:nameLink
      | tei:objectName" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'name', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:ref" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'link', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:ptr" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'pointer', normalize-space(@target))"/>
  </xsl:template>

  <xsl:template match="tei:title" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'title', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:date | tei:time" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'date', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:author | tei:editor" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'author', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:hi | tei:emph | tei:mentioned | tei:distinct" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'emphasis', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'foreign', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:term | tei:gloss" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'term', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:num | tei:measure | tei:measureGrp | tei:unit" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'number', il:inline(.))"/>
  </xsl:template>

  <!-- A segment with no identifier and no language of its own is only its words (the words,
       punctuation and sentences of a tokenised text, thousands of them): its content, without the
       hook, which every format would answer with the content anyway; it saves a dispatch per word. -->
  <xsl:template match="tei:seg | tei:s | tei:w | tei:c | tei:pc | tei:phr | tei:cl | tei:m" mode="il:inline">
    <xsl:sequence select="if (@xml:id or @xml:lang) then il:make-inline(., 'segment', il:inline(.)) else il:inline(.)"/>
  </xsl:template>

  <xsl:template match="tei:gi" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'element-name', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:att" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'attribute-name', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:val | tei:tag | tei:code | tei:ident | tei:eg" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'code', il:inline(.))"/>
  </xsl:template>

  <!-- Annotations of the text, not text. -->
  <xsl:template match="tei:index | tei:anchor | tei:link | tei:linkGrp | tei:interp | tei:interpGrp
      | tei:span | tei:spanGrp | tei:certainty | tei:precision | tei:respons | tei:alt | tei:altGrp
      | tei:join | tei:joinGrp | tei:timeline | tei:fs | tei:fLib | tei:fvLib" mode="il:inline"/>

</xsl:stylesheet>
