<?xml version="1.0" encoding="UTF-8"?>
<!--
  One block of a work in the parallel view. Its form is the HTML format's (the common layer applied
  to it, with the rules of blocks.xsl and phrases.xsl, as on its text's page), inside a frame of the
  view's own: the block's permanent anchor (its xml:id), its group (data-group and data-side, which
  parallel.js and parallel.css highlight), its number as a link to its place on its text's page,
  and its language when it is not its work's.

  Two functions of the HTML format are overridden here (import precedence), for the view only:
  il:heading-level (every heading of a work is an h3, under the view's h2, whatever its depth in
  its work, so that the page's headings stay in order) and il:block-number (no permalink inside the
  block: the frame has the number).

  A block taken out of its text may need what its text's page gives it around it. The mode pv:fit
  adapts the form of one block to the view, and changes nothing else:
    * an element that HTML allows only inside another (a list item, a figure's caption, a term of a
      description list, a table row or cell), standing alone, gets that container;
    * the ids of the form (note marks and their notes) stay unique on the page, which holds two
      texts, or two works of one text: an id that is not an xml:id of the TEI (those are unique in
      the edition) is prefixed with the block's side ("a-", "b-"), and so are the references to it;
      a link to a place of the text not shown here goes to the text's page. The block's own id is
      the frame's.
  The form's elements are matched by local name, in whatever namespace blocks.xsl makes them.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <!-- The level of the works' headings in the view (the page has its h1, then h2 sections). -->
  <xsl:variable name="pv:heading-level" as="xs:integer" select="3"/>

  <!-- The containers HTML requires around an element standing alone: element, its containers
       (outermost first). -->
  <xsl:variable name="pv:required-containers" as="map(xs:string, xs:string*)" select="map {
      'li': 'ul', 'figcaption': 'figure', 'dt': 'dl', 'dd': 'dl',
      'tr': ('table', 'tbody'), 'td': ('table', 'tbody', 'tr'), 'th': ('table', 'tbody', 'tr') }"/>

  <!-- The attributes whose value is one or more ids of the page. -->
  <xsl:variable name="pv:id-reference-attributes" as="xs:string*"
      select="('for', 'headers', 'aria-describedby', 'aria-labelledby', 'aria-controls', 'aria-details', 'aria-owns')"/>

  <!-- One block in its frame. $work: the work it belongs to; $side: 'a' or 'b'; $group: the id of
       its row's group. -->
  <xsl:function name="pv:block" as="element()">
    <xsl:param name="block" as="element()"/>
    <xsl:param name="work" as="element(tei:div)"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:param name="group" as="xs:string"/>
    <xsl:variable name="lang" select="il:lang($block)"/>
    <div class="parallel-block" id="{$block/@xml:id}" data-group="{$group}" data-side="{$side}">
      <!-- a passage in another language than its work's (a heading left in the original's) -->
      <xsl:if test="$lang ne il:lang($work)">
        <xsl:attribute name="lang" select="il:bcp47($lang)"/>
        <xsl:if test="il:direction($lang) ne il:direction(il:lang($work))">
          <xsl:attribute name="dir" select="il:direction($lang)"/>
        </xsl:if>
      </xsl:if>
      <a class="parallel-number" href="{il:text-url(pv:text-id($work), $block/@xml:id)}"
          aria-label="{il:block-reference($block)}, in its text">
        <xsl:value-of select="$work/@n || '.' || $block/@n"/>
      </a>
      <div class="parallel-content">
        <xsl:for-each select="il:blocks($block)">
          <xsl:choose>
            <xsl:when test=". instance of element()">
              <xsl:apply-templates select="." mode="pv:fit">
                <xsl:with-param name="block" select="$block" tunnel="yes"/>
                <xsl:with-param name="side" select="$side" tunnel="yes"/>
                <xsl:with-param name="standing-alone" select="true()"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise>
              <xsl:sequence select="."/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </div>
    </div>
  </xsl:function>

  <!-- The id of the text a node belongs to (its TEI's xml:id): its page is texts/<id>.html. -->
  <xsl:function name="pv:text-id" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="string($node/ancestor-or-self::tei:TEI[last()]/@xml:id)"/>
  </xsl:function>

  <!-- ============================================================ the HTML format, overridden -->

  <!-- The level of every heading of a work in the view (blocks.xsl counts the sections around a
       heading on its text's page; here each heading stands in a cell of the view's table, under its
       h2). -->
  <xsl:function name="il:heading-level" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$pv:heading-level"/>
  </xsl:function>

  <!-- No permalink number inside a block: its frame has the number, a link to its text's page. -->
  <xsl:function name="il:block-number" as="element()?">
    <xsl:param name="node" as="element()"/>
  </xsl:function>

  <!-- ============================================================ mode pv:fit -->

  <xsl:mode name="pv:fit" on-no-match="shallow-copy"/>

  <!-- An element standing alone, inside the containers it needs, outermost first; the containers
       have the class parallel-container (no space or marker of their own). -->
  <xsl:template match="*[map:contains($pv:required-containers, local-name())]" mode="pv:fit" priority="2">
    <xsl:param name="standing-alone" as="xs:boolean" select="false()"/>
    <xsl:param name="containers" as="xs:string*" select="if ($standing-alone) then $pv:required-containers(local-name()) else ()"/>
    <xsl:choose>
      <xsl:when test="exists($containers)">
        <xsl:element name="{$containers[1]}" namespace="{namespace-uri()}">
          <xsl:attribute name="class" select="'parallel-container'"/>
          <xsl:apply-templates select="." mode="pv:fit">
            <xsl:with-param name="containers" select="tail($containers)"/>
          </xsl:apply-templates>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <xsl:next-match/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Ids, and the references to them (see the module's comment). -->
  <xsl:template match="@id" mode="pv:fit">
    <xsl:param name="block" as="element()" tunnel="yes"/>
    <xsl:param name="side" as="xs:string" tunnel="yes"/>
    <xsl:if test=". ne $block/@xml:id">
      <xsl:attribute name="id" select="pv:page-id(., $block, $side)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="@href[starts-with(., '#')]" mode="pv:fit">
    <xsl:param name="block" as="element()" tunnel="yes"/>
    <xsl:param name="side" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="href" select="pv:page-href(substring(., 2), $block, $side)"/>
  </xsl:template>

  <xsl:template match="@*[name() = $pv:id-reference-attributes]" mode="pv:fit">
    <xsl:param name="block" as="element()" tunnel="yes"/>
    <xsl:param name="side" as="xs:string" tunnel="yes"/>
    <xsl:attribute name="{name()}" select="string-join(tokenize(normalize-space(.), ' ') ! pv:page-id(., $block, $side), ' ')"/>
  </xsl:template>

  <!-- An id of a block's form as the view's page has it: an xml:id of the block's text as it is,
       any other prefixed with the side. -->
  <xsl:function name="pv:page-id" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="block" as="element()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:sequence select="if (exists(key('il:id', $id, root($block)))) then $id else $side || '-' || $id"/>
  </xsl:function>

  <!-- Where a link of a block's form to "#id" goes on the view's page: to a place in a block shown
       here, to the text's page for any other place of the text, else to the form's own id. -->
  <xsl:function name="pv:page-href" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="block" as="element()"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:variable name="target" select="key('il:id', $id, root($block))[1]"/>
    <xsl:sequence select="
        if (empty($target)) then '#' || pv:page-id($id, $block, $side)
        else if (exists($target/ancestor-or-self::* intersect ($pv:blocks-a, $pv:blocks-b))) then '#' || $id
        else il:text-url(pv:text-id($block), $id)"/>
  </xsl:function>

</xsl:stylesheet>
