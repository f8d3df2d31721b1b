<?xml version="1.0" encoding="UTF-8"?>
<!--
  The map page (site/map.html): the places of the registers that have coordinates (location/geo),
  on an inline SVG map of the countries of the world (map-drawing.xsl), framed on the places. Each
  place is a link to its page, focusable, named by its name; its label shows where there is room
  for it (the most mentioned places first), else when it is hovered or focused. Under the map,
  the list of the places says the same in words (the map's text alternative), then the places that
  have no coordinates.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="map-drawing.xsl"/>

  <!-- The size of a place's label, in SVG units, and the width of one of its characters (an
       estimate, for keeping labels apart). -->
  <xsl:variable name="il:label-size" as="xs:double" select="13"/>
  <xsl:variable name="il:label-character" as="xs:double" select="7.2"/>

  <!-- The places of the registers with an id, the most mentioned first (then by label): those
       with coordinates are drawn in this order, so their labels get room first. -->
  <xsl:function name="il:map-places" as="element()*">
    <xsl:for-each select="il:registers()//tei:place[@xml:id]">
      <xsl:sort select="count(il:mentions-of(.))" order="descending"/>
      <xsl:sort select="lower-case(il:entry-label(.))" lang="en"/>
      <xsl:sort select="@xml:id"/>
      <xsl:sequence select="."/>
    </xsl:for-each>
  </xsl:function>

  <xsl:template match="il:map" mode="il:site-page">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="places" select="il:map-places()"/>
    <xsl:variable name="located" select="$places[exists(il:entry-coordinates(.))]"/>
    <xsl:variable name="content" as="element()*">
      <h1>Map</h1>
      <xsl:choose>
        <xsl:when test="empty($located)">
          <p>No place of this edition has coordinates.</p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="il:count-label(count($located), 'place')"/> with coordinates; each links to its page.</p>
          <xsl:sequence select="il:map-figure($located, $edition-root/site:geography)"/>
          <section class="site-section" aria-labelledby="places-heading">
            <h2 id="places-heading">Places on the map</h2>
            <ul class="map-places">
              <xsl:for-each select="$located">
                <xsl:sort select="lower-case(il:entry-label(.))" lang="en"/>
                <xsl:sort select="@xml:id"/>
                <li id="{il:map-anchor(.)}">
                  <a href="{il:entry-url(il:entry-pointer(.))}"><xsl:sequence select="il:entry-label-element(.)"/></a>
                  <xsl:value-of select="' — ' || il:coordinates-label(il:entry-coordinates(.)) || '; ' || il:count-label(count(il:mentions-of(.)), 'mention')"/>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="exists($places except $located)">
        <section class="site-section" aria-labelledby="unlocated-heading">
          <h2 id="unlocated-heading">Places without coordinates</h2>
          <ul class="map-places">
            <xsl:for-each select="$places except $located">
              <xsl:sort select="lower-case(il:entry-label(.))" lang="en"/>
              <li><a href="{il:entry-url(il:entry-pointer(.))}"><xsl:sequence select="il:entry-label-element(.)"/></a></li>
            </xsl:for-each>
          </ul>
        </section>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="il:page('Map', (), $content)"/>
  </xsl:template>

  <!-- The map: the countries (when the edition document holds the outline of the world), then
       the places. -->
  <xsl:function name="il:map-figure" as="element()">
    <xsl:param name="places" as="element()+"/>
    <xsl:param name="geography" as="element(site:geography)?"/>
    <xsl:variable name="frame" select="il:map-frame($places ! il:entry-coordinates(.))"/>
    <xsl:variable name="projection" select="il:map-projection($frame)"/>
    <xsl:variable name="topology" select="if ($geography) then parse-json(string($geography)) else ()"/>
    <figure class="map" aria-labelledby="map-caption">
      <svg xmlns="http://www.w3.org/2000/svg" class="map-drawing" viewBox="0 0 {il:map-number($projection?width)} {il:map-number($projection?height)}"
          width="{il:map-number($projection?width)}" height="{il:map-number($projection?height)}" aria-labelledby="map-title">
        <title id="map-title">Map of the places of the edition; the list after it names them all</title>
        <rect x="0" y="0" width="{il:map-number($projection?width)}" height="{il:map-number($projection?height)}" class="map-sea"/>
        <xsl:if test="exists($topology)">
          <g class="map-countries" aria-hidden="true">
            <xsl:for-each select="il:country-outlines($topology, $projection)">
              <path d="{.}"/>
            </xsl:for-each>
          </g>
        </xsl:if>
        <g class="map-markers">
          <xsl:sequence select="il:map-markers($places, $projection)"/>
        </g>
      </svg>
      <figcaption id="map-caption">
        <xsl:value-of select="'The places with coordinates, in a frame from ' || il:coordinates-label(($frame?lat-min, $frame?lon-min) ! (round(. * 10) div 10))
            || ' to ' || il:coordinates-label(($frame?lat-max, $frame?lon-max) ! (round(. * 10) div 10)) || ' (equirectangular projection).'"/>
        <xsl:if test="$geography">
          <xsl:text> Outline of the countries: </xsl:text>
          <xsl:value-of select="$geography/@source"/>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </figcaption>
    </figure>
  </xsl:function>

  <!-- The places' marks, each a link with its name, and their labels where there is room: a label
       goes right of its mark, else left, unless it would cover a label already placed or leave
       the map; then it shows on hover and focus only. -->
  <xsl:function name="il:map-markers" as="element()*">
    <xsl:param name="places" as="element()*"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:iterate select="$places">
      <xsl:param name="taken" as="array(xs:double)*" select="()"/>
      <xsl:variable name="coordinates" select="il:entry-coordinates(.)"/>
      <xsl:variable name="at" select="il:project($coordinates[2], $coordinates[1], $projection)"/>
      <xsl:variable name="label" select="il:entry-label(.)"/>
      <xsl:variable name="width" select="string-length($label) * $il:label-character"/>
      <xsl:variable name="candidates" select="(
          [$at[1] + 8, $at[2] - $il:label-size div 2, $at[1] + 8 + $width, $at[2] + $il:label-size div 2],
          [$at[1] - 8 - $width, $at[2] - $il:label-size div 2, $at[1] - 8, $at[2] + $il:label-size div 2])"/>
      <xsl:variable name="free" select="$candidates[il:fits(., $taken, $projection)][1]"/>
      <xsl:variable name="name" select="il:entry-name(.)"/>
      <a xmlns="http://www.w3.org/2000/svg" href="{il:entry-url(il:entry-pointer(.))}" class="map-place" aria-label="{$label}">
        <xsl:if test="$name and il:lang($name) != 'en'"><xsl:sequence select="il:lang-attributes(il:lang($name))"/></xsl:if>
        <title><xsl:value-of select="$label"/></title>
        <circle cx="{il:map-number($at[1])}" cy="{il:map-number($at[2])}" r="5"/>
        <text class="map-label{if (exists($free)) then '' else ' map-label-hidden'}"
            x="{il:map-number(if (exists($free)) then $free(1) else $at[1] + 8)}" y="{il:map-number($at[2] + $il:label-size * 0.35)}">
          <xsl:value-of select="$label"/>
        </text>
      </a>
      <xsl:next-iteration>
        <xsl:with-param name="taken" select="$taken, $free, [$at[1] - 5, $at[2] - 5, $at[1] + 5, $at[2] + 5]"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- Does a label's box (x1, y1, x2, y2) stay on the map and off the boxes taken? -->
  <xsl:function name="il:fits" as="xs:boolean">
    <xsl:param name="box" as="array(xs:double)"/>
    <xsl:param name="taken" as="array(xs:double)*"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:sequence select="$box(1) ge 0 and $box(2) ge 0 and $box(3) le $projection?width and $box(4) le $projection?height
        and (every $other in $taken satisfies
          ($box(3) le $other(1) or $box(1) ge $other(3) or $box(4) le $other(2) or $box(2) ge $other(4)))"/>
  </xsl:function>

</xsl:stylesheet>
