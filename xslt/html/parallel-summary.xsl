<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parallel view's summary, under its h1: how the two works are related (the edition document's
  relations: a translation and its original, with the translators the translating text's header
  names; two versions; two translations of one original) and the alignment in numbers (groups,
  corrected, uncertain, blocks without counterpart on each side). The titles keep their language.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <!-- How the two works are related, from the edition's relations: "Giù le mani dal Kazakhstan
       (Italian) is a translation of Hands off Kazakhstan (English), by Demenza HC." Each title
       in its language. -->
  <xsl:function name="pv:relation-sentence" as="node()*">
    <xsl:sequence select="pv:as-nodes(pv:relation-parts())"/>
  </xsl:function>

  <xsl:function name="pv:relation-parts" as="item()*">
    <xsl:variable name="a" select="string($pv:work-a/@xml:id)"/>
    <xsl:variable name="b" select="string($pv:work-b/@xml:id)"/>
    <xsl:variable name="relation" select="$edition/site:edition/site:relation[(@source = $a and @target = $b) or (@source = $b and @target = $a)][1]"/>
    <xsl:variable name="source" select="$pv:works[@xml:id = $relation/@source]"/>
    <xsl:variable name="target" select="$pv:works[@xml:id = $relation/@target]"/>
    <xsl:variable name="both" select="pv:named($pv:work-a), ' and ', pv:named($pv:work-b)"/>
    <xsl:choose>
      <xsl:when test="$relation/@kind = 'translation' and $source and $target">
        <xsl:variable name="translators" select="il:translators($source/ancestor::tei:TEI[last()])"/>
        <xsl:sequence select="pv:named($source), ' is a translation of ', pv:named($target),
            if (exists($translators)) then ', by ' || il:and-list($translators) else (), '.'"/>
      </xsl:when>
      <xsl:when test="$relation/@kind = 'version'">
        <xsl:sequence select="$both, ' are two versions of one text.'"/>
      </xsl:when>
      <xsl:when test="$relation/@kind = 'sibling'">
        <xsl:sequence select="$both, ' are translations of the same original.'"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$both, ', aligned block by block.'"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Strings and elements as nodes of a sentence: strings become text nodes (atomic values side
       by side in an element would be joined with a space). -->
  <xsl:function name="pv:as-nodes" as="node()*">
    <xsl:param name="items" as="item()*"/>
    <xsl:for-each select="$items">
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- A work named in a sentence: its title in its language, then its language's name. -->
  <xsl:function name="pv:named" as="item()+">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="pv:title-in-language(pv:work-title($work), il:lang($work)), ' (' || pv:language($work) || ')'"/>
  </xsl:function>

  <!-- The alignment in numbers: groups, corrected, uncertain, blocks without counterpart. -->
  <xsl:function name="pv:count-sentence" as="xs:string">
    <xsl:variable name="aligned" select="$pv:rows[@kind = 'aligned']"/>
    <xsl:variable name="corrected" select="count($aligned[@correction = 'true'])"/>
    <xsl:variable name="uncertain" select="count($aligned[pv:is-uncertain(.)])"/>
    <xsl:sequence select="pv:counted(count($aligned), 'group', 'groups') || ' of aligned blocks ('
        || $corrected || ' corrected by the editors, ' || $uncertain || ' uncertain); '
        || string-join(('a', 'b') ! pv:unaligned-count(.), ' and ') || ' without counterpart.'"/>
  </xsl:function>

  <xsl:function name="pv:unaligned-count" as="xs:string">
    <xsl:param name="side" as="xs:string"/>
    <xsl:variable name="work" select="if ($side = 'a') then $pv:work-a else $pv:work-b"/>
    <xsl:sequence select="pv:counted(count($pv:rows[@side = $side]), 'block', 'blocks') || ' of the ' || pv:side-label($work)"/>
  </xsl:function>

  <!-- "1 group", "26 groups". -->
  <xsl:function name="pv:counted" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="one" as="xs:string"/>
    <xsl:param name="many" as="xs:string"/>
    <xsl:sequence select="$count || ' ' || (if ($count = 1) then $one else $many)"/>
  </xsl:function>

</xsl:stylesheet>
