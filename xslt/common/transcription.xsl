<?xml version="1.0" encoding="UTF-8"?>
<!--
  Transcription and editorial intervention: alternative readings (choice and what it groups),
  abbreviations, what is unclear, lost or supplied, what the writer added or deleted, spaces and
  glyphs. Which reading is published is decided here, by the parameters $choice and $deletions
  (params.xsl); how a reading looks is the format's (hooks il:make-inline). All of it is running
  text (mode il:inline); standing among blocks it joins a run (flow.xsl).

    role                element                                 content
    reading             the reading of a choice that $choice    running text
                        selects; sic, corr, orig, reg, abbr,
                        expan outside a choice
    alternative         with $choice = 'both', the other        running text
                        reading of a choice
    expansion           ex (unless $choice = 'original')        running text
    abbreviation-mark   am (when $choice = 'original')          running text
    unclear             unclear                                 running text
    gap                 gap                                     its description (desc), if any
    supplied            supplied                                running text
    surplus             surplus, secl                           running text
    addition            add                                     running text
    deletion            del (when $deletions = 'show')          running text
    phrase              subst, mod, restore, retrace, damage,   running text
                        redo, undo, metamark
    space               space                                   none
    glyph               g                                       running text (an empty g: nothing)

  Choice: $choice = 'regularised' publishes corr, reg and expan (the first of them in the choice),
  'original' sic, orig and abbr, 'both' the first and then the other as an alternative; a choice
  with neither (two corr, two seg) publishes its first child. Not text: handShift, addSpan, delSpan,
  damageSpan (they mark where something starts; its text is elsewhere).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The children of a choice that are the edited reading, and those that are the source's. -->
  <xsl:variable name="il:edited" as="xs:string*" select="('corr', 'reg', 'expan')"/>
  <xsl:variable name="il:original" as="xs:string*" select="('sic', 'orig', 'abbr')"/>

  <!-- A choice with no readings in it (text only) is its text. -->
  <xsl:template match="tei:choice[not(*)]" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'reading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="il:inline">
    <xsl:variable name="preferred" select="if ($choice = 'original') then $il:original else $il:edited"/>
    <xsl:variable name="chosen" select="(*[local-name() = $preferred], *)[1]"/>
    <xsl:sequence select="il:make-inline($chosen, 'reading', il:inline($chosen))"/>
    <xsl:if test="$choice = 'both'">
      <xsl:variable name="other" select="(*[local-name() = $il:original] except $chosen)[1]"/>
      <xsl:sequence select="$other ! il:make-inline(., 'alternative', il:inline(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'reading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:ex" mode="il:inline">
    <xsl:if test="$choice != 'original'">
      <xsl:sequence select="il:make-inline(., 'expansion', il:inline(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:am" mode="il:inline">
    <xsl:if test="$choice = 'original'">
      <xsl:sequence select="il:make-inline(., 'abbreviation-mark', il:inline(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'unclear', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'gap', tei:desc ! il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:supplied" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'supplied', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:surplus | tei:secl" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'surplus', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:add" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'addition', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:del" mode="il:inline">
    <xsl:if test="$deletions = 'show'">
      <xsl:sequence select="il:make-inline(., 'deletion', il:inline(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:subst | tei:mod | tei:restore | tei:retrace | tei:damage | tei:redo
      | tei:undo | tei:metamark" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:space" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'space', ())"/>
  </xsl:template>

  <xsl:template match="tei:g" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'glyph', il:inline(.))"/>
  </xsl:template>

  <!-- Where a hand, an addition, a deletion or damage starts: not text. -->
  <xsl:template match="tei:handShift | tei:addSpan | tei:delSpan | tei:damageSpan" mode="il:inline"/>

</xsl:stylesheet>
