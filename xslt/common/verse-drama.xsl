<?xml version="1.0" encoding="UTF-8"?>
<!--
  Verse and drama: stanzas and verse lines; speeches, speakers and stage directions; the cast list;
  the parts of a performance text. Verse lines outside a stanza (in a speech, in a division) are
  grouped into one by flow.xsl (role stanza, its node the container).

    role          element                                   content
    stanza        lg (of lines)                             its blocks: verse lines (a head)
    division      lg of stanzas, spGrp, set, prologue,      its blocks
                  epilogue, performance
    verse-line    l                                         running text
    speech        sp                                        its blocks: speaker, lines, paragraphs,
                                                            stage directions
    speaker       speaker                                   running text
    stage         stage, view, camera, sound, caption,      running text
                  move (among blocks)
    list          castList, castGroup                       its blocks: items (a head)
    list-item     castItem                                  running text

  In running text: stage (stage), name (role, actor), phrase (speaker, roleDesc, rhyme), space
  (caesura); move is not text there (an actor's movement, no words). A stanza, a speech or any other
  of these blocks met in running text is an embedded block (flow.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- ============================================================ verse -->

  <xsl:template match="tei:lg" mode="il:block">
    <xsl:sequence select="il:make-block(., 'stanza', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:lg[tei:lg]" mode="il:block">
    <xsl:sequence select="il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:l" mode="il:block">
    <xsl:sequence select="il:make-block(., 'verse-line', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:caesura" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'space', ())"/>
  </xsl:template>

  <xsl:template match="tei:rhyme" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ drama -->

  <xsl:template match="tei:sp" mode="il:block">
    <xsl:sequence select="il:make-block(., 'speech', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:spGrp | tei:set | tei:prologue | tei:epilogue | tei:performance" mode="il:block">
    <xsl:sequence select="il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:speaker" mode="il:block">
    <xsl:sequence select="il:make-block(., 'speaker', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:stage | tei:view | tei:camera | tei:sound | tei:caption | tei:move" mode="il:block">
    <xsl:sequence select="il:make-block(., 'stage', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:castList | tei:castGroup" mode="il:block">
    <xsl:sequence select="il:make-block(., 'list', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:castItem" mode="il:block">
    <xsl:sequence select="il:make-block(., 'list-item', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ in running text -->

  <xsl:template match="tei:stage" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'stage', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:move" mode="il:inline"/>

  <xsl:template match="tei:role | tei:actor" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'name', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:speaker | tei:roleDesc" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

</xsl:stylesheet>
