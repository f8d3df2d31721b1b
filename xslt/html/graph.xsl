<?xml version="1.0" encoding="UTF-8"?>
<!--
  The graph of the works' relations on the home page, drawn at build time as inline SVG from the
  edition document's site:work and site:relation elements, and its text equivalent.

  Works are nodes (a link to the work on its text's page; a work outside the edition, known from the
  bibliography, a dashed node without a link); a translation is an arrow from the original to the
  translation; versions and siblings (translations of one original) are undirected lines, solid
  and dotted; each language has a colour, and every node says its language in words too, so that
  the colours are a help, never the only way to tell. Where two related works are aligned, a
  small round mark on their line links to the parallel view.

  Layout, deterministic: each connected group of works is a band of rows, one under the other in
  the order of their first work; inside a band, a work's column is its depth (0 for a work that
  translates nothing, 1 + the depth of its original for a translation), and the works of a column
  stand one under the other in the edition's order. Only works that take part in a relation are
  drawn.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:interlinea:site"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The geometry of the drawing, in SVG user units. -->
  <xsl:variable name="il:node-width" as="xs:double" select="250"/>
  <xsl:variable name="il:node-height" as="xs:double" select="50"/>
  <xsl:variable name="il:column-gap" as="xs:double" select="120"/>
  <xsl:variable name="il:row-height" as="xs:double" select="74"/>
  <xsl:variable name="il:graph-margin" as="xs:double" select="16"/>
  <!-- Characters of a title a node shows (its full title is its tooltip and in the list). -->
  <xsl:variable name="il:node-title-length" as="xs:integer" select="30"/>

  <!-- The colours of the languages, in the order of their codes (Okabe and Ito's palette for
       colour-blind readers, its yellow left out, darkened where white text or a thin line needs
       contrast); after the last, they repeat. -->
  <xsl:variable name="il:language-colours" as="xs:string*" select="('#0072b2', '#c75000', '#007a5a', '#b3589a', '#8a6500', '#3d7ea6', '#555555')"/>

  <!-- The relations between works of the edition document, and the works they relate. -->
  <xsl:function name="il:graph-relations" as="element(site:relation)*">
    <xsl:variable name="refs" select="$edition/site:edition/site:work/@ref"/>
    <xsl:sequence select="$edition/site:edition/site:relation[@source = $refs and @target = $refs]"/>
  </xsl:function>

  <xsl:function name="il:graph-works" as="element(site:work)*">
    <xsl:variable name="relations" select="il:graph-relations()"/>
    <xsl:sequence select="$edition/site:edition/site:work[@ref = ($relations/@source, $relations/@target)]"/>
  </xsl:function>

  <!-- ============================================================ the figure -->

  <!-- The graph, its legend and its text equivalent, or nothing when no works are related. -->
  <xsl:function name="il:relations-figure" as="element()*">
    <xsl:variable name="works" select="il:graph-works()"/>
    <xsl:variable name="relations" select="il:graph-relations()"/>
    <xsl:if test="exists($relations)">
      <xsl:variable name="layout" select="il:graph-layout($works, $relations)"/>
      <xsl:variable name="languages" select="sort(distinct-values($works/@lang[normalize-space()]))"/>
      <figure class="relations" aria-labelledby="relations-caption">
        <xsl:sequence select="il:graph-svg($layout, $relations, $languages)"/>
        <xsl:sequence select="il:graph-legend($languages, $works, $relations)"/>
        <figcaption id="relations-caption">
          <xsl:value-of select="'The relations of ' || count($works) || ' works: ' || il:and-list(il:relation-counts($relations)) || '.'"/>
        </figcaption>
      </figure>
      <xsl:sequence select="il:relations-list($relations)"/>
    </xsl:if>
  </xsl:function>

  <!-- "2 translations", "1 version"… -->
  <xsl:function name="il:relation-counts" as="xs:string*">
    <xsl:param name="relations" as="element(site:relation)*"/>
    <xsl:for-each-group select="$relations" group-by="@kind">
      <xsl:sort select="current-grouping-key()"/>
      <xsl:sequence select="count(current-group()) || ' ' || current-grouping-key() || (if (count(current-group()) gt 1) then 's' else '')"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- ============================================================ layout -->

  <!-- Where each work goes: a map from its ref to map { 'x', 'y' } (the node's top left corner). -->
  <xsl:function name="il:graph-layout" as="map(xs:string, map(xs:string, xs:double))">
    <xsl:param name="works" as="element(site:work)*"/>
    <xsl:param name="relations" as="element(site:relation)*"/>
    <xsl:variable name="bands" as="array(xs:string)*">
      <xsl:iterate select="$works/string(@ref)">
        <xsl:param name="placed" as="xs:string*" select="()"/>
        <xsl:if test="not(. = $placed)">
          <xsl:variable name="group" select="il:connected((.), $relations)"/>
          <xsl:sequence select="array { $works/@ref[. = $group] ! string() }"/>
          <xsl:next-iteration>
            <xsl:with-param name="placed" select="$placed, $group"/>
          </xsl:next-iteration>
        </xsl:if>
      </xsl:iterate>
    </xsl:variable>
    <xsl:variable name="placed" as="map(xs:string, map(xs:string, xs:double))*">
      <xsl:iterate select="$bands">
        <xsl:param name="first-row" as="xs:integer" select="0"/>
        <xsl:variable name="band" select="?*"/>
        <xsl:variable name="depths" select="map:merge($band ! map:entry(., il:depth(., $relations, ())))"/>
        <xsl:variable name="columns" select="sort(distinct-values($band ! $depths(.)))"/>
        <xsl:for-each select="$columns">
          <xsl:variable name="column" select="."/>
          <xsl:for-each select="$band[$depths(.) = $column]">
            <xsl:sequence select="map:entry(., map {
                'x': $il:graph-margin + $column * ($il:node-width + $il:column-gap),
                'y': $il:graph-margin + ($first-row + position() - 1) * $il:row-height })"/>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:next-iteration>
          <xsl:with-param name="first-row" select="$first-row + max(for $c in $columns return count($band[$depths(.) = $c]))"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="map:merge($placed)"/>
  </xsl:function>

  <!-- The works connected to some works by relations of any kind (them included). -->
  <xsl:function name="il:connected" as="xs:string*">
    <xsl:param name="found" as="xs:string*"/>
    <xsl:param name="relations" as="element(site:relation)*"/>
    <xsl:variable name="next" select="distinct-values(($found, $relations[@source = $found]/@target, $relations[@target = $found]/@source))"/>
    <xsl:sequence select="if (count($next) = count($found)) then $found else il:connected($next, $relations)"/>
  </xsl:function>

  <!-- A work's depth: 0 when it translates nothing, else one more than its original's (a cycle,
       which the manifest's checks refuse, is cut where it closes). -->
  <xsl:function name="il:depth" as="xs:integer">
    <xsl:param name="work" as="xs:string"/>
    <xsl:param name="relations" as="element(site:relation)*"/>
    <xsl:param name="visiting" as="xs:string*"/>
    <xsl:variable name="originals" select="$relations[@kind = 'translation'][@source = $work]/@target[not(. = ($visiting, $work))]"/>
    <xsl:sequence select="if (empty($originals)) then 0 else 1 + max($originals ! il:depth(., $relations, ($visiting, $work)))"/>
  </xsl:function>

  <!-- ============================================================ drawing -->

  <xsl:function name="il:graph-svg" as="element()">
    <xsl:param name="layout" as="map(xs:string, map(xs:string, xs:double))"/>
    <xsl:param name="relations" as="element(site:relation)*"/>
    <xsl:param name="languages" as="xs:string*"/>
    <!-- room on the right for the curves between works of one column, and their marks -->
    <xsl:variable name="width" select="max(map:keys($layout) ! $layout(.)?x) + $il:node-width + $il:column-gap * 0.3 + 12 + $il:graph-margin"/>
    <xsl:variable name="height" select="max(map:keys($layout) ! $layout(.)?y) + $il:node-height + $il:graph-margin"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="relations-graph" viewBox="0 0 {$width} {$height}"
        width="{$width}" height="{$height}" aria-labelledby="relations-graph-title">
      <title id="relations-graph-title">Graph of the relations of the works; the list after it says the same in words</title>
      <defs>
        <marker id="relations-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" class="relations-arrowhead"/>
        </marker>
      </defs>
      <g class="relations-edges">
        <xsl:for-each select="$relations">
          <xsl:sequence select="il:graph-edge(., $layout)"/>
        </xsl:for-each>
      </g>
      <g class="relations-nodes">
        <xsl:for-each select="il:graph-works()">
          <xsl:sequence select="il:graph-node(., $layout(@ref), $languages)"/>
        </xsl:for-each>
      </g>
      <g class="relations-parallels">
        <xsl:for-each select="$relations">
          <xsl:sequence select="il:graph-parallel-mark(., $layout)"/>
        </xsl:for-each>
      </g>
    </svg>
  </xsl:function>

  <!-- A relation as a line: from the original to the translation (an arrow), or between two
       versions or siblings; a curve beside the column when both stand in one column. -->
  <xsl:function name="il:graph-edge" as="element()">
    <xsl:param name="relation" as="element(site:relation)"/>
    <xsl:param name="layout" as="map(xs:string, map(xs:string, xs:double))"/>
    <xsl:variable name="from" select="$layout(if ($relation/@kind = 'translation') then $relation/@target else $relation/@source)"/>
    <xsl:variable name="to" select="$layout(if ($relation/@kind = 'translation') then $relation/@source else $relation/@target)"/>
    <path xmlns="http://www.w3.org/2000/svg" d="{il:edge-path($from, $to)}" class="relation relation-{$relation/@kind}">
      <xsl:if test="$relation/@kind = 'translation'">
        <xsl:attribute name="marker-end" select="'url(#relations-arrow)'"/>
      </xsl:if>
    </path>
  </xsl:function>

  <xsl:function name="il:edge-path" as="xs:string">
    <xsl:param name="from" as="map(xs:string, xs:double)"/>
    <xsl:param name="to" as="map(xs:string, xs:double)"/>
    <xsl:variable name="middle" select="$il:node-height div 2"/>
    <xsl:sequence select="if ($from?x = $to?x)
        then 'M' || il:point($from?x + $il:node-width, $from?y + $middle) || ' Q' || il:point($from?x + $il:node-width + $il:column-gap * 0.6, ($from?y + $to?y) div 2 + $middle) || ' ' || il:point($to?x + $il:node-width, $to?y + $middle)
        else if ($from?x lt $to?x)
        then 'M' || il:point($from?x + $il:node-width, $from?y + $middle) || ' L' || il:point($to?x, $to?y + $middle)
        else 'M' || il:point($from?x, $from?y + $middle) || ' L' || il:point($to?x + $il:node-width, $to?y + $middle)"/>
  </xsl:function>

  <!-- The middle of a relation's line: where its parallel view's mark goes. -->
  <xsl:function name="il:edge-middle" as="xs:double+">
    <xsl:param name="from" as="map(xs:string, xs:double)"/>
    <xsl:param name="to" as="map(xs:string, xs:double)"/>
    <xsl:variable name="middle" select="$il:node-height div 2"/>
    <xsl:sequence select="if ($from?x = $to?x)
        then ($from?x + $il:node-width + $il:column-gap * 0.3, ($from?y + $to?y) div 2 + $middle)
        else (($from?x + $to?x + $il:node-width) div 2, ($from?y + $to?y) div 2 + $middle)"/>
  </xsl:function>

  <xsl:function name="il:point" as="xs:string">
    <xsl:param name="x" as="xs:double"/>
    <xsl:param name="y" as="xs:double"/>
    <xsl:sequence select="il:number($x) || ',' || il:number($y)"/>
  </xsl:function>

  <!-- A coordinate with one decimal at most. -->
  <xsl:function name="il:number" as="xs:string">
    <xsl:param name="value" as="xs:double"/>
    <xsl:sequence select="format-number(round($value * 10) div 10, '0.#')"/>
  </xsl:function>

  <!-- A work: a box in its language's colour, its title (cut) and, in words, its language and
       its place in the edition; a link to it when it is in the edition. -->
  <xsl:function name="il:graph-node" as="element()">
    <xsl:param name="work" as="element(site:work)"/>
    <xsl:param name="at" as="map(xs:string, xs:double)"/>
    <xsl:param name="languages" as="xs:string*"/>
    <xsl:variable name="external" select="$work/@external = 'true'"/>
    <xsl:variable name="colour" select="il:language-colour($work/@lang, $languages)"/>
    <xsl:variable name="shape" as="element()*">
      <title xmlns="http://www.w3.org/2000/svg"><xsl:value-of select="il:work-description($work)"/></title>
      <rect xmlns="http://www.w3.org/2000/svg" x="{il:number($at?x)}" y="{il:number($at?y)}" width="{$il:node-width}" height="{$il:node-height}" rx="4"
          class="work-box{if ($external) then ' work-external' else ''}" stroke="{$colour}"/>
      <rect xmlns="http://www.w3.org/2000/svg" x="{il:number($at?x)}" y="{il:number($at?y)}" width="8" height="{$il:node-height}" fill="{$colour}" class="work-stripe"/>
      <text xmlns="http://www.w3.org/2000/svg" x="{il:number($at?x + 16)}" y="{il:number($at?y + 21)}" class="work-title">
        <xsl:sequence select="il:lang-attributes($work/@lang)"/>
        <xsl:value-of select="il:shortened(normalize-space($work/@title), $il:node-title-length)"/>
      </text>
      <text xmlns="http://www.w3.org/2000/svg" x="{il:number($at?x + 16)}" y="{il:number($at?y + 39)}" class="work-note">
        <xsl:value-of select="string-join((il:edition-language-name($work/@lang), if ($external) then 'not in this edition' else $work/@text || ' ' || $work/@number), ' · ')"/>
      </text>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$external">
        <g xmlns="http://www.w3.org/2000/svg" class="work"><xsl:sequence select="$shape"/></g>
      </xsl:when>
      <xsl:otherwise>
        <a xmlns="http://www.w3.org/2000/svg" href="{il:work-url($work)}" class="work"><xsl:sequence select="$shape"/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A work in words: "Giù le mani dal Kazakhstan (Italian; organise-it 1)". -->
  <xsl:function name="il:work-description" as="xs:string">
    <xsl:param name="work" as="element(site:work)"/>
    <xsl:sequence select="normalize-space($work/@title) || ' (' || il:work-place($work) || ')'"/>
  </xsl:function>

  <!-- Where a work is: its language and its citation in the edition ("Italian; organise-it 1"),
       or that it is not in the edition. -->
  <xsl:function name="il:work-place" as="xs:string">
    <xsl:param name="work" as="element(site:work)"/>
    <xsl:sequence select="string-join((il:edition-language-name($work/@lang)[normalize-space($work/@lang)],
        if ($work/@external = 'true') then 'not in this edition' else $work/@text || ' ' || $work/@number), '; ')"/>
  </xsl:function>

  <!-- A work on its text's page: the text's page at the work's division when the summary knows it. -->
  <xsl:function name="il:work-url" as="xs:string">
    <xsl:param name="work" as="element(site:work)"/>
    <xsl:variable name="text" select="$edition/site:edition/site:text[@id = $work/@text]"/>
    <xsl:sequence select="il:text-url($work/@text, $text/site:summary/site:work[@id = $work/@ref]/@id)"/>
  </xsl:function>

  <xsl:function name="il:language-colour" as="xs:string">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:param name="languages" as="xs:string*"/>
    <xsl:variable name="index" select="index-of($languages, $lang)[1]"/>
    <xsl:sequence select="if (exists($index)) then $il:language-colours[($index - 1) mod count($il:language-colours) + 1] else '#555555'"/>
  </xsl:function>

  <!-- The alignment of the two works of a relation, if they are aligned. -->
  <xsl:function name="il:alignment-of" as="element(site:alignment)?">
    <xsl:param name="relation" as="element(site:relation)"/>
    <xsl:sequence select="$edition/site:edition/site:alignment[(@a = $relation/@source and @b = $relation/@target) or (@b = $relation/@source and @a = $relation/@target)][1]"/>
  </xsl:function>

  <!-- The mark on the line of two aligned works: a link to their parallel view. -->
  <xsl:function name="il:graph-parallel-mark" as="element()?">
    <xsl:param name="relation" as="element(site:relation)"/>
    <xsl:param name="layout" as="map(xs:string, map(xs:string, xs:double))"/>
    <xsl:variable name="alignment" select="il:alignment-of($relation)"/>
    <xsl:if test="$alignment">
      <xsl:variable name="at" select="il:edge-middle($layout($relation/@source), $layout($relation/@target))"/>
      <xsl:variable name="label" select="'Parallel view: ' || il:and-list(($relation/@source, $relation/@target) ! il:work-title-of(.))"/>
      <a xmlns="http://www.w3.org/2000/svg" href="{il:site-url($alignment/@href)}" class="parallel-mark" aria-label="{$label}">
        <title><xsl:value-of select="$label"/></title>
        <circle cx="{il:number($at[1])}" cy="{il:number($at[2])}" r="11"/>
        <path d="M{il:point($at[1] - 3, $at[2] - 6)} v12 M{il:point($at[1] + 3, $at[2] - 6)} v12" class="parallel-bars"/>
      </a>
    </xsl:if>
  </xsl:function>

  <xsl:function name="il:work-title-of" as="xs:string">
    <xsl:param name="ref" as="xs:string"/>
    <xsl:sequence select="($edition/site:edition/site:work[@ref = $ref]/@title ! normalize-space(), $ref)[.][1]"/>
  </xsl:function>

  <!-- ============================================================ legend and list -->

  <!-- The legend: each language's colour with its name, the kinds of line, the dashed box, the
       parallel view's mark. -->
  <xsl:function name="il:graph-legend" as="element()">
    <xsl:param name="languages" as="xs:string*"/>
    <xsl:param name="works" as="element(site:work)*"/>
    <xsl:param name="relations" as="element(site:relation)*"/>
    <ul class="relations-legend">
      <xsl:for-each select="$languages">
        <li>
          <xsl:sequence select="il:legend-sample(., $languages)"/>
          <xsl:value-of select="il:edition-language-name(.) || ' (' || . || ')'"/>
        </li>
      </xsl:for-each>
      <xsl:for-each select="distinct-values($relations/@kind)">
        <xsl:sort select="."/>
        <li>
          <xsl:sequence select="il:legend-line(.)"/>
          <xsl:value-of select="if (. = 'translation') then 'translation: an arrow from the original to the translation'
              else if (. = 'version') then 'versions of one text'
              else if (. = 'sibling') then 'siblings: translations of one original'
              else ."/>
        </li>
      </xsl:for-each>
      <xsl:if test="$works/@external = 'true'">
        <li><xsl:sequence select="il:legend-line('external')"/>dashed box: a work outside this edition</li>
      </xsl:if>
      <xsl:if test="some $r in $relations satisfies exists(il:alignment-of($r))">
        <li><xsl:sequence select="il:legend-line('parallel')"/>round mark: the two works side by side (parallel view)</li>
      </xsl:if>
    </ul>
  </xsl:function>

  <xsl:function name="il:legend-sample" as="element()">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:param name="languages" as="xs:string*"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="legend-sample" viewBox="0 0 24 14" width="24" height="14" aria-hidden="true">
      <rect x="1" y="1" width="22" height="12" rx="2" fill="{il:language-colour($lang, $languages)}"/>
    </svg>
  </xsl:function>

  <xsl:function name="il:legend-line" as="element()">
    <xsl:param name="kind" as="xs:string"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="legend-sample" viewBox="0 0 40 14" width="40" height="14" aria-hidden="true">
      <xsl:choose>
        <xsl:when test="$kind = 'external'">
          <rect x="1" y="1" width="38" height="12" rx="2" class="work-box work-external"/>
        </xsl:when>
        <xsl:when test="$kind = 'parallel'">
          <g class="parallel-mark"><circle cx="20" cy="7" r="6"/><path d="M18,3 v8 M22,3 v8" class="parallel-bars"/></g>
        </xsl:when>
        <xsl:otherwise>
          <path d="M2,7 L36,7" class="relation relation-{$kind}">
            <xsl:if test="$kind = 'translation'"><xsl:attribute name="marker-end" select="'url(#relations-arrow)'"/></xsl:if>
          </path>
        </xsl:otherwise>
      </xsl:choose>
    </svg>
  </xsl:function>

  <!-- The graph in words: one item per relation, with the links the graph has. -->
  <xsl:function name="il:relations-list" as="element()">
    <xsl:param name="relations" as="element(site:relation)*"/>
    <ul class="relations-list">
      <xsl:for-each select="$relations">
        <xsl:variable name="source" select="$edition/site:edition/site:work[@ref = current()/@source]"/>
        <xsl:variable name="target" select="$edition/site:edition/site:work[@ref = current()/@target]"/>
        <xsl:variable name="alignment" select="il:alignment-of(.)"/>
        <li>
          <xsl:sequence select="il:work-link($source)"/>
          <xsl:value-of select="if (@kind = 'translation') then ' translates '
              else if (@kind = 'version') then ' and ' else ' and '"/>
          <xsl:sequence select="il:work-link($target)"/>
          <xsl:value-of select="if (@kind = 'version') then ' are versions of one text'
              else if (@kind = 'sibling') then ' translate one original' else ''"/>
          <xsl:if test="@derived = 'true'"> (found from the other relations)</xsl:if>
          <xsl:if test="normalize-space(@cert)"> (certainty: <xsl:value-of select="@cert"/>)</xsl:if>
          <xsl:text>.</xsl:text>
          <xsl:if test="$alignment">
            <xsl:text> </xsl:text>
            <a href="{il:site-url($alignment/@href)}">Parallel view</a>
          </xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:function>

  <!-- A work named in the list: its title (a link when it is in the edition) and its language. -->
  <xsl:function name="il:work-link" as="item()*">
    <xsl:param name="work" as="element(site:work)"/>
    <xsl:variable name="title" as="element()">
      <cite><xsl:sequence select="il:lang-attributes($work/@lang)"/><xsl:value-of select="normalize-space($work/@title)"/></cite>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$work/@external = 'true'"><xsl:sequence select="$title"/></xsl:when>
      <xsl:otherwise><a href="{il:work-url($work)}"><xsl:sequence select="$title"/></a></xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="' (' || il:work-place($work) || ')'"/>
  </xsl:function>

</xsl:stylesheet>
