<?xml version="1.0" encoding="UTF-8"?>
<!--
  Keyword in context, for the text summaries (summary.xsl): the block a name or a date stands in,
  its own text, and the text of the block on either side of it, cut to a few dozen characters at a
  word boundary. The entry pages show every mention of an entry as such a line, the timeline every
  date; both link to the block, whose xml:id is the anchor on the text's page.

  The text of a block is its text nodes as they stand, a line break (lb) read as a space and white
  space collapsed; a note inside the block that does not hold the keyword is not its text (a
  footnote is not what surrounds the name). Only the neighbouring text nodes are read, never the
  whole block, so that a long block with many names costs what its names cost.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- How many characters of context a mention keeps on each side (then cut at a word boundary). -->
  <xsl:variable name="il:context-length" as="xs:integer" select="60"/>
  <!-- And a date: a timeline line is shorter. -->
  <xsl:variable name="il:date-context-length" as="xs:integer" select="45"/>

  <!-- What marks a context cut short. -->
  <xsl:variable name="il:ellipsis" as="xs:string" select="'…'"/>

  <!-- The block a node stands in: the nearest element above it that is a block of the text (in
       il:flow-of's sense) with an xml:id, which the text's page gives as its anchor; not the
       document or its text as a whole (a name outside any identified block links to the page). -->
  <xsl:function name="il:context-block" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$node/ancestor::*[@xml:id][il:flow-of(.) = ('block', 'either')]
        [not(self::tei:TEI or self::tei:teiCorpus or self::tei:text or self::tei:body or self::tei:front or self::tei:back or self::tei:group)][1]"/>
  </xsl:function>

  <!-- The block whose text is a node's context: the nearest block above it, identified or not (a
       paragraph, a heading: not the division around them, whose blocks would run together), or
       the identified block when there is none closer; the nearest block when none is identified. An element known both as a block and as a
       phrase (a quotation, a note) is a block where it stands among blocks, as il:blocks reads
       it (flow.xsl). -->
  <xsl:function name="il:context-container" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:variable name="nearest" select="$node/ancestor::*[il:flow-of(.) = 'block' or (il:flow-of(.) = 'either' and not(il:holds-text(..)))][1]"/>
    <xsl:sequence select="if (exists($nearest) and (empty($block) or $nearest is $block or $nearest >> $block)) then $nearest else $block"/>
  </xsl:function>

  <!-- The text of an element on one line: its text nodes, line breaks as spaces. -->
  <xsl:function name="il:keyword" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($element/descendant::node()[self::text() or self::tei:lb] ! il:piece(.), ''))"/>
  </xsl:function>

  <!-- How many text nodes next to a keyword are read for its context, at most: enough for the
       context's length even where every word is an element (w) with white space between. -->
  <xsl:variable name="il:context-nodes" as="xs:integer" select="64"/>

  <!-- Up to $length characters of the block's text before $node, cut at a word boundary, "…" where
       it was cut; its white space collapsed, a space kept at its end (it separates it from the
       keyword). Empty outside a block. -->
  <xsl:function name="il:context-before" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:param name="length" as="xs:integer"/>
    <!-- the nearest nodes before it (a positional predicate on a reverse axis counts back from the
         node, so only those are read), in document order -->
    <xsl:variable name="near" select="if ($block) then $node/preceding::node()[self::text() or self::tei:lb][position() le $il:context-nodes][. >> $block] else ()"/>
    <xsl:variable name="text" select="replace(replace(string-join(il:pieces($near, $node, $block), ''), '\s+', ' '), '^ ', '')"/>
    <xsl:variable name="cut" select="substring($text, string-length($text) - $length + 1)"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
        else $il:ellipsis || il:whole-words($cut, replace($cut, '^\S*\s', ''))"/>
  </xsl:function>

  <!-- Up to $length characters of the block's text after $node, likewise (a space kept at its
       start). -->
  <xsl:function name="il:context-after" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="near" select="if ($block) then $node/following::node()[self::text() or self::tei:lb][position() le $il:context-nodes][ancestor::* intersect $block] else ()"/>
    <xsl:variable name="text" select="replace(replace(string-join(il:pieces($near, $node, $block), ''), '\s+', ' '), ' $', '')"/>
    <xsl:sequence select="il:shortened($text, $length)"/>
  </xsl:function>

  <!-- The text of nodes around a keyword, each as it reads; a note beside the keyword is left out. -->
  <xsl:function name="il:pieces" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="keyword" as="element()"/>
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="$nodes ! (if (il:in-other-note(., $keyword, $block)) then '' else il:piece(.))"/>
  </xsl:function>

  <!-- A text node as it reads, a line break as a space (one inside a word, break="no", as
       nothing). -->
  <xsl:function name="il:piece" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if ($node/self::tei:lb) then (if ($node/@break = 'no') then '' else ' ') else string($node)"/>
  </xsl:function>

  <!-- Is a node inside a note of the block that does not hold the keyword (a footnote beside it)? -->
  <xsl:function name="il:in-other-note" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="keyword" as="element()"/>
    <xsl:param name="block" as="element()"/>
    <xsl:sequence select="exists($node/ancestor::tei:note[. >> $block] except $keyword/ancestor::tei:note)"/>
  </xsl:function>

  <!-- A text cut to about $length characters at a word boundary, "…" where it was cut. -->
  <xsl:function name="il:shortened" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="length" as="xs:integer"/>
    <xsl:variable name="cut" select="substring($text, 1, $length)"/>
    <xsl:sequence select="if (string-length($text) le $length) then $text
        else il:whole-words($cut, replace($cut, '\s\S*$', '')) || $il:ellipsis"/>
  </xsl:function>

  <!-- A text cut at a word boundary, unless that leaves no word (one long word, a URL): then the
       text cut where it was. -->
  <xsl:function name="il:whole-words" as="xs:string">
    <xsl:param name="cut" as="xs:string"/>
    <xsl:param name="at-word" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($at-word)) then $at-word else $cut"/>
  </xsl:function>

</xsl:stylesheet>
