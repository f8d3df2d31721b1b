<?xml version="1.0" encoding="UTF-8"?>
<!--
  Running text: which TEI elements stand inside a block's text and what role each plays. Mode
  il:inline turns mixed content into the format's form: text stays the TEI's own text nodes, and each
  phrase calls the hook il:make-inline (hooks.xsl) with the element, its role and its content (mode
  il:inline over its children). A format implements the roles and decides nothing here.

    role         element                          content
    name         persName, placeName, orgName     running text (the name as the text spells it; @ref
                                                  points to its register entry)
    link         ref                              running text (the URL as the source has it; @target)
    title        title                            running text
    date         date                             running text (@when, when known)
    author       author                           running text
    line-break   lb                               none (a line of the source that stays one)

  An element not in this table stops the transformation with a message naming it, so that no TEI
  construct is silently dropped. Comments and processing instructions are not text (blocks.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The elements the templates below know as running text, for tests and tools (kept in step with
       the match patterns by tests/test_xslt_layers.py). -->
  <xsl:variable name="il:inline-elements" as="xs:string*" select="(
      'persName', 'placeName', 'orgName', 'ref', 'title', 'date', 'author', 'lb')"/>

  <!-- The running text of an element (its children), in the format's form. -->
  <xsl:function name="il:inline" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:apply-templates select="$node/node()" mode="il:inline"/>
  </xsl:function>

  <xsl:template match="text()" mode="il:inline">
    <xsl:sequence select="."/>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'name', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:ref" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'link', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:title" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'title', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:date" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'date', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:author" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'author', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'line-break', ())"/>
  </xsl:template>

  <xsl:template match="*" mode="il:inline">
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> stylesheet does not handle &lt;<xsl:value-of select="name()"/>&gt; inside text, at <xsl:value-of select="il:where(.)"/></xsl:message>
  </xsl:template>

</xsl:stylesheet>
