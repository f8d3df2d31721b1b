<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header block of the plain-text edition: titles (or, for one work, its title and the text it is
  part of); authors; translators; the original publications with their URLs and dates (for TEI
  written elsewhere: the source description of its header); languages with their shares; the
  canonical citation; the licence; the seed it was transcribed from; the program that published it.
  A field the header has nothing for is left out (TEI from other projects has no seed and is not
  cited as the edition's texts are). Each field is "Label:" padded to 18 characters, its value
  wrapped under it. Then $RULE, a line of 72 "=", ends the header.

  Text form only: what the values are (titles, authors, originals, citation…) comes from the common
  layer (xslt/common/functions.xsl). Implements no hook; uses il:pad (running.xsl) and
  il:wrap-hanging (wrap.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="RULE" as="xs:string" select="string-join((1 to 72) ! '=', '')"/>

  <!-- The lines of the header block of a TEI or a teiCorpus, or of one of its works.
       A field the header has nothing for is left out: a TEI written elsewhere has no seed, and is
       cited as its own header says, not as the edition cites its texts. -->
  <xsl:function name="il:header" as="xs:string*">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="from-seed" select="il:from-seed($tei)"/>
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
    <xsl:variable name="sources" select="if ($from-seed) then il:originals($tei, $div) ! il:original(.)
        else $header/tei:fileDesc/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:p) ! il:plain-text(.)"/>
    <xsl:for-each select="$sources">
      <xsl:sequence select="il:field(if (position() = 1) then 'Source' else '', .)"/>
    </xsl:for-each>
    <xsl:variable name="languages" select="$header/tei:profileDesc/tei:langUsage/tei:language"/>
    <xsl:sequence select="il:field('Language',
        if ($div) then il:language-name($tei, il:lang($div)) || ' (' || il:lang($div) || ')'
        else if ($languages) then string-join($languages ! il:language(.), '; ')
        else string($tei/@xml:lang))"/>
    <xsl:if test="$from-seed">
      <xsl:sequence select="il:field('Cite as', il:citation($tei, $div))"/>
    </xsl:if>
    <xsl:variable name="availability" select="$header/tei:fileDesc/tei:publicationStmt/tei:availability"/>
    <xsl:variable name="licences" select="$availability/tei:licence"/>
    <xsl:sequence select="il:field('Licence', if ($licences)
        then string-join($licences ! (normalize-space(.) || ' ' || @target), '; ')
        else string-join($availability/tei:p ! il:plain-text(.), ' '))"/>
    <xsl:if test="$from-seed">
      <xsl:variable name="seed" select="$header//tei:sourceDesc/tei:bibl[@type = 'seed']"/>
      <xsl:sequence select="il:field('Transcribed from', $seed/tei:idno[@type = 'filename'] || ' (SHA-256 ' || $seed/tei:idno[@type = 'sha256'] || ')')"/>
    </xsl:if>
    <xsl:sequence select="il:field('Published by', $generator)"/>
  </xsl:function>

  <!-- A language of langUsage: "Italian (it, 97%)", or its code alone when it has no name. -->
  <xsl:function name="il:language" as="xs:string">
    <xsl:param name="language" as="element(tei:language)"/>
    <xsl:variable name="code" select="string-join(($language/@ident, $language/@usage ! (. || '%')), ', ')"/>
    <xsl:sequence select="if (normalize-space($language)) then normalize-space($language) || ' (' || $code || ')' else $code"/>
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

</xsl:stylesheet>
