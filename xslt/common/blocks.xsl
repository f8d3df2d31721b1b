<?xml version="1.0" encoding="UTF-8"?>
<!--
  Blocks: which TEI elements of a text's body are blocks and what role each plays. Mode il:block
  turns a block into its form by calling the hook il:make-block (hooks.xsl) with the element, its
  role and its content; a format implements the roles and decides nothing here.

    role         element                 content
    division     div, postscript         its blocks (a division holds only blocks)
    heading      head                    running text
    paragraph    p                       running text
    note         note                    running text
    byline       byline                  running text
    trailer      trailer                 running text
    navigation   fw                      running text (site navigation left in the source)
    separator    milestone               the line the source draws between two works (@rend)
    closer       closer                  its lines (signature, dateline)
    signature    signed                  running text
    dateline     dateline                running text
    figure       figure                  its caption
    caption      figure/head             running text
    quotation    quote                   running text
    quoted-post  cit                     its quotation, then its attribution
    attribution  cit/bibl                running text (author, date)
    link-list    list                    its items
    link-item    list/item               running text, its lines (label, title, URL) apart (lb)

  What is never text: white space between blocks (the layout of the XML file), comments and
  processing instructions. An element not in this table, or text standing directly in a division,
  stops the transformation with a message naming it, so that no TEI construct is silently dropped.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The elements the templates below know as blocks, for tests and tools (kept in step with the
       match patterns by tests/test_xslt_layers.py). -->
  <xsl:variable name="il:block-elements" as="xs:string*" select="(
      'div', 'postscript', 'head', 'p', 'note', 'byline', 'trailer', 'fw', 'milestone',
      'closer', 'signed', 'dateline', 'figure', 'quote', 'cit', 'bibl', 'list', 'item')"/>

  <!-- The nodes whose blocks make the reading text: the work selected (il:selected-work), else all
       of the body. -->
  <xsl:function name="il:reading-nodes" as="node()*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:sequence select="if ($div) then $div else $tei/tei:text/tei:body/node()"/>
  </xsl:function>

  <!-- The number a block is cited by ("12" in organise-en 1.12): the @n of a citable block (one with
       an xml:id); the quotation of a quoted post is cited by the post. -->
  <xsl:function name="il:citation-number" as="xs:string?">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="cited" select="if ($block/self::tei:quote/parent::tei:cit) then $block/.. else $block"/>
    <xsl:sequence select="$cited[@n and @xml:id]/string(@n)"/>
  </xsl:function>

  <!-- ============================================================ what is not text -->

  <xsl:template match="text()[not(normalize-space())]" mode="il:block"/>
  <xsl:template match="comment() | processing-instruction()" mode="il:block il:inline"/>

  <!-- ============================================================ blocks of blocks -->

  <xsl:template match="tei:div | tei:postscript" mode="il:block">
    <xsl:sequence select="il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="il:block">
    <xsl:sequence select="il:make-block(., 'closer', il:blocks(*))"/>
  </xsl:template>

  <xsl:template match="tei:figure" mode="il:block">
    <xsl:sequence select="il:make-block(., 'figure', il:blocks(tei:head))"/>
  </xsl:template>

  <xsl:template match="tei:cit" mode="il:block">
    <xsl:sequence select="il:make-block(., 'quoted-post', il:blocks((tei:quote, tei:bibl)))"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="il:block">
    <xsl:sequence select="il:make-block(., 'link-list', il:blocks(tei:item))"/>
  </xsl:template>

  <!-- ============================================================ blocks of running text -->

  <xsl:template match="tei:head" mode="il:block">
    <xsl:sequence select="il:make-block(., 'heading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="il:block">
    <xsl:sequence select="il:make-block(., 'paragraph', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="il:block">
    <xsl:sequence select="il:make-block(., 'note', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:byline" mode="il:block">
    <xsl:sequence select="il:make-block(., 'byline', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:trailer" mode="il:block">
    <xsl:sequence select="il:make-block(., 'trailer', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:fw" mode="il:block">
    <xsl:sequence select="il:make-block(., 'navigation', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:signed" mode="il:block">
    <xsl:sequence select="il:make-block(., 'signature', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:dateline" mode="il:block">
    <xsl:sequence select="il:make-block(., 'dateline', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:figure/tei:head" mode="il:block">
    <xsl:sequence select="il:make-block(., 'caption', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="il:block">
    <xsl:sequence select="il:make-block(., 'quotation', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:cit/tei:bibl" mode="il:block">
    <xsl:sequence select="il:make-block(., 'attribution', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:item" mode="il:block">
    <xsl:sequence select="il:make-block(., 'link-item', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ a line -->

  <xsl:template match="tei:milestone" mode="il:block">
    <xsl:sequence select="il:make-block(., 'separator', string(@rend))"/>
  </xsl:template>

  <!-- ============================================================ anything else -->

  <xsl:template match="*" mode="il:block">
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> stylesheet does not handle &lt;<xsl:value-of select="name()"/>&gt; at <xsl:value-of select="il:where(.)"/></xsl:message>
  </xsl:template>

  <xsl:template match="text()" mode="il:block">
    <xsl:message terminate="yes">text directly in &lt;<xsl:value-of select="name(..)"/>&gt; at <xsl:value-of select="il:where(..)"/></xsl:message>
  </xsl:template>

  <!-- The blocks of some nodes, in the order given, each in the format's form. -->
  <xsl:function name="il:blocks" as="item()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="il:block"/>
  </xsl:function>

</xsl:stylesheet>
