<?xml version="1.0" encoding="UTF-8"?>
<!--
  What an alignment says, for the parallel view: the two works it aligns (with their titles,
  languages and references), their citable blocks, and the rows of the view, in order. No HTML
  here: the rows are data (elements of the namespace urn:interlinea:parallel, prefix pv:, the
  view's own, as are its functions) that parallel-table.xsl lays out.

  The alignment (tei/alignment/<a>__<b>.xml, src/interlinea/alignment_tei.py) is one
  linkGrp type="translation" whose @domains point to the two works (div type="work") and whose
  links each join the blocks of one group, from both works, with @cert (0–1, the aligner's
  confidence) and type="correction" where the editors fixed the group. A citable block of either
  work that no link names is unaligned.

  The rows, one per group:

    <pv:row kind="aligned" number="5" a="ids of work a" b="ids of work b" cert="0.552" correction="true|false"/>
    <pv:row kind="unaligned" side="a|b" a="id" b=""/>

  Every link is one aligned row, in the order of the links (the aligner writes them in the order of
  both works); an unaligned block is a row of its own, placed after the row of the block that
  precedes it in its work (before the first row if none does). So every citable block of each
  work is in exactly one row, and each side reads in the order of its work.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <!-- The elements that are citable blocks when they have an xml:id and an @n: the units the
       aligner aligns (src/interlinea/tei.py, CITABLE; tests/test_html_parallel.py keeps the two in
       step). -->
  <xsl:variable name="pv:citable-names" as="xs:string*"
      select="('head', 'p', 'item', 'cit', 'quote', 'note', 'byline', 'signed', 'dateline', 'trailer')"/>

  <!-- Groups whose certainty is below this are marked uncertain: the threshold under which the
       alignment report flags a group for review (src/interlinea/alignment_report.py, WEAK). -->
  <xsl:variable name="pv:uncertain-below" as="xs:double" select="0.5"/>

  <!-- ============================================================ the alignment shown -->

  <!-- The alignment (the main input). -->
  <xsl:variable name="pv:alignment" as="document-node()" select="/"/>
  <xsl:variable name="pv:links" as="element(tei:linkGrp)">
    <xsl:variable name="links" select="pv:alignment-links($pv:alignment)"/>
    <xsl:if test="empty($links)">
      <xsl:message terminate="yes">the parallel view needs an alignment: a linkGrp type="translation" (tei/alignment/)</xsl:message>
    </xsl:if>
    <xsl:sequence select="$links"/>
  </xsl:variable>
  <xsl:variable name="pv:work-a" as="element(tei:div)" select="pv:aligned-work($text-a, pv:aligned-work-id($pv:links, 1))"/>
  <xsl:variable name="pv:work-b" as="element(tei:div)" select="pv:aligned-work($text-b, pv:aligned-work-id($pv:links, 2))"/>
  <xsl:variable name="pv:works" as="element(tei:div)+" select="$pv:work-a, $pv:work-b"/>
  <xsl:variable name="pv:blocks-a" as="element()*" select="pv:citable-blocks($pv:work-a)"/>
  <xsl:variable name="pv:blocks-b" as="element()*" select="pv:citable-blocks($pv:work-b)"/>
  <xsl:variable name="pv:rows" as="element(pv:row)*" select="pv:rows($pv:links/tei:link, $pv:blocks-a, $pv:blocks-b)"/>

  <!-- The edition document's entry of this alignment, if the edition lists it. -->
  <xsl:variable name="pv:listed" as="element(site:alignment)?"
      select="$edition/site:edition/site:alignment[@a = $pv:work-a/@xml:id][@b = $pv:work-b/@xml:id][1]"/>

  <!-- The alignment's TEI as published (site/tei/alignment/<file>). -->
  <xsl:variable name="pv:alignment-tei" as="xs:string"
      select="il:site-url(($pv:listed/@tei, 'tei/alignment/' || tokenize(base-uri($pv:alignment), '/')[last()])[1])"/>

  <!-- ============================================================ the works -->

  <!-- A work's title: the edition's (its relations graph, from the manifest), else the TEI's. -->
  <xsl:function name="pv:work-title" as="xs:string">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="($edition/site:edition/site:work[@ref = $work/@xml:id]/@title[normalize-space()], il:work-title($work))[1]"/>
  </xsl:function>

  <!-- A work's language, by name ("Italian"), as its text's header names it. -->
  <xsl:function name="pv:language" as="xs:string">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="il:language-name($work/ancestor::tei:TEI[last()], il:lang($work))"/>
  </xsl:function>

  <!-- How a work is cited: "organise-it 1" (the text, the work's number). -->
  <xsl:function name="pv:work-reference" as="xs:string">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="pv:text-id($work) || ' ' || $work/@n"/>
  </xsl:function>

  <!-- What tells a column from the other: its language, or its reference when both works are in
       the same language. -->
  <xsl:function name="pv:side-label" as="xs:string">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="if (il:lang($pv:work-a) eq il:lang($pv:work-b)) then pv:work-reference($work) else pv:language($work)"/>
  </xsl:function>

  <!-- ============================================================ reading an alignment -->

  <!-- The alignment's group of links (the first translation linkGrp of the document). -->
  <xsl:function name="pv:alignment-links" as="element(tei:linkGrp)?">
    <xsl:param name="alignment" as="document-node()"/>
    <xsl:sequence select="($alignment//tei:linkGrp[@type = 'translation'])[1]"/>
  </xsl:function>

  <!-- The id of one of the two works, from the linkGrp's @domains ("../organise-it.xml#organise-it.1"):
       $side 1 or 2. -->
  <xsl:function name="pv:aligned-work-id" as="xs:string">
    <xsl:param name="links" as="element(tei:linkGrp)"/>
    <xsl:param name="side" as="xs:integer"/>
    <xsl:sequence select="replace(tokenize(normalize-space($links/@domains), ' ')[$side], '^.*#', '')"/>
  </xsl:function>

  <!-- The work (div) with this id in a text; stops naming both when the text has no such work,
       since a parallel view of a work that is not there would publish nothing true. -->
  <xsl:function name="pv:aligned-work" as="element(tei:div)">
    <xsl:param name="text" as="document-node()?"/>
    <xsl:param name="work-id" as="xs:string"/>
    <xsl:variable name="work" select="if ($text) then key('il:id', $work-id, $text)[self::tei:div] else ()"/>
    <xsl:if test="empty($work)">
      <xsl:message terminate="yes">the parallel view cannot find the work "<xsl:value-of select="$work-id"/>" in <xsl:value-of select="if ($text) then ($text/*/@xml:id, 'its text')[1] else 'no text (the parameters text-a and text-b give the texts of the two works)'"/></xsl:message>
    </xsl:if>
    <xsl:sequence select="$work[1]"/>
  </xsl:function>

  <!-- Is this element a citable block (a candidate unit of the alignment)? -->
  <xsl:function name="pv:is-citable" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::tei:*][@xml:id][@n][local-name() = $pv:citable-names])"/>
  </xsl:function>

  <!-- The citable blocks of a work, in document order; a block inside another (the quotation of a
       quoted post) belongs to the one around it, as for the aligner
       (src/interlinea/alignment_units.py). -->
  <xsl:function name="pv:citable-blocks" as="element()*">
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:sequence select="$work//*[pv:is-citable(.)]
        [not((ancestor::* except $work/ancestor-or-self::*)[pv:is-citable(.)])]"/>
  </xsl:function>

  <!-- The ids a link joins ("../a.xml#x ../b.xml#y" → x, y). -->
  <xsl:function name="pv:link-ids" as="xs:string*">
    <xsl:param name="link" as="element(tei:link)"/>
    <xsl:sequence select="tokenize(normalize-space($link/@target), ' ') ! replace(., '^.*#', '')"/>
  </xsl:function>

  <!-- The rows of the view (see the module's comment). $a, $b: the citable blocks of the two works,
       in order. -->
  <xsl:function name="pv:rows" as="element(pv:row)*">
    <xsl:param name="links" as="element(tei:link)*"/>
    <xsl:param name="a" as="element()*"/>
    <xsl:param name="b" as="element()*"/>
    <xsl:variable name="linked" select="$links ! pv:link-ids(.)"/>
    <xsl:variable name="unaligned-a" select="$a[not(@xml:id = $linked)]"/>
    <xsl:variable name="unaligned-b" select="$b[not(@xml:id = $linked)]"/>
    <xsl:sequence select="pv:check-repeated($links, $linked)"/>
    <xsl:iterate select="$links">
      <!-- how many unaligned blocks of each side have their row already -->
      <xsl:param name="done-a" as="xs:integer" select="0"/>
      <xsl:param name="done-b" as="xs:integer" select="0"/>
      <xsl:on-completion>
        <xsl:sequence select="pv:unaligned-rows($unaligned-a[position() gt $done-a], 'a'),
                              pv:unaligned-rows($unaligned-b[position() gt $done-b], 'b')"/>
      </xsl:on-completion>
      <xsl:variable name="ids" select="pv:link-ids(.)"/>
      <xsl:variable name="own-a" select="$a[@xml:id = $ids]"/>
      <xsl:variable name="own-b" select="$b[@xml:id = $ids]"/>
      <xsl:variable name="before-a" select="pv:unaligned-before($unaligned-a, $done-a, $own-a[1])"/>
      <xsl:variable name="before-b" select="pv:unaligned-before($unaligned-b, $done-b, $own-b[1])"/>
      <xsl:sequence select="pv:check-link(., $ids, ($own-a, $own-b))"/>
      <xsl:sequence select="pv:unaligned-rows($before-a, 'a'), pv:unaligned-rows($before-b, 'b')"/>
      <pv:row kind="aligned" number="{position()}" a="{$own-a/@xml:id}" b="{$own-b/@xml:id}"
          cert="{normalize-space(@cert)}" correction="{@type = 'correction'}"/>
      <xsl:next-iteration>
        <xsl:with-param name="done-a" select="$done-a + count($before-a)"/>
        <xsl:with-param name="done-b" select="$done-b + count($before-b)"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- The unaligned blocks of a side still without a row that come before a block (none when the
       link has no block on this side). -->
  <xsl:function name="pv:unaligned-before" as="element()*">
    <xsl:param name="unaligned" as="element()*"/>
    <xsl:param name="done" as="xs:integer"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:sequence select="if ($block) then $unaligned[position() gt $done][. &lt;&lt; $block] else ()"/>
  </xsl:function>

  <xsl:function name="pv:unaligned-rows" as="element(pv:row)*">
    <xsl:param name="blocks" as="element()*"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:for-each select="$blocks">
      <pv:row kind="unaligned" side="{$side}" a="{if ($side = 'a') then @xml:id else ''}" b="{if ($side = 'b') then @xml:id else ''}"/>
    </xsl:for-each>
  </xsl:function>

  <!-- Reports the pointers of a link that name no citable block of either work (the view shows the
       blocks it finds); returns nothing. -->
  <xsl:function name="pv:check-link" as="empty-sequence()">
    <xsl:param name="link" as="element(tei:link)"/>
    <xsl:param name="ids" as="xs:string*"/>
    <xsl:param name="found" as="element()*"/>
    <xsl:for-each select="$ids[not(. = $found/@xml:id)]">
      <xsl:sequence select="il:warn($link, 'alignment', 'the link names &quot;' || . || '&quot;, which is no citable block of the two works: left out of the parallel view')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- Reports a block that more than one link names (each of its groups shows it, so it is on the
       page more than once); returns nothing. -->
  <xsl:function name="pv:check-repeated" as="empty-sequence()">
    <xsl:param name="links" as="element(tei:link)*"/>
    <xsl:param name="linked" as="xs:string*"/>
    <xsl:for-each-group select="$linked" group-by=".">
      <xsl:if test="count(current-group()) gt 1">
        <xsl:sequence select="il:warn($links[pv:link-ids(.) = current-grouping-key()][last()], 'alignment', '&quot;' || current-grouping-key() || '&quot; is in ' || count(current-group()) || ' links: the parallel view shows it in each of their groups')"/>
      </xsl:if>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Is a row's group uncertain (its certainty under the threshold)? -->
  <xsl:function name="pv:is-uncertain" as="xs:boolean">
    <xsl:param name="row" as="element(pv:row)"/>
    <xsl:sequence select="$row/@kind = 'aligned' and $row/@cert castable as xs:double
        and xs:double($row/@cert) lt $pv:uncertain-below"/>
  </xsl:function>

</xsl:stylesheet>
