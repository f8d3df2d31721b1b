<?xml version="1.0" encoding="UTF-8"?>
<!--
  The table of the parallel view: a header row naming each work with its language, then one row
  per group (the rows of parallel-alignment.xsl, mode pv:row): a row header (the group's number, the
  aligner's certainty, the marks "corrected" and "uncertain", or "unaligned"), then a cell per work
  with the group's blocks (parallel-block.xsl), each cell in its work's language and direction. A
  block no link names has a row of its own, the other cell saying it has no counterpart.

  A real table, so that screen readers announce the work and the group of every cell; on narrow
  screens parallel.css stacks the cells of each row, keeping a group together. The classes side-a
  and side-b let the language switch (parallel-page.xsl) hide a column.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <!-- The table of the two works, $rows in order. -->
  <xsl:function name="pv:table" as="element(table)">
    <xsl:param name="rows" as="element(pv:row)*"/>
    <table class="parallel-table">
      <caption class="parallel-caption">
        <xsl:text>Each row is a group: blocks of the two works that render one another, in the order of both works.</xsl:text>
      </caption>
      <thead>
        <tr>
          <th scope="col" class="parallel-group-head">Group</th>
          <xsl:sequence select="pv:work-head($pv:work-a, 'a'), pv:work-head($pv:work-b, 'b')"/>
        </tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="$rows" mode="pv:row"/>
      </tbody>
    </table>
  </xsl:function>

  <!-- A column's header: the work's title in its language, its language, and its reference, a link
       to the work on its text's page. -->
  <xsl:function name="pv:work-head" as="element(th)">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:param name="side" as="xs:string"/>
    <th scope="col" class="parallel-side side-{$side}">
      <span class="parallel-work-title">
        <xsl:sequence select="pv:language-attributes(il:lang($work))"/>
        <xsl:value-of select="pv:work-title($work)"/>
      </span>
      <span class="parallel-work-meta">
        <xsl:value-of select="pv:language($work)"/>
        <xsl:text> · </xsl:text>
        <a href="{il:text-url(pv:text-id($work), $work/@xml:id)}"><xsl:value-of select="pv:work-reference($work)"/></a>
      </span>
    </th>
  </xsl:function>

  <!-- ============================================================ rows -->

  <xsl:template match="pv:row[@kind = 'aligned']" mode="pv:row">
    <xsl:variable name="group" select="'g' || @number"/>
    <tr id="group-{@number}" data-group="{$group}">
      <xsl:attribute name="class" select="string-join(('parallel-row',
          if (@correction = 'true') then 'is-correction' else (),
          if (pv:is-uncertain(.)) then 'is-uncertain' else ()), ' ')"/>
      <th scope="row" class="parallel-group">
        <span class="parallel-group-number"><xsl:value-of select="@number"/></span>
        <xsl:if test="@cert castable as xs:double">
          <xsl:text> </xsl:text>
          <span class="parallel-cert">
            <xsl:text>certainty </xsl:text>
            <xsl:value-of select="format-number(xs:double(@cert), '0.00')"/>
          </span>
        </xsl:if>
        <xsl:if test="@correction = 'true'">
          <xsl:text> </xsl:text>
          <span class="parallel-flag flag-correction">corrected</span>
        </xsl:if>
        <xsl:if test="pv:is-uncertain(.)">
          <xsl:text> </xsl:text>
          <span class="parallel-flag flag-uncertain">uncertain</span>
        </xsl:if>
      </th>
      <xsl:sequence select="pv:cell(@a, $pv:work-a, $pv:blocks-a, 'a', $group),
                            pv:cell(@b, $pv:work-b, $pv:blocks-b, 'b', $group)"/>
    </tr>
  </xsl:template>

  <xsl:template match="pv:row[@kind = 'unaligned']" mode="pv:row">
    <xsl:variable name="group" select="'u-' || normalize-space(@a) || normalize-space(@b)"/>
    <tr class="parallel-row is-unaligned only-{@side}" data-group="{$group}">
      <th scope="row" class="parallel-group">
        <span class="parallel-flag flag-unaligned">unaligned</span>
      </th>
      <xsl:sequence select="pv:cell(@a, $pv:work-a, $pv:blocks-a, 'a', $group),
                            pv:cell(@b, $pv:work-b, $pv:blocks-b, 'b', $group)"/>
    </tr>
  </xsl:template>

  <!-- A work's cell of a row: the blocks whose ids $ids lists, in the work's language and
       direction; when there are none, a note that this work has no counterpart here. -->
  <xsl:function name="pv:cell" as="element(td)">
    <xsl:param name="ids" as="xs:string"/>
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:param name="blocks" as="element()*"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:param name="group" as="xs:string"/>
    <xsl:variable name="own" select="$blocks[@xml:id = tokenize($ids)]"/>
    <td class="parallel-side side-{$side}{if (empty($own)) then ' parallel-gap' else ''}" data-label="{pv:side-label($work)}">
      <xsl:choose>
        <xsl:when test="exists($own)">
          <xsl:sequence select="pv:language-attributes(il:lang($work))"/>
          <xsl:sequence select="$own ! pv:block(., $work, $side, $group)"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="parallel-gap-note">No counterpart in <xsl:value-of select="pv:side-label($work)"/></span>
        </xsl:otherwise>
      </xsl:choose>
    </td>
  </xsl:function>

</xsl:stylesheet>
