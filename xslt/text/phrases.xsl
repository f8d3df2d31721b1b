<?xml version="1.0" encoding="UTF-8"?>
<!--
  The form of phrases in the plain-text edition: this module implements the hook il:make-inline of
  the common layer (xslt/common/hooks.xsl), one template rule per group of roles, in the content
  conventions of running.xsl. What each element is (its role) is decided in xslt/common/.

  Running text is its characters: no markup, no register identifiers, names, links, emphasis,
  foreign words and readings as the text has them. What plain text can show, it shows with the
  signs editions use: a quotation between the quotation marks of its language (unless the text
  already has them); a footnote as a mark [^1] where it stands and the note after its block
  ($notes = 'after-block'), or in brackets where it stands ('in-place'); supplied text [in
  brackets], surplus {in braces}, a deletion (when published) ⟦in double brackets⟧, a gap […], the
  other reading of a choice [in brackets] after the chosen one; an element name <in angle
  brackets>, an attribute name with @; an image as [image: URL]; a page break as [p. 12] when
  $page-breaks. A line break of the source stays one ($line-breaks = 'keep') or is a space; a
  break inside a word leaves the word whole.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- ============================================================ the text as it is -->

  <xsl:template match="il:name | il:link | il:title | il:date | il:author | il:emphasis |
      il:foreign | il:term | il:number | il:segment | il:code | il:reading | il:expansion |
      il:abbreviation-mark | il:unclear | il:addition | il:phrase | il:navigation | il:stage |
      il:glyph | il:bibliographic | il:reference | il:record | il:unknown"
      mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <xsl:template match="il:field-separator" mode="il:make-inline">
    <xsl:sequence select="', '"/>
  </xsl:template>

  <!-- A pointer shows where it points outside the text (a URL); a pointer inside it, nothing. -->
  <xsl:template match="il:pointer" mode="il:make-inline">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if (starts-with($content, '#')) then '' else $content"/>
  </xsl:template>

  <xsl:template match="il:element-name" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="'&lt;', $content, '&gt;'"/>
  </xsl:template>

  <xsl:template match="il:attribute-name" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="'@', $content"/>
  </xsl:template>

  <!-- ============================================================ quotations -->

  <!-- Between the quotation marks of its language, unless it starts with one already or holds a
       block (a stanza quoted in a paragraph stands apart). -->
  <xsl:template match="il:quoted" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="text" select="normalize-space(string-join($content[not(. instance of map(*))], ''))"/>
    <xsl:variable name="marks" select="il:quotation-marks(il:lang($node))"/>
    <xsl:sequence select="if (substring($text, 1, 1) = $il:quotation-marks or exists($content[. instance of map(*)])) then $content
        else ($marks[1], $content, $marks[2])"/>
  </xsl:template>

  <!-- The quotation marks of a language (its primary subtag), “ ” by default. -->
  <xsl:function name="il:quotation-marks" as="xs:string+">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="language" select="lower-case(tokenize($lang, '-')[1])"/>
    <xsl:sequence select="
        if ($language = ('de', 'deu', 'bg', 'bul', 'cs', 'ces', 'sk', 'slk', 'lt', 'lit', 'sl', 'slv', 'is', 'isl')) then ('„', '“')
        else if ($language = ('pl', 'pol', 'hu', 'hun', 'ro', 'ron', 'hr', 'hrv', 'nl', 'nld')) then ('„', '”')
        else if ($language = ('fr', 'fra', 'it', 'ita', 'es', 'spa', 'pt', 'por', 'ru', 'rus', 'uk', 'ukr', 'el', 'ell', 'grc', 'ca', 'cat', 'tt', 'tat', 'ar', 'ara', 'fa', 'fas', 'per')) then ('«', '»')
        else if ($language = ('ja', 'jpn', 'zh', 'zho')) then ('「', '」')
        else ('“', '”')"/>
  </xsl:function>

  <!-- ============================================================ notes -->

  <xsl:template match="il:footnote" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="mark" select="'[^' || il:note-label($node) || ']'"/>
    <xsl:sequence select="if ($notes = 'in-place') then ' [' || il:flat($content) || '] '
        else ($mark, map { 'after': il:lay-out($mark || ' ', il:pad('', string-length($mark) + 1), $content) })"/>
  </xsl:template>

  <xsl:template match="il:inline-note" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="' [' || il:flat($content) || '] '"/>
  </xsl:template>

  <!-- An apparatus entry of an app in running text goes after the block, as a note. -->
  <xsl:template match="il:apparatus-note" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="map { 'after': il:without-final-semicolon(il:lay-out('', '    ', $content)) }"/>
  </xsl:template>

  <!-- In an apparatus entry: "lemma]", then " reading W1 W2;" for each reading. -->
  <xsl:template match="il:lemma" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:or-omitted(il:flat($content)) || '] '"/>
  </xsl:template>

  <xsl:template match="il:variant" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="' ' || string-join((il:or-omitted(il:flat($content)), il:witnesses($node)), ' ') || '; '"/>
  </xsl:template>

  <!-- An empty reading: "om." (omitted), as apparatuses write it. -->
  <xsl:function name="il:or-omitted" as="xs:string">
    <xsl:param name="reading" as="xs:string"/>
    <xsl:sequence select="if ($reading) then $reading else 'om.'"/>
  </xsl:function>

  <!-- ============================================================ editorial signs -->

  <xsl:template match="il:supplied" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="'[', $content, ']'"/>
  </xsl:template>

  <xsl:template match="il:surplus" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="'{', $content, '}'"/>
  </xsl:template>

  <xsl:template match="il:deletion" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="'⟦', $content, '⟧'"/>
  </xsl:template>

  <xsl:template match="il:alternative" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="' [', $content, ']'"/>
  </xsl:template>

  <xsl:template match="il:gap" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="description" select="il:flat($content)"/>
    <xsl:sequence select="'[…' || (if ($description) then ' ' || $description else '') || ']'"/>
  </xsl:template>

  <xsl:template match="il:space" mode="il:make-inline">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- ============================================================ lines and pages -->

  <xsl:template match="il:line-break" mode="il:make-inline">
    <xsl:sequence select="if ($line-breaks = 'keep') then $LINE else ' '"/>
  </xsl:template>

  <xsl:template match="il:word-continues" mode="il:make-inline">
    <xsl:sequence select="$JOIN"/>
  </xsl:template>

  <xsl:template match="il:page-break" mode="il:make-inline">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if ($page-breaks) then ' ' || il:page-mark($content) || ' ' else ' '"/>
  </xsl:template>

  <xsl:template match="il:column-break | il:milestone" mode="il:make-inline">
    <xsl:sequence select="' '"/>
  </xsl:template>

  <!-- ============================================================ things that are not text -->

  <xsl:template match="il:graphic" mode="il:make-inline">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if ($content) then ' [image: ' || $content || '] ' else ''"/>
  </xsl:template>

  <xsl:template match="il:inclusion" mode="il:make-inline">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="il:inclusion-mark($content)"/>
  </xsl:template>

  <!-- A block inside running text: apart, its blocks separated by a blank line. -->
  <xsl:template match="il:embedded-block" mode="il:make-inline">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="text" select="string-join($content[. instance of xs:string][normalize-space()], $NL || $NL)"/>
    <xsl:sequence select="if ($text) then map { 'block': $text } else ()"/>
  </xsl:template>

</xsl:stylesheet>
