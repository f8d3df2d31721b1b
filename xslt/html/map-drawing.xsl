<?xml version="1.0" encoding="UTF-8"?>
<!--
  Drawing the world for the map page (map.xsl), at build time: the TopoJSON of Natural Earth's
  countries (xslt/html/data/world-atlas/, handed over as text in the edition document's
  site:geography) decoded, projected, clipped to the frame of the edition's places and rounded, as
  SVG paths. The page loads nothing; the drawing is part of its HTML.

  TopoJSON (https://github.com/topojson/topojson-specification): the lines shared by countries are
  stored once, as "arcs" of integer positions, each after the first a difference from the one
  before ("delta-encoded"), in a grid of the topology's "transform" (position × scale + translate
  = longitude, latitude). A polygon's ring lists the arcs it is made of; a negative index ~i is arc
  i read backwards. Consecutive arcs share their end point, which is kept once.

  Projection: equirectangular with the frame's middle latitude as its standard parallel (x =
  longitude × cos φ₀, y = latitude, scaled to $il:map-width): at the scale of a frame of tens of
  degrees, shapes near the middle keep their proportions, and a place's position is a matter of
  multiplication, which a reader can check. Rings are clipped to the frame (Sutherland–Hodgman
  against each side), simplified (Douglas–Peucker, to $il:map-resolution), and
  coordinates have one decimal, each point written as its step from the one before: the SVG stays
  small (the seed edition's map: 36 KB of outlines, 3,825 points, from 8,246 in the data).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The width of the map in SVG units (its height follows from the frame). -->
  <xsl:variable name="il:map-width" as="xs:double" select="1000"/>
  <!-- How far from the drawn outline a point of the data may be, in SVG units (less than a pixel
       at the map's size). -->
  <xsl:variable name="il:map-resolution" as="xs:double" select="0.8"/>

  <!-- ============================================================ the frame -->

  <!-- The frame of some points ((latitude, longitude) pairs, flat): their bounding box with a
       margin (an eighth of its size, at least 3°; at least 8° × 5° for one place), widened so
       that the map is neither a strip nor a tower (its height between 0.38 and 0.9 of its
       width), within the world. A map of longitude-min, longitude-max, latitude-min,
       latitude-max, in degrees. -->
  <xsl:function name="il:map-frame" as="map(xs:string, xs:double)">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:variable name="latitudes" select="$points[position() mod 2 = 1]"/>
    <xsl:variable name="longitudes" select="$points[position() mod 2 = 0]"/>
    <xsl:variable name="lon" select="il:widened(min($longitudes), max($longitudes), 8)"/>
    <xsl:variable name="lat" select="il:widened(min($latitudes), max($latitudes), 5)"/>
    <xsl:variable name="parallel" select="math:cos(($lat[1] + $lat[2]) div 2 * math:pi() div 180)"/>
    <xsl:variable name="width" select="($lon[2] - $lon[1]) * $parallel"/>
    <xsl:variable name="height" select="$lat[2] - $lat[1]"/>
    <xsl:variable name="lat-framed" select="if ($height lt 0.38 * $width) then il:spread($lat, 0.38 * $width, -85, 85) else $lat"/>
    <xsl:variable name="lon-framed" select="if ($height gt 0.9 * $width) then il:spread($lon, $height div 0.9 div $parallel, -180, 180) else $lon"/>
    <xsl:sequence select="map { 'lon-min': $lon-framed[1], 'lon-max': $lon-framed[2], 'lat-min': $lat-framed[1], 'lat-max': $lat-framed[2] }"/>
  </xsl:function>

  <!-- A range with a margin: (low, high), at least $least wide, an eighth more on each side (3° at
       least), within the world. -->
  <xsl:function name="il:widened" as="xs:double+">
    <xsl:param name="low" as="xs:double"/>
    <xsl:param name="high" as="xs:double"/>
    <xsl:param name="least" as="xs:double"/>
    <xsl:variable name="size" select="max(($high - $low, $least))"/>
    <xsl:variable name="margin" select="max(($size div 8, 3))"/>
    <xsl:variable name="middle" select="($low + $high) div 2"/>
    <xsl:sequence select="il:spread(($middle - $size div 2 - $margin, $middle + $size div 2 + $margin), 0, -180, 180)"/>
  </xsl:function>

  <!-- A range (low, high) grown around its middle to $size at least, then moved (not shrunk)
       inside [$floor, $ceiling], and cut to it where it is wider. -->
  <xsl:function name="il:spread" as="xs:double+">
    <xsl:param name="range" as="xs:double+"/>
    <xsl:param name="size" as="xs:double"/>
    <xsl:param name="floor" as="xs:double"/>
    <xsl:param name="ceiling" as="xs:double"/>
    <xsl:variable name="half" select="max(($range[2] - $range[1], $size)) div 2"/>
    <xsl:variable name="middle" select="($range[1] + $range[2]) div 2"/>
    <xsl:variable name="low" select="$middle - $half"/>
    <xsl:variable name="high" select="$middle + $half"/>
    <xsl:variable name="shift" select="if ($low lt $floor) then $floor - $low else if ($high gt $ceiling) then $ceiling - $high else 0"/>
    <xsl:sequence select="(max(($low + $shift, $floor)), min(($high + $shift, $ceiling)))"/>
  </xsl:function>

  <!-- ============================================================ the projection -->

  <!-- The projection of a frame: the scale (SVG units per degree of latitude), the factor of
       longitude (cos φ₀), the frame's west and north, and the map's size. -->
  <xsl:function name="il:map-projection" as="map(xs:string, xs:double)">
    <xsl:param name="frame" as="map(xs:string, xs:double)"/>
    <xsl:variable name="parallel" select="math:cos(($frame?lat-min + $frame?lat-max) div 2 * math:pi() div 180)"/>
    <xsl:variable name="scale" select="$il:map-width div (($frame?lon-max - $frame?lon-min) * $parallel)"/>
    <xsl:sequence select="map { 'scale': $scale, 'parallel': $parallel, 'west': $frame?lon-min, 'north': $frame?lat-max,
        'width': $il:map-width, 'height': round(($frame?lat-max - $frame?lat-min) * $scale * 10) div 10 }"/>
  </xsl:function>

  <!-- A point (longitude, latitude) on the map: (x, y) in SVG units. -->
  <xsl:function name="il:project" as="xs:double+">
    <xsl:param name="longitude" as="xs:double"/>
    <xsl:param name="latitude" as="xs:double"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:sequence select="(($longitude - $projection?west) * $projection?parallel * $projection?scale,
        ($projection?north - $latitude) * $projection?scale)"/>
  </xsl:function>

  <!-- ============================================================ TopoJSON -->

  <!-- The arcs of a topology, decoded: for each, its points as longitude, latitude, flat. -->
  <xsl:function name="il:topology-arcs" as="array(*)">
    <xsl:param name="topology" as="map(*)"/>
    <xsl:variable name="scale" select="$topology?transform?scale"/>
    <xsl:variable name="translate" select="$topology?transform?translate"/>
    <xsl:sequence select="array:for-each($topology?arcs, function($arc) { il:decoded-arc($arc, $scale, $translate) })"/>
  </xsl:function>

  <!-- One arc: running sums of its positions, each turned into degrees. -->
  <xsl:function name="il:decoded-arc" as="xs:double*">
    <xsl:param name="arc" as="array(*)"/>
    <xsl:param name="scale" as="array(*)"/>
    <xsl:param name="translate" as="array(*)"/>
    <xsl:iterate select="$arc?*">
      <xsl:param name="x" as="xs:double" select="0"/>
      <xsl:param name="y" as="xs:double" select="0"/>
      <xsl:variable name="next-x" select="$x + .(1)"/>
      <xsl:variable name="next-y" select="$y + .(2)"/>
      <xsl:sequence select="($next-x * $scale(1) + $translate(1), $next-y * $scale(2) + $translate(2))"/>
      <xsl:next-iteration>
        <xsl:with-param name="x" select="$next-x"/>
        <xsl:with-param name="y" select="$next-y"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- The rings of a geometry (Polygon, MultiPolygon; others have none), each as the arc indices
       it is made of. -->
  <xsl:function name="il:geometry-rings" as="array(xs:integer)*">
    <xsl:param name="geometry" as="map(*)"/>
    <xsl:variable name="polygons" select="if ($geometry?type = 'Polygon') then $geometry?arcs
        else if ($geometry?type = 'MultiPolygon') then $geometry?arcs?* else ()"/>
    <xsl:sequence select="$polygons?* ! array { ?* ! xs:integer(.) }"/>
  </xsl:function>

  <!-- A ring's points (longitude, latitude, flat): its arcs one after the other, a negative index
       read backwards, the point two arcs share kept once. -->
  <xsl:function name="il:ring-points" as="xs:double*">
    <xsl:param name="ring" as="array(xs:integer)"/>
    <xsl:param name="arcs" as="array(*)"/>
    <xsl:for-each select="$ring?*">
      <xsl:variable name="points" select="if (. ge 0) then $arcs(. + 1) else il:reversed-points($arcs(-. ))"/>
      <xsl:sequence select="if (position() = 1) then $points else subsequence($points, 3)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- A ring that crosses the antimeridian (a step of more than 180° of longitude, from 180 to
       -180) made continuous: every point after such a step moved by 360°, so that the ring runs
       on beyond 180° (or before -180°) instead of across the whole map. -->
  <xsl:function name="il:unwrapped" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:iterate select="1 to count($points) idiv 2">
      <xsl:param name="offset" as="xs:double" select="0"/>
      <xsl:param name="previous" as="xs:double?" select="()"/>
      <xsl:variable name="i" select="."/>
      <xsl:variable name="longitude" select="$points[2 * $i - 1]"/>
      <xsl:variable name="step" select="if (exists($previous)) then $longitude - $previous else 0"/>
      <xsl:variable name="moved" select="$offset + (if ($step gt 180) then -360 else if ($step lt -180) then 360 else 0)"/>
      <xsl:sequence select="($longitude + $moved, $points[2 * $i])"/>
      <xsl:next-iteration>
        <xsl:with-param name="offset" select="$moved"/>
        <xsl:with-param name="previous" select="$longitude"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- A ring (longitude, latitude flat) as the map shows it: itself, and, where it runs beyond
       180° or before -180°, a copy 360° back or on, which shows the part on the other edge. -->
  <xsl:function name="il:around-the-world" as="array(xs:double)*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:variable name="longitudes" select="$points[position() mod 2 = 1]"/>
    <xsl:sequence select="array { $points },
        if (max($longitudes) gt 180) then array { il:shifted($points, -360) } else (),
        if (min($longitudes) lt -180) then array { il:shifted($points, 360) } else ()"/>
  </xsl:function>

  <xsl:function name="il:shifted" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:param name="degrees" as="xs:double"/>
    <xsl:sequence select="for $i in 1 to count($points) return if ($i mod 2 = 1) then $points[$i] + $degrees else $points[$i]"/>
  </xsl:function>

  <!-- Points (x, y flat) in the reverse order. -->
  <xsl:function name="il:reversed-points" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:sequence select="for $i in reverse(1 to count($points) idiv 2) return ($points[2 * $i - 1], $points[2 * $i])"/>
  </xsl:function>

  <!-- ============================================================ clipping and simplifying -->

  <!-- The outline of every country of the topology inside the frame, as SVG path data: one string
       per country that shows. -->
  <xsl:function name="il:country-outlines" as="xs:string*">
    <xsl:param name="topology" as="map(*)"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:variable name="arcs" select="il:topology-arcs($topology)"/>
    <xsl:for-each select="$topology?objects?countries?geometries?*">
      <xsl:variable name="rings" as="xs:string*">
        <xsl:for-each select="il:geometry-rings(.) ! il:around-the-world(il:unwrapped(il:ring-points(., $arcs)))">
          <xsl:variable name="projected" select="il:projected-points(?*, $projection)"/>
          <xsl:variable name="clipped" select="il:clip-to-frame($projected, $projection)"/>
          <xsl:variable name="kept" select="il:simplified($clipped)"/>
          <xsl:if test="count($kept) ge 6">
            <xsl:sequence select="il:path-data($kept)"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:variable>
      <xsl:if test="exists($rings)">
        <xsl:sequence select="string-join($rings, '')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- A closed ring (x, y flat) as path data: its first point, then each next one as its step
       from the one before ("l", relative: fewer characters), all rounded to one decimal first, so
       that the steps add up to the rounded points exactly. -->
  <xsl:function name="il:path-data" as="xs:string">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:variable name="rounded" select="$points ! (round(. * 10) div 10)"/>
    <xsl:variable name="count" select="count($rounded) idiv 2"/>
    <xsl:sequence select="'M' || il:map-number($rounded[1]) || ',' || il:map-number($rounded[2]) || 'l'
        || string-join(for $i in 2 to $count return il:map-number($rounded[2 * $i - 1] - $rounded[2 * $i - 3]) || ',' || il:map-number($rounded[2 * $i] - $rounded[2 * $i - 2]), ' ')
        || 'z'"/>
  </xsl:function>

  <!-- Points (longitude, latitude flat) projected: (x, y flat). -->
  <xsl:function name="il:projected-points" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:sequence select="for $i in 1 to count($points) idiv 2 return il:project($points[2 * $i - 1], $points[2 * $i], $projection)"/>
  </xsl:function>

  <!-- A ring (x, y flat) clipped to the map, with a little room beyond its edges so that no border
       line shows there; nothing when it lies wholly outside. -->
  <xsl:function name="il:clip-to-frame" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:param name="projection" as="map(xs:string, xs:double)"/>
    <xsl:variable name="xs" select="$points[position() mod 2 = 1]"/>
    <xsl:variable name="ys" select="$points[position() mod 2 = 0]"/>
    <xsl:variable name="edges" select="(-2, $projection?width + 2, -2, $projection?height + 2)"/>
    <xsl:choose>
      <xsl:when test="empty($points) or max($xs) lt $edges[1] or min($xs) gt $edges[2] or max($ys) lt $edges[3] or min($ys) gt $edges[4]"/>
      <xsl:otherwise>
        <xsl:sequence select="fold-left((1, 2, 3, 4), $points, function($ring, $side) { il:clip-side($ring, $side, $edges[$side]) })"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- One step of Sutherland–Hodgman: a closed ring (x, y flat) cut by one side of the frame ($side
       1: x ≥ edge, 2: x ≤ edge, 3: y ≥ edge, 4: y ≤ edge). -->
  <xsl:function name="il:clip-side" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:param name="side" as="xs:integer"/>
    <xsl:param name="edge" as="xs:double"/>
    <xsl:variable name="count" select="count($points) idiv 2"/>
    <xsl:sequence select="for $i in 1 to $count
        return let $j := if ($i = 1) then $count else $i - 1,
                   $current := ($points[2 * $i - 1], $points[2 * $i]),
                   $previous := ($points[2 * $j - 1], $points[2 * $j]),
                   $current-in := il:inside($current, $side, $edge),
                   $previous-in := il:inside($previous, $side, $edge)
        return if ($current-in) then ((if ($previous-in) then () else il:crossing($previous, $current, $side, $edge)), $current)
               else if ($previous-in) then il:crossing($previous, $current, $side, $edge) else ()"/>
  </xsl:function>

  <xsl:function name="il:inside" as="xs:boolean">
    <xsl:param name="point" as="xs:double+"/>
    <xsl:param name="side" as="xs:integer"/>
    <xsl:param name="edge" as="xs:double"/>
    <xsl:sequence select="if ($side = 1) then $point[1] ge $edge else if ($side = 2) then $point[1] le $edge
        else if ($side = 3) then $point[2] ge $edge else $point[2] le $edge"/>
  </xsl:function>

  <!-- Where the segment from $a to $b crosses a side of the frame. -->
  <xsl:function name="il:crossing" as="xs:double+">
    <xsl:param name="a" as="xs:double+"/>
    <xsl:param name="b" as="xs:double+"/>
    <xsl:param name="side" as="xs:integer"/>
    <xsl:param name="edge" as="xs:double"/>
    <xsl:sequence select="if ($side le 2)
        then ($edge, $a[2] + ($b[2] - $a[2]) * ($edge - $a[1]) div ($b[1] - $a[1]))
        else ($a[1] + ($b[1] - $a[1]) * ($edge - $a[2]) div ($b[2] - $a[2]), $edge)"/>
  </xsl:function>

  <!-- A ring (x, y flat) simplified (Douglas–Peucker): the points that a line between the points
       kept on either side would pass closer than $il:map-resolution are dropped. The ring is cut
       in two at its first point and the point farthest from it. -->
  <xsl:function name="il:simplified" as="xs:double*">
    <xsl:param name="points" as="xs:double*"/>
    <xsl:variable name="xs" select="$points[position() mod 2 = 1]"/>
    <xsl:variable name="ys" select="$points[position() mod 2 = 0]"/>
    <xsl:variable name="count" select="count($xs)"/>
    <xsl:variable name="distances" select="for $i in 1 to $count return abs($xs[$i] - $xs[1]) + abs($ys[$i] - $ys[1])"/>
    <xsl:variable name="far" select="index-of($distances, max($distances))[1]"/>
    <xsl:variable name="kept" select="if ($count lt 4) then 1 to $count
        else (1, il:kept-between($xs, $ys, 1, $far), $far, il:kept-between($xs, $ys, $far, $count), $count)"/>
    <xsl:sequence select="for $k in sort(distinct-values($kept)) return ($xs[$k], $ys[$k])"/>
  </xsl:function>

  <!-- The points strictly between points $a and $b that the outline keeps: the farthest from the
       line a–b, if it is farther than the resolution, and those kept on either side of it. -->
  <xsl:function name="il:kept-between" as="xs:integer*">
    <xsl:param name="xs" as="xs:double*"/>
    <xsl:param name="ys" as="xs:double*"/>
    <xsl:param name="a" as="xs:integer"/>
    <xsl:param name="b" as="xs:integer"/>
    <xsl:if test="$b - $a ge 2">
      <xsl:variable name="dx" select="$xs[$b] - $xs[$a]"/>
      <xsl:variable name="dy" select="$ys[$b] - $ys[$a]"/>
      <xsl:variable name="length" select="math:sqrt($dx * $dx + $dy * $dy)"/>
      <xsl:variable name="distances" select="for $i in $a + 1 to $b - 1 return
          if ($length = 0) then math:sqrt(math:pow($xs[$i] - $xs[$a], 2) + math:pow($ys[$i] - $ys[$a], 2))
          else abs($dy * $xs[$i] - $dx * $ys[$i] + $xs[$b] * $ys[$a] - $ys[$b] * $xs[$a]) div $length"/>
      <xsl:variable name="farthest" select="max($distances)"/>
      <xsl:if test="$farthest gt $il:map-resolution">
        <xsl:variable name="m" select="$a + index-of($distances, $farthest)[1]"/>
        <xsl:sequence select="il:kept-between($xs, $ys, $a, $m), $m, il:kept-between($xs, $ys, $m, $b)"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <!-- A coordinate of the map with one decimal at most (never "-0"). -->
  <xsl:function name="il:map-number" as="xs:string">
    <xsl:param name="value" as="xs:double"/>
    <xsl:variable name="rounded" select="round($value * 10) div 10"/>
    <xsl:sequence select="if ($rounded = 0) then '0' else format-number($rounded, '0.#')"/>
  </xsl:function>

</xsl:stylesheet>
