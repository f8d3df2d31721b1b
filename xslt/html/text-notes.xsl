<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes in the web edition's reading text: footnotes and the entries of a critical apparatus.

  A note inside running text (role footnote) is a numbered mark where it stands, a link to the note
  (role doc-noteref); the note is an aside (role doc-footnote) carried after the block that holds it
  (text-markup.xsl), starting with its number as a link back to the mark: linked both ways, as the
  text edition prints its notes after their block. With $notes = 'in-place' the note stands where
  it is, in brackets. A note printed in the line (place="inline") stands where it is too.

  An apparatus entry of an app in running text ($app = 'apparatus') is marked "°" after the lemma
  and carried after the block like a note: the lemma, "]", each other reading with its witnesses.

  Mark and note ids: the note's xml:id, else the document's identifier and the note's number among
  the notes of the text ("organise-it-note-3"), so that two texts on one page (the parallel view)
  never share one. Each note carries its language (lang, dir), since it leaves the element whose
  language it had.

  HTML form only; decides no meaning of the TEI and implements no hook (phrases.xsl calls these).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The id of a note (or of an apparatus entry, $kind 'app'): its xml:id, else made from its
       document's identifier and its number among the notes (entries) of the text. -->
  <xsl:function name="il:note-id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:variable name="document" select="$node/ancestor::tei:TEI[1]/@xml:id"/>
    <xsl:variable name="number" select="if ($kind = 'note') then string($node/accumulator-before('il:notes'))
        else string(count($node/preceding::tei:app) + 1)"/>
    <xsl:sequence select="($node/@xml:id, string-join(($document, $kind, $number), '-'))[1]"/>
  </xsl:function>

  <!-- A note: its mark where it stands, and the note carried after the block. -->
  <xsl:function name="il:footnote" as="element()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="id" select="il:note-id($node, 'note')"/>
    <xsl:variable name="label" select="il:note-label($node)"/>
    <sup class="note-mark">
      <a id="{$id}-mark" href="#{$id}" role="doc-noteref" data-pagefind-ignore=""><xsl:value-of select="$label"/></a>
    </sup>
    <xsl:sequence select="il:carried(il:note-element($node, $id, 'footnote', 'doc-footnote',
        (il:back-link($id, $label), ' ', il:settled-content($content))))"/>
  </xsl:function>

  <!-- An apparatus entry of an app in running text: "°" after the lemma, the entry carried after
       the block. -->
  <xsl:function name="il:apparatus-note" as="element()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="id" select="il:note-id($node, 'app')"/>
    <sup class="apparatus-mark">
      <a id="{$id}-mark" href="#{$id}" title="Apparatus" aria-label="Apparatus entry" data-pagefind-ignore="">°</a>
    </sup>
    <xsl:sequence select="il:carried(il:note-element($node, $id, 'apparatus-note', 'note',
        (il:back-link($id, '°'), ' ', il:settled-content($content))))"/>
  </xsl:function>

  <!-- A note's element: an aside of a class and role, with its own language and direction. -->
  <xsl:function name="il:note-element" as="element(aside)">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="language" select="il:lang($node)"/>
    <aside id="{$id}" class="{$class}" role="{$role}">
      <xsl:if test="$language != 'und'">
        <xsl:attribute name="lang" select="il:bcp47($language)"/>
      </xsl:if>
      <xsl:attribute name="dir" select="il:direction($language)"/>
      <xsl:sequence select="$content"/>
    </aside>
  </xsl:function>

  <!-- A note's content, its joins made and its own notes after it. -->
  <xsl:function name="il:settled-content" as="item()*">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if (il:has-markers($content)) then il:settled($content) else $content"/>
  </xsl:function>

  <!-- The number at the start of a note: a link back to its mark. -->
  <xsl:function name="il:back-link" as="element(a)">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <a class="note-back" href="#{$id}-mark" role="doc-backlink" title="Back to the text" data-pagefind-ignore="">
      <xsl:value-of select="$label"/>
    </a>
  </xsl:function>

  <!-- A note where it stands, in brackets. -->
  <xsl:function name="il:note-in-place" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, $class), ('[', $content, ']'))"/>
  </xsl:function>

  <!-- In an apparatus entry: the lemma and "]" ("om." for an empty one). -->
  <xsl:function name="il:lemma" as="item()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, 'lemma'), il:or-omitted($content)), '] '"/>
  </xsl:function>

  <!-- A reading of an apparatus entry with its witnesses' sigla ("om." when it is empty); the
       style sheet separates readings with ";". -->
  <xsl:function name="il:variant" as="item()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="sigla" select="il:witnesses($node)"/>
    <xsl:sequence select="il:phrase('span', il:phrase-attributes($node, 'variant'),
        (il:or-omitted($content), $sigla[1] ! (' ', il:span('witnesses', string-join($sigla, ' ')))))"/>
    <xsl:text> </xsl:text>
  </xsl:function>

  <!-- A reading's content, or "om." (omitted), as apparatuses write an empty reading. -->
  <xsl:function name="il:or-omitted" as="item()*">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if (normalize-space(string-join($content ! string(.)))) then $content else il:span('omitted', 'om.')"/>
  </xsl:function>

</xsl:stylesheet>
