<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where things are in the web edition: the URL of every kind of page, relative to the page being
  made ($root, params.xsl), and the register entries, bibliography entries and texts that the TEI's
  pointers name, looked up in the edition document ($edition). Every module of xslt/html/ makes its
  links with these functions, so that the site's layout is decided here and in
  src/interlinea/publish/site_data.py (text_page, parallel_page, entry_page) only.

  Site layout: texts/<id>.html, parallel/<a>__<b>.html, <register>/<id>.html (register: the
  register file's name without .xml: persons, places, organisations), bibliography.html#<key>,
  tei/<id>.xml, text/<id>.txt, cite/<id>.bib|.ris|.json.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The register (file name without .xml) and the id a pointer names:
       "registers/persons.xml#putin" → ('persons', 'putin'); () if it names no register entry. -->
  <xsl:function name="il:register-pointer" as="xs:string*">
    <xsl:param name="pointer" as="xs:string?"/>
    <!-- string functions, not a regular expression: this runs for every name of every page -->
    <xsl:variable name="value" select="normalize-space($pointer)"/>
    <xsl:variable name="file" select="replace(substring-before($value, '.xml#'), '^.*/', '')"/>
    <xsl:variable name="id" select="substring-after($value, '.xml#')"/>
    <xsl:sequence select="if ($file != '' and $id != '') then ($file, $id) else ()"/>
  </xsl:function>

  <!-- The register entry (person, place, org, bibl…) a pointer names, from the edition document. -->
  <xsl:function name="il:register-entry" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="at" select="il:register-pointer($pointer)"/>
    <xsl:sequence select="if (exists($at) and exists($edition))
        then $edition/site:edition/site:registers/tei:TEI[@site:file = $at[1]]//*[@xml:id = $at[2]][1]
        else ()"/>
  </xsl:function>

  <!-- The page of a register entry (person, place, organisation), or of the bibliography entry. -->
  <xsl:function name="il:entry-url" as="xs:string?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="at" select="il:register-pointer($pointer)"/>
    <xsl:sequence select="if (empty($at)) then ()
        else if ($at[1] = 'bibliography') then $root || 'bibliography.html#' || $at[2]
        else $root || $at[1] || '/' || $at[2] || '.html'"/>
  </xsl:function>

  <!-- A text's page, or a place in it (a block's xml:id). -->
  <xsl:function name="il:text-url" as="xs:string">
    <xsl:param name="text-id" as="xs:string"/>
    <xsl:param name="anchor" as="xs:string?"/>
    <xsl:sequence select="$root || 'texts/' || $text-id || '.html' || (if ($anchor) then '#' || $anchor else '')"/>
  </xsl:function>

  <!-- The downloads of a text: its TEI, its plain text, its citation files. -->
  <xsl:function name="il:download-url" as="xs:string">
    <xsl:param name="text-id" as="xs:string"/>
    <xsl:param name="kind" as="xs:string"/> <!-- 'tei', 'text', 'bib', 'ris', 'json' -->
    <xsl:sequence select="$root || (
        if ($kind = 'tei') then 'tei/' || $text-id || '.xml'
        else if ($kind = 'text') then 'text/' || $text-id || '.txt'
        else 'cite/' || $text-id || '.' || $kind)"/>
  </xsl:function>

  <!-- The alignments of the edition a work takes part in (site:alignment elements). -->
  <xsl:function name="il:alignments-of" as="element(site:alignment)*">
    <xsl:param name="work-id" as="xs:string"/>
    <xsl:sequence select="$edition/site:edition/site:alignment[@a = $work-id or @b = $work-id]"/>
  </xsl:function>

  <!-- A page of the site by its path from the top ("parallel/x__y.html"), from this page. -->
  <xsl:function name="il:site-url" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="$root || $path"/>
  </xsl:function>

</xsl:stylesheet>
