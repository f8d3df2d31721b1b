<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition: a header block (title, authors, translators, sources, languages, citation,
  licence), a line of "=", then the reading text. Blocks are separated by one blank line; headings,
  paragraphs, notes and signatures stand as they are, quotations and captions are indented by four
  spaces, items of a list of links by two. No markup, no register identifiers: names and links are
  their text, URLs as the source has them.

  Modes: "block" turns a block-level element into its laid-out lines (a string); "inline" turns mixed
  content into a string. An element neither mode knows stops the transformation with a message naming
  it, so that a new TEI construct is never silently dropped.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/params.xsl"/>
  <xsl:import href="../common/functions.xsl"/>
  <xsl:import href="wrap.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>
  <xsl:variable name="RULE" as="xs:string" select="string-join((1 to 72) ! '=', '')"/>

  <!-- ============================================================ the document -->

  <xsl:template match="/">
    <xsl:variable name="tei" select="tei:TEI"/>
    <xsl:variable name="div" select="if ($work) then $tei/tei:text/tei:body/tei:div[@type = 'work'][@n = $work] else ()"/>
    <xsl:if test="$work and empty($div)">
      <xsl:message terminate="yes">no work with @n="<xsl:value-of select="$work"/>" in <xsl:value-of select="$tei/@xml:id"/></xsl:message>
    </xsl:if>
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="if ($div) then $div else $tei/tei:text/tei:body/node()" mode="block"/>
    </xsl:variable>
    <xsl:value-of select="string-join((il:header($tei, $div), $RULE, '', string-join($blocks[normalize-space()], $NL || $NL)), $NL) || $NL"/>
  </xsl:template>

  <!-- ============================================================ the header block -->

  <xsl:function name="il:header" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:choose>
      <xsl:when test="$div">
        <xsl:sequence select="il:work-title($div)"/>
        <xsl:sequence select="'Part ' || $div/@n || ' of: ' || il:main-title($tei)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="il:titles($tei) ! normalize-space(.)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:sequence select="''"/>
    <xsl:sequence select="il:field('Authors', il:and-list(il:authors($tei)))"/>
    <xsl:sequence select="il:field('Translators', il:and-list(il:translators($tei)))"/>
    <xsl:variable name="originals" select="$header//tei:sourceDesc/tei:bibl[@type = 'original'][not($div) or @corresp = '#' || $div/@xml:id]"/>
    <xsl:for-each select="$originals">
      <xsl:sequence select="il:field(if (position() = 1) then 'Source' else '', il:original(.))"/>
    </xsl:for-each>
    <xsl:variable name="languages" select="$header/tei:profileDesc/tei:langUsage/tei:language"/>
    <xsl:sequence select="il:field('Language', if ($div)
        then il:language-name($tei, il:lang($div)) || ' (' || il:lang($div) || ')'
        else string-join($languages ! (normalize-space(.) || ' (' || @ident || (if (@usage) then ', ' || @usage || '%' else '') || ')'), '; '))"/>
    <xsl:sequence select="il:field('Cite as', il:citation($tei, $div))"/>
    <xsl:sequence select="il:field('Licence', normalize-space($header//tei:availability/tei:licence) || ' ' || $header//tei:availability/tei:licence/@target)"/>
    <xsl:variable name="seed" select="$header//tei:sourceDesc/tei:bibl[@type = 'seed']"/>
    <xsl:sequence select="il:field('Transcribed from', $seed/tei:idno[@type = 'filename'] || ' (SHA-256 ' || $seed/tei:idno[@type = 'sha256'] || ')')"/>
    <xsl:sequence select="il:field('Published by', $generator)"/>
  </xsl:function>

  <!-- "Label:     value", aligned; nothing when the value is empty. -->
  <xsl:function name="il:field" as="xs:string?">
    <xsl:param name="label" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <xsl:variable name="key" select="if ($label) then $label || ':' else ''"/>
      <xsl:sequence select="il:wrap-hanging(il:pad($key, 18), $value, il:pad('', 18))"/>
    </xsl:if>
  </xsl:function>

  <!-- $text followed by spaces up to $width characters. -->
  <xsl:function name="il:pad" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="width" as="xs:integer"/>
    <xsl:sequence select="$text || string-join((string-length($text) + 1 to $width) ! ' ', '')"/>
  </xsl:function>

  <!-- ============================================================ blocks -->

  <!-- White space between elements is layout of the XML file, not text. -->
  <xsl:template match="text()[not(normalize-space())]" mode="block"/>
  <xsl:template match="comment() | processing-instruction()" mode="block inline"/>

  <xsl:template match="tei:div | tei:postscript" mode="block">
    <xsl:apply-templates select="node()" mode="block"/>
  </xsl:template>

  <xsl:template match="tei:head | tei:p | tei:note | tei:byline | tei:trailer | tei:fw" mode="block">
    <xsl:sequence select="il:paragraph(., '')"/>
  </xsl:template>

  <!-- A separator line between works, drawn as in the source. -->
  <xsl:template match="tei:milestone" mode="block">
    <xsl:sequence select="string(@rend)"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="block">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:apply-templates select="*" mode="block"/>
    </xsl:variable>
    <xsl:sequence select="string-join($lines, $NL)"/>
  </xsl:template>

  <xsl:template match="tei:signed | tei:dateline" mode="block">
    <xsl:sequence select="il:paragraph(., '')"/>
  </xsl:template>

  <xsl:template match="tei:figure" mode="block">
    <xsl:sequence select="il:paragraph(tei:head, '    ')"/>
  </xsl:template>

  <!-- A quoted post: the quotation indented, its attribution under it. -->
  <xsl:template match="tei:cit" mode="block">
    <xsl:sequence select="il:paragraph(tei:quote, '    ', .) || $NL || il:wrap-hanging('    ', il:inline(tei:bibl), '    ')"/>
  </xsl:template>

  <xsl:template match="tei:quote" mode="block">
    <xsl:sequence select="il:paragraph(., '    ')"/>
  </xsl:template>

  <!-- A list of links: each item's lines (label, title, URL) as in the source, items apart. -->
  <xsl:template match="tei:list" mode="block">
    <xsl:variable name="items" as="xs:string*">
      <xsl:apply-templates select="tei:item" mode="block"/>
    </xsl:variable>
    <xsl:sequence select="string-join($items, $NL || $NL)"/>
  </xsl:template>

  <xsl:template match="tei:item" mode="block">
    <xsl:variable name="lines" select="tokenize(il:inline(.), '&#10;')"/>
    <xsl:variable name="number" select="il:number(.)"/>
    <xsl:variable name="hanging" select="il:pad('  ', 2 + string-length($number))"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($lines) return il:wrap-hanging(if ($i = 1) then '  ' || $number else $hanging, $lines[$i], $hanging),
        $NL)"/>
  </xsl:template>

  <xsl:template match="*" mode="block">
    <xsl:message terminate="yes">the text stylesheet does not handle &lt;<xsl:value-of select="name()"/>&gt; at <xsl:value-of select="il:where(.)"/></xsl:message>
  </xsl:template>

  <xsl:template match="text()" mode="block">
    <xsl:message terminate="yes">text directly in &lt;<xsl:value-of select="name(..)"/>&gt; at <xsl:value-of select="il:where(..)"/></xsl:message>
  </xsl:template>

  <!-- A block's text, numbered if asked, wrapped if asked, with an indent for every line. -->
  <xsl:function name="il:paragraph" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:sequence select="il:paragraph($block, $indent, $block)"/>
  </xsl:function>

  <xsl:function name="il:paragraph" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="numbered-by" as="element()"/>
    <xsl:variable name="number" select="il:number($numbered-by)"/>
    <xsl:sequence select="il:wrap-hanging($indent || $number, il:inline($block), il:pad($indent, string-length($indent) + string-length($number)))"/>
  </xsl:function>

  <xsl:function name="il:number" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="if ($numbered and $block/@n and $block/@xml:id) then '[' || $block/@n || '] ' else ''"/>
  </xsl:function>

  <!-- ============================================================ inline -->

  <xsl:function name="il:inline" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$node/node()" mode="inline"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts, '')"/>
  </xsl:function>

  <xsl:template match="text()" mode="inline">
    <xsl:sequence select="string(.)"/>
  </xsl:template>

  <!-- Names and links are their text; a line break inside an item stays one. -->
  <xsl:template match="tei:ref | tei:persName | tei:placeName | tei:orgName | tei:title | tei:date | tei:author" mode="inline">
    <xsl:apply-templates select="node()" mode="inline"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="inline">
    <xsl:sequence select="$NL"/>
  </xsl:template>

  <xsl:template match="*" mode="inline">
    <xsl:message terminate="yes">the text stylesheet does not handle &lt;<xsl:value-of select="name()"/>&gt; inside text, at <xsl:value-of select="il:where(.)"/></xsl:message>
  </xsl:template>

</xsl:stylesheet>
