<?xml version="1.0" encoding="UTF-8"?>
<!--
  Laying out running text in plain text: how the content of a block (what mode il:inline made of
  it, in this format's form) becomes lines. Text form only: decides no meaning and implements no
  hook; the hooks (layout.xsl, phrases.xsl) use it.

  In this format, the content of a block of running text is a sequence of:

    strings (and the TEI's text nodes)   running text, its white space not significant; two marks
                                         may stand in it: $LINE (a line break that stays one) and
                                         $JOIN (no word boundary here: the white space around it
                                         goes, so that a word broken across lines is one word)
    map { 'block': string }              a block standing inside the running text (a list in a
                                         paragraph), already laid out
    map { 'after': string }              what goes after the block (a footnote, an apparatus
                                         entry), already laid out

  A laid-out block is one string, its lines separated by newlines: the running text wrapped ($wrap,
  wrap.xsl), the first line after a lead (indent, number, list marker), the others after a hanging
  indent; an embedded block apart, indented like the text; the notes after it, a blank line
  between each.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="NL" as="xs:string" select="'&#10;'"/>

  <!-- Two Unicode noncharacters, for use inside a process only: they never stand in a text. -->
  <xsl:variable name="JOIN" as="xs:string" select="'&#xFDD0;'"/>
  <xsl:variable name="LINE" as="xs:string" select="'&#xFDD1;'"/>

  <!-- The reading text: its blocks, the empty ones left out, separated by a blank line; as text
       nodes, which the serializer writes one after another (joining them into one string first
       would cost as much again as the whole transformation of a large text). -->
  <xsl:function name="il:reading-text" as="text()*">
    <xsl:param name="blocks" as="xs:string*"/>
    <xsl:for-each select="$blocks[il:has-text(.)]">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="$NL || $NL"/>
      </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="il:has-text" as="xs:boolean">
    <xsl:param name="block" as="xs:string"/>
    <xsl:sequence select="normalize-space(substring($block, 1, 200)) != '' or (string-length($block) gt 200 and normalize-space($block) != '')"/>
  </xsl:function>

  <!-- A block's running text, numbered if asked, with an indent for every line; wrapped lines hang by
       $hanging more than the first (il:paragraph#4). -->
  <xsl:function name="il:paragraph" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($block, $indent, '', $content)"/>
  </xsl:function>

  <xsl:function name="il:paragraph" as="xs:string">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="indent" as="xs:string"/>
    <xsl:param name="hanging" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <!-- the usual case, quickly: text and nothing in it, no number -->
      <xsl:when test="not($numbered) and (every $item in $content satisfies not($item instance of map(*)))">
        <xsl:variable name="text" select="if (count($content) = 1) then string($content) else string-join($content)"/>
        <xsl:sequence select="if ($wrap le 0 and not(contains($text, $JOIN) or contains($text, $LINE))) then $indent || normalize-space($text)
            else il:lines($indent, $indent || $hanging, $text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="number" select="il:number($block)"/>
        <xsl:sequence select="il:lay-out($indent || $number, il:pad($indent, string-length($indent) + string-length($number)) || $hanging, $content)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Running text laid out: the first line after $lead, the others after $hanging. -->
  <xsl:function name="il:lay-out" as="xs:string">
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="hanging" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:choose>
      <xsl:when test="every $item in $content satisfies not($item instance of map(*))">
        <xsl:sequence select="il:lines($lead, $hanging, string-join($content, ''))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pieces" as="xs:string*">
          <xsl:for-each-group select="$content[not(. instance of map(*) and map:contains(., 'after'))]"
              group-adjacent=". instance of map(*)" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
            <xsl:variable name="first" select="position() = 1"/>
            <xsl:sequence select="if (current-grouping-key())
                then current-group() ! il:indent(?block, if ($first) then $lead else $hanging, $hanging)
                else il:lines(if ($first) then $lead else $hanging, $hanging, string-join(current-group(), ''))"/>
          </xsl:for-each-group>
        </xsl:variable>
        <xsl:sequence select="string-join(($pieces, $content[. instance of map(*)]?after)[normalize-space()], $NL || $NL)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Running text (without blocks or notes) as lines: words joined where $JOIN says, a new line at
       each $LINE, each line wrapped; white space only lines left out. -->
  <xsl:function name="il:lines" as="xs:string">
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="hanging" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="joined" select="if (contains($text, $JOIN)) then il:join-words($text) else $text"/>
    <xsl:choose>
      <xsl:when test="not(contains($joined, $LINE))">
        <xsl:sequence select="il:wrap-hanging($lead, $joined, $hanging)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lines" select="tokenize($joined, '&#xFDD1;')[normalize-space()]"/>
        <xsl:sequence select="string-join((
            il:wrap-hanging($lead, string($lines[1]), $hanging),
            $lines[position() gt 1] ! il:wrap-hanging($hanging, ., $hanging)), $NL)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Text with the white space around each $JOIN taken out, and the $JOIN too: the word goes on.
       (White space is normalised on the way, as wrapping does anyway; no regular expression, which
       costs time in proportion to the white space around each position.) -->
  <xsl:function name="il:join-words" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="string-join(tokenize($text, '&#xFDD0;') ! normalize-space(.), '')"/>
  </xsl:function>

  <!-- Content on one line, whatever it holds (a note printed where it stands, a table cell). -->
  <xsl:function name="il:flat" as="xs:string">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="text" select="string-join($content ! (if (. instance of map(*)) then ' ' || (?block, ?after) || ' ' else string(.)), '')"/>
    <xsl:sequence select="normalize-space(translate(if (contains($text, $JOIN)) then il:join-words($text) else $text, $LINE, ' '))"/>
  </xsl:function>

  <!-- Lines already laid out, indented: the first after $lead, the others after $hanging. -->
  <xsl:function name="il:indent" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="hanging" as="xs:string"/>
    <xsl:variable name="lines" select="tokenize($text, $NL)"/>
    <xsl:sequence select="string-join(($lead || $lines[1], $lines[position() gt 1] ! (if (.) then $hanging || . else .)), $NL)"/>
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
