<?xml version="1.0" encoding="UTF-8"?>
<!--
  The form of the plain-text edition's reading text: this module implements the hooks of the common
  layer (xslt/common/hooks.xsl), il:make-block and il:make-inline, with one template rule per role.
  What each TEI element is (its role) is decided in xslt/common/blocks.xsl and inline.xsl, not here.

  Every block becomes a string of laid-out lines. Headings, paragraphs, notes and signatures stand as
  they are; quotations and captions are indented by four spaces; the items of a list of links by two,
  their lines (label, title, URL) as in the source; a separator is drawn as in the source. With
  $numbered, a citable block starts with its number ("[12] "); with $wrap, lines are wrapped
  (wrap.xsl). Blocks are separated by one blank line; the lines of a closer and of a quoted post
  are not. Running text is its characters: no markup, no register identifiers, names and links as
  the text has them, a line break kept as one.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The name of this format in the messages of the common layer. -->
  <xsl:variable name="il:format" as="xs:string" select="'text'"/>

  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>

  <!-- ============================================================ blocks (hook il:make-block) -->

  <!-- A division or a figure: its blocks, each standing on its own. -->
  <xsl:template match=".[. = ('division', 'figure')]" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template match=".[. = ('heading', 'paragraph', 'note', 'byline', 'trailer', 'navigation', 'signature', 'dateline')]" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($node, '', $content)"/>
  </xsl:template>

  <xsl:template match=".[. = ('caption', 'quotation')]" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($node, '    ', $content)"/>
  </xsl:template>

  <!-- A quoted post: the quotation indented, its attribution under it, as one block. -->
  <xsl:template match=".[. = 'quoted-post']" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="string-join($content, $NL)"/>
  </xsl:template>

  <xsl:template match=".[. = 'attribution']" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:wrap-hanging('    ', string-join($content, ''), '    ')"/>
  </xsl:template>

  <!-- A closer: signature and dateline on consecutive lines. -->
  <xsl:template match=".[. = 'closer']" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="string-join($content, $NL)"/>
  </xsl:template>

  <!-- A list of links: its items apart. -->
  <xsl:template match=".[. = 'link-list']" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="string-join($content, $NL || $NL)"/>
  </xsl:template>

  <!-- An item: each of its lines (label, title, URL) as in the source, indented by two. -->
  <xsl:template match=".[. = 'link-item']" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="lines" select="tokenize(string-join($content, ''), '&#10;')"/>
    <xsl:variable name="number" select="il:number($node)"/>
    <xsl:variable name="hanging" select="il:pad('  ', 2 + string-length($number))"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($lines) return il:wrap-hanging(if ($i = 1) then '  ' || $number else $hanging, $lines[$i], $hanging),
        $NL)"/>
  </xsl:template>

  <!-- A separator line between works, drawn as in the source. -->
  <xsl:template match=".[. = 'separator']" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- ============================================================ running text (hook il:make-inline) -->

  <!-- Names, links, titles, dates and authors are their text. -->
  <xsl:template match=".[. = ('name', 'link', 'title', 'date', 'author')]" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A line break inside an item stays one. -->
  <xsl:template match=".[. = 'line-break']" mode="il:make-inline">
    <xsl:sequence select="$NL"/>
  </xsl:template>

  <!-- ============================================================ laying out -->

  <!-- The reading text: its blocks, the empty ones left out, separated by a blank line. -->
  <xsl:function name="il:reading-text" as="xs:string">
    <xsl:param name="blocks" as="xs:string*"/>
    <xsl:sequence select="string-join($blocks[normalize-space()], $NL || $NL)"/>
  </xsl:function>

  <!-- A block's running text, numbered if asked, wrapped if asked, with an indent for every line. -->
  <xsl:function name="il:paragraph" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="number" select="il:number($block)"/>
    <xsl:sequence select="il:wrap-hanging($indent || $number, string-join($content, ''), il:pad($indent, string-length($indent) + string-length($number)))"/>
  </xsl:function>

  <!-- "[12] " before a citable block when $numbered, else nothing. -->
  <xsl:function name="il:number" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="n" select="il:citation-number($block)"/>
    <xsl:sequence select="if ($numbered and exists($n)) then '[' || $n || '] ' else ''"/>
  </xsl:function>

  <!-- $text followed by spaces up to $width characters. -->
  <xsl:function name="il:pad" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="$text || string-join((string-length($text) + 1 to $width) ! ' ', '')"/>
  </xsl:function>

</xsl:stylesheet>
