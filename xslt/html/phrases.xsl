<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML form of the inline roles: this module implements the hook il:make-inline of the common
  layer (xslt/common/hooks.xsl), one template rule per role (or per group of roles that share a
  form). What each TEI element is (its role) is decided in xslt/common/; blocks are blocks.xsl's.

  Semantic HTML for each: names and cited works as links to their entries with a tooltip
  (text-links.xsl), links of the source live only when safe, titles cite, dates time, emphasis
  em/i/b (by @rend), foreign words i with their lang, quotations q, code code, additions ins,
  deletions del, line breaks br, footnotes a mark and an aside (text-notes.xsl). Editorial signs are
  text, as in the text edition (supplied [in brackets], surplus {in braces}, a gap […]), so that
  they are copied with the text. A phrase made from a TEI element with an xml:id has it as its id;
  one in another language than its container says so (lang, and dir when the direction changes).
  Phrases with nothing to say (a segment, a word) are their content alone.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="text-links.xsl"/>
  <xsl:import href="text-notes.xsl"/>

  <!-- ============================================================ names, titles, links -->

  <xsl:template match="il:name" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:name($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:title" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:title($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:link" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:reference-link($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:pointer" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="il:pointer($node, $content)"/>
  </xsl:template>

  <!-- A date: time with its normalised value (@when) when HTML can say it, else a span. -->
  <xsl:template match="il:date" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="when" select="normalize-space($node/@when)"/>
    <xsl:variable name="attributes" as="attribute()*">
      <xsl:sequence select="il:phrase-attributes($node, 'date' || (if ($node/@cert or $node/@evidence) then ' uncertain' else ''))"/>
      <xsl:if test="il:is-html-date($when)">
        <xsl:attribute name="datetime" select="$when"/>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="il:phrase(if (il:is-html-date($when)) then 'time' else 'span', $attributes, $content)"/>
  </xsl:template>

  <!-- ============================================================ phrases with an element -->

  <xsl:template match="il:author | il:number | il:term | il:navigation | il:stage | il:unclear
      | il:expansion | il:abbreviation-mark | il:bibliographic | il:reference | il:record | il:unknown"
      mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, il:role-class(local-name(), $node)), $content)"/>
  </xsl:template>

  <!-- Emphasis: em for emph, else by its rendition (italic i, bold b, superscript sup…). -->
  <xsl:template match="il:emphasis" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="rendition" select="il:rendition($node)"/>
    <xsl:sequence select="il:phrase(il:emphasis-element($node, $rendition),
        il:phrase-attributes($node, string-join(('emphasis', local-name($node), $rendition ! ('rend-' || .)), ' ')), $content)"/>
  </xsl:template>

  <!-- A foreign word: i, with its language (il:phrase-attributes gives lang and dir). -->
  <xsl:template match="il:foreign" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('i', il:phrase-attributes($node, 'foreign'), $content)"/>
  </xsl:template>

  <!-- A quotation: q, whose quotation marks the style sheet gives in the language of the text. -->
  <xsl:template match="il:quoted" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('q', il:phrase-attributes($node, il:role-class('quoted', $node)), $content)"/>
  </xsl:template>

  <xsl:template match="il:code" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('code', il:phrase-attributes($node, il:role-class('code', $node)), $content)"/>
  </xsl:template>

  <!-- The name of an element, as markup writes it: <name>. -->
  <xsl:template match="il:element-name" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('code', il:phrase-attributes($node, 'element-name'), ('&lt;', $content, '&gt;'))"/>
  </xsl:template>

  <xsl:template match="il:attribute-name" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('code', il:phrase-attributes($node, 'attribute-name'), ('@', $content))"/>
  </xsl:template>

  <xsl:template match="il:addition" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('ins', il:phrase-attributes($node, 'addition'), $content)"/>
  </xsl:template>

  <xsl:template match="il:deletion" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('del', il:phrase-attributes($node, 'deletion'), $content)"/>
  </xsl:template>

  <!-- A reading of a choice or an apparatus: its content; with the other reading of its choice
       in a tooltip ("Source: teh"), so that the reader sees what the editor changed; the id of the
       choice or app it was chosen from (what a pointer to it finds), when it has none of its own. -->
  <xsl:template match="il:reading" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="other" select="il:other-reading($node)"/>
    <xsl:variable name="holder-id" select="if ($node/@xml:id) then () else $node/(parent::tei:choice | parent::tei:app | parent::tei:rdgGrp/ancestor::tei:app[1])/@xml:id"/>
    <xsl:variable name="attributes" select="il:phrase-attributes($node, 'reading ' || local-name($node)),
        $holder-id ! il:attribute('id', .), $other ! il:attribute('data-tooltip', .)"/>
    <xsl:sequence select="if (exists($other) or exists($holder-id)) then il:phrase('span', $attributes, $content)
        else il:bare-or-span($node, 'reading', $content)"/>
  </xsl:template>

  <!-- ============================================================ content alone -->

  <!-- A segment, a phrase, a glyph: the content, in a span only when it has an id or a language of
       its own to say. -->
  <xsl:template match="il:segment | il:phrase | il:glyph" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:bare-or-span($node, local-name(), $content)"/>
  </xsl:template>

  <xsl:template match="il:field-separator" mode="il:make-inline">
    <xsl:text>, </xsl:text>
  </xsl:template>

  <xsl:template match="il:space" mode="il:make-inline">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ============================================================ editorial signs -->

  <xsl:template match="il:supplied" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, 'supplied'), ('[', $content, ']'))"/>
  </xsl:template>

  <xsl:template match="il:surplus" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, 'surplus'), ('{', $content, '}'))"/>
  </xsl:template>

  <xsl:template match="il:alternative" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="' ', il:phrase('span', il:phrase-attributes($node, 'alternative ' || local-name($node)), ('[', $content, ']'))"/>
  </xsl:template>

  <!-- A gap: […], with what the editors say of it. -->
  <xsl:template match="il:gap" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="extent" select="string-join(($node/@reason, $node/@quantity, $node/@unit, $node/@extent), ' ')"/>
    <xsl:variable name="attributes" select="il:phrase-attributes($node, 'gap'),
        if (normalize-space($extent)) then il:attribute('data-tooltip', 'Gap: ' || normalize-space($extent)) else ()"/>
    <xsl:sequence select="il:phrase('span', $attributes, ('[…', $content[1] ! ' ', $content, ']'))"/>
  </xsl:template>

  <!-- ============================================================ notes -->

  <xsl:template match="il:footnote" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if ($notes = 'in-place') then il:note-in-place($node, 'note in-place', $content) else il:footnote($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:inline-note" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="' ', il:note-in-place($node, 'note inline-note', $content), ' '"/>
  </xsl:template>

  <xsl:template match="il:apparatus-note" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:apparatus-note($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:lemma" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:lemma($node, $content)"/>
  </xsl:template>

  <xsl:template match="il:variant" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:variant($node, $content)"/>
  </xsl:template>

  <!-- ============================================================ lines, pages, breaks -->

  <!-- A line of the source: br, when lines are kept; else a space. -->
  <xsl:template match="il:line-break" mode="il:make-inline">
    <xsl:choose>
      <xsl:when test="$line-breaks = 'keep'"><br/></xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="il:word-continues" mode="il:make-inline">
    <xsl:sequence select="il:join-marker()"/>
  </xsl:template>

  <!-- A page break, a column break, a milestone: a word boundary (as in the text edition) and the
       mark (a break inside a word is made one by the joins around it). -->
  <xsl:template match="il:page-break | il:column-break | il:milestone" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="' ', il:break-mark($node, local-name(), $content, 'span'), ' '"/>
  </xsl:template>

  <!-- ============================================================ not text -->

  <xsl:template match="il:graphic" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:if test="$content">
      <xsl:sequence select="' ', il:phrase('span', il:phrase-attributes($node, 'graphic'), il:graphic($content)), ' '"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="il:inclusion" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, 'inclusion'), il:inclusion-text($content))"/>
  </xsl:template>

  <!-- A block inside running text (a list in a paragraph): a div, which makes the element holding
       it a div too (il:running-block). -->
  <xsl:template match="il:embedded-block" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:if test="exists($content)">
      <div class="embedded-block"><xsl:sequence select="$content"/></div>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ helpers -->

  <!-- The content alone, or in a span when the element has an id or a language of its own. -->
  <xsl:function name="il:bare-or-span" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <!-- only an xml:id or an xml:lang can give a phrase more than its class (il:phrase-attributes):
         without either, the content alone, with no attributes made and thrown away (most segments,
         words and readings of a text have neither) -->
    <xsl:sequence select="if (empty($node/(@xml:id | @xml:lang))) then $content
        else il:bare-or-span-with(il:phrase-attributes($node, $class), $content)"/>
  </xsl:function>

  <xsl:function name="il:bare-or-span-with" as="item()*">
    <xsl:param name="attributes" as="attribute()*"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if ($attributes[name() != 'class']) then il:phrase('span', $attributes, $content) else $content"/>
  </xsl:function>

  <!-- The class of a phrase: its role, and the element's name when it is another (a role several
       elements play: term and gloss, num and measure…). -->
  <xsl:function name="il:role-class" as="xs:string">
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="string-join(distinct-values(($role, local-name($node))), ' ')"/>
  </xsl:function>

  <!-- The rendition of a phrase as words: its @rend (and @rendition without its "#"), lower case. -->
  <xsl:function name="il:rendition" as="xs:string*">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="tokenize(lower-case(string-join(($node/@rend, $node/@rendition ! replace(., '#', '')), ' ')))[matches(., '^[a-z][a-z0-9-]*$')]"/>
  </xsl:function>

  <!-- The element for emphasis: em (emph), i (italic, mentioned, distinct), b (bold), sup, sub, u
       (underlined), s (struck through), else a span. -->
  <xsl:function name="il:emphasis-element" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="rendition" as="xs:string*"/>
    <xsl:sequence select="
        if ($node/self::tei:emph) then 'em'
        else if ($rendition = ('sup', 'superscript')) then 'sup'
        else if ($rendition = ('sub', 'subscript')) then 'sub'
        else if ($rendition = ('bold', 'b', 'strong')) then 'b'
        else if ($rendition = ('italic', 'italics', 'i', 'it') or $node/self::tei:mentioned or $node/self::tei:distinct) then 'i'
        else if ($rendition = ('underline', 'underlined', 'u')) then 'u'
        else if ($rendition = ('strikethrough', 'line-through', 'overstrike', 'strike')) then 's'
        else if ($node/self::tei:hi and empty($rendition)) then 'em'
        else 'span'"/>
  </xsl:function>

  <!-- The other reading of the choice a reading was chosen from, for its tooltip: "Source: teh",
       "Editor: the". -->
  <xsl:function name="il:other-reading" as="xs:string?">
    <xsl:param name="reading" as="element()"/>
    <xsl:variable name="holder" select="$reading/parent::tei:choice"/>
    <xsl:variable name="other" select="($holder/* except $reading)[1]"/>
    <xsl:if test="$other and $choice != 'both'">
      <xsl:sequence select="(if ($other/(self::tei:sic | self::tei:orig | self::tei:abbr)) then 'Source: ' else 'Editor: ') || il:plain-text($other)"/>
    </xsl:if>
  </xsl:function>

  <!-- Is a value a date or time HTML's time element understands (a year, a month, a day, a time,
       a date and time)? -->
  <xsl:function name="il:is-html-date" as="xs:boolean">
    <xsl:param name="value" as="xs:string"/>
    <xsl:variable name="length" select="string-length($value)"/>
    <xsl:sequence select="
        if ($length = 4) then $value castable as xs:gYear and $value castable as xs:integer and $value != '0000'
        else if ($length = 7) then $value castable as xs:gYearMonth
        else if ($length = 10) then $value castable as xs:date
        else if ($length = 5 and substring($value, 3, 1) = ':') then ($value || ':00') castable as xs:time
        else if ($length = 8 and substring($value, 3, 1) = ':') then $value castable as xs:time
        else $length ge 16 and substring($value, 5, 1) = '-' and substring($value, 11, 1) = 'T' and $value castable as xs:dateTime"/>
  </xsl:function>

</xsl:stylesheet>
