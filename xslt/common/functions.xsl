<?xml version="1.0" encoding="UTF-8"?>
<!--
  Format-neutral functions: what a text is called, who made it, which languages it is in, where it
  was first published, how to cite it, which work is published, what a pointer points to, whether
  the parameters are right. Every output format (text, HTML) builds its own layout on these; nothing
  here decides a form, and no hook is called from here (the hooks are in hooks.xsl). $tei, the
  document, is a TEI or a teiCorpus: one made by Interlinea (its header has the edition's series, the
  siglum, the seed) or one written elsewhere, whose header may have none of it.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- Every element with an identifier, by its xml:id: pointers ("#organise-en.1") and, in the web
       edition, register entries are looked up through it. -->
  <xsl:key name="il:id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The elements of the same document that a pointer attribute (@corresp, @target: one or more
       "#id") points to. -->
  <xsl:function name="il:targets" as="element()*">
    <xsl:param name="pointer" as="attribute()?"/>
    <xsl:sequence select="if (empty($pointer)) then ()
        else key('il:id', tokenize($pointer)[starts-with(., '#')] ! substring(., 2), root($pointer))"/>
  </xsl:function>

  <!-- The work the parameter $work selects (the div type="work" with that @n), or none when $work is
       empty: the whole text is published. A $work that names no work stops the transformation. -->
  <xsl:function name="il:selected-work" as="element(tei:div)?">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="div" select="if ($work) then $tei/tei:text/tei:body/tei:div[@type = 'work'][@n = $work] else ()"/>
    <xsl:if test="$work and empty($div)">
      <xsl:message terminate="yes">no work with @n="<xsl:value-of select="$work"/>" in <xsl:value-of select="$tei/@xml:id"/></xsl:message>
    </xsl:if>
    <xsl:sequence select="$div"/>
  </xsl:function>

  <!-- Stops with a message naming a parameter that has a value it does not accept (params.xsl). -->
  <xsl:function name="il:check-parameters" as="empty-sequence()">
    <xsl:variable name="given" select="map { 'choice': $choice, 'app': $app, 'deletions': $deletions,
        'notes': $notes, 'line-breaks': $line-breaks }"/>
    <xsl:for-each select="map:keys($given)[not($given(.) = $il:parameter-values(.))]" xmlns:map="http://www.w3.org/2005/xpath-functions/map">
      <xsl:message terminate="yes">the parameter <xsl:value-of select="."/> is "<xsl:value-of select="$given(.)"/>"; it can be <xsl:value-of select="string-join($il:parameter-values(.) ! ('&quot;' || . || '&quot;'), ', ')"/></xsl:message>
    </xsl:for-each>
  </xsl:function>

  <!-- Was the document made by Interlinea from a seed (its header names the seed)? -->
  <xsl:function name="il:from-seed" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="exists($tei/tei:teiHeader//tei:sourceDesc/tei:bibl[@type = 'seed'])"/>
  </xsl:function>

  <!-- The text of an element on one line, a space where elements meet ("<name>A</name><idno>1</idno>"
       reads "A 1"): for the fields of a header, which are records more than running text. -->
  <xsl:function name="il:plain-text" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($element//text(), ' '))"/>
  </xsl:function>

  <!-- The characters that open or close a quotation in some language. -->
  <xsl:variable name="il:quotation-marks" as="xs:string*" select="('&quot;', &quot;'&quot;, '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›', '「', '」', '『', '』')"/>

  <!-- Does the text around an element already quote it (a quotation mark just before it)? -->
  <xsl:function name="il:quoted-in-source" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="before" select="normalize-space($element/preceding-sibling::node()[1][self::text()])"/>
    <xsl:sequence select="substring($before, string-length($before)) = $il:quotation-marks"/>
  </xsl:function>

  <!-- The language in force at a node. -->
  <xsl:function name="il:lang" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string(($node/ancestor-or-self::*[@xml:lang][1]/@xml:lang, 'und')[1])"/>
  </xsl:function>

  <!-- A language's name as the text's header gives it (langUsage), else its code. -->
  <xsl:function name="il:language-name" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="ident" as="xs:string"/>
    <xsl:sequence select="(normalize-space($tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $ident]), $ident)[.][1]"/>
  </xsl:function>

  <!-- "A", "A and B", "A, B and C". -->
  <xsl:function name="il:and-list" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="
      if (count($items) le 1) then string($items[1])
      else string-join($items[position() lt last()], ', ') || ' and ' || $items[last()]"/>
  </xsl:function>

  <!-- The text's titles, the main one (in the text's language) first. -->
  <xsl:function name="il:titles" as="element(tei:title)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
  </xsl:function>

  <xsl:function name="il:main-title" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="normalize-space(il:titles($tei)[1])"/>
  </xsl:function>

  <!-- A work's own title: its main head, else the title of its original, else its number. -->
  <xsl:function name="il:work-title" as="xs:string">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:variable name="original" select="il:originals($div/ancestor::tei:TEI[1], $div)"/>
    <xsl:sequence select="(normalize-space(string-join($div/tei:head[1]//text(), '')), normalize-space(($original/tei:title)[1]), 'Part ' || $div/@n)[.][1]"/>
  </xsl:function>

  <xsl:function name="il:authors" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space((tei:persName, tei:orgName, tei:name, .)[1])"/>
  </xsl:function>

  <xsl:function name="il:translators" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[tei:resp = 'translation']/tei:name ! normalize-space(.)"/>
  </xsl:function>

  <xsl:function name="il:editors" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="$tei/tei:teiHeader/tei:fileDesc/tei:seriesStmt/tei:respStmt/tei:name ! normalize-space(.)"/>
  </xsl:function>

  <!-- The original publications of a text (all), or of one of its works (those whose @corresp points
       to it). -->
  <xsl:function name="il:originals" as="element(tei:bibl)*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:sequence select="$tei/tei:teiHeader//tei:sourceDesc/tei:bibl[@type = 'original'][not($div) or exists(il:targets(@corresp) intersect $div)]"/>
  </xsl:function>

  <!-- One original publication, as a line: publisher, "title", date, URL (language). -->
  <xsl:function name="il:original" as="xs:string">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <xsl:sequence select="string-join((
        il:and-list($bibl/tei:author ! normalize-space(.))[.],
        $bibl/tei:title ! ('“' || normalize-space(.) || '”'),
        $bibl/tei:publisher[not(. = $bibl/tei:author)] ! normalize-space(.),
        $bibl/tei:date ! normalize-space(.),
        $bibl/tei:ref ! normalize-space(.),
        $bibl/tei:textLang ! ('in ' || normalize-space(.))
      ), ', ')"/>
  </xsl:function>

  <!-- The canonical citation of a text, or of one of its works. -->
  <xsl:function name="il:citation" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:variable name="series" select="$tei/tei:teiHeader/tei:fileDesc/tei:seriesStmt"/>
    <xsl:variable name="publication" select="$tei/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="siglum" select="string($publication/tei:idno[@type = 'siglum'])"/>
    <xsl:variable name="translators" select="il:translators($tei)"/>
    <xsl:sequence select="string-join((
        il:sentence(il:and-list(il:authors($tei))),
        '“' || il:sentence(if ($div) then il:work-title($div) else il:main-title($tei)) || '”',
        if (exists($translators)) then 'Translated by ' || il:and-list($translators) || '.' else (),
        'In ' || normalize-space($series/tei:title[@type = 'main']) || ', edited by ' || il:and-list(il:editors($tei)) || '.',
        normalize-space($publication/tei:publisher) || ', ' || substring(string($publication/tei:date/@when), 1, 4) || '.',
        $siglum || (if ($div) then ' ' || $div/@n else '') || '.',
        if ($edition-url) then $edition-url else ()
      ), ' ')"/>
  </xsl:function>

  <!-- A phrase ending as a sentence: a full stop added unless it already ends with . ! or ? -->
  <xsl:function name="il:sentence" as="xs:string">
    <xsl:param name="phrase" as="xs:string"/>
    <xsl:sequence select="if (matches($phrase, '[.!?…]$')) then $phrase else $phrase || '.'"/>
  </xsl:function>

  <!-- The nearest identifier above a node, to say where a problem is. -->
  <xsl:function name="il:where" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:variable name="id" select="$node/ancestor-or-self::*[@xml:id][1]/@xml:id"/>
    <xsl:sequence select="path($node) || (if ($id) then ' (in ' || $id || ')' else '')"/>
  </xsl:function>

</xsl:stylesheet>
