<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page of one register entry (site/<register>/<id>.html: persons/putin.html,
  places/almaty.html, organisations/csto.html), from the edition document: the entry's names in
  every language, what it is (type, notes, the certainty of its identification), its dates (birth,
  death) or its coordinates (with a link to the map), its authority records (Wikidata, VIAF,
  GeoNames) as links, the texts it wrote or translated, and every mention of it in every text, as
  keyword in context, grouped by text, each linking to its block. Everything about the texts comes
  from their summaries (summary.xsl), never from the texts.

  The search indexes this page (data-pagefind-body around its content, and a filter by register).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The authorities whose identifiers become links: the syntax of an identifier (as
       src/interlinea/validate/rules.py, AUTHORITY_SYNTAX, checks it), the authority's name, and
       the URI the authority gives each identifier (Wikidata's entity URIs, the wd: prefix of its
       RDF; VIAF's cluster URIs; GeoNames' feature URIs of its semantic web service). An identifier
       of another type, or not of the right syntax, stays text; one that is itself a URL is a link
       when il:safe-url allows it. -->
  <xsl:variable name="il:authorities" as="map(xs:string, array(xs:string))" select="map {
      'wikidata': ['^Q[1-9][0-9]*$', 'Wikidata', 'http://www.wikidata.org/entity/', ''],
      'viaf': ['^[1-9][0-9]{0,21}$', 'VIAF', 'http://viaf.org/viaf/', ''],
      'geonames': ['^[1-9][0-9]{0,9}$', 'GeoNames', 'http://sws.geonames.org/', '/'] }"/>

  <!-- What each kind of entry is called. -->
  <xsl:variable name="il:entry-kinds" as="map(xs:string, xs:string)" select="map {
      'person': 'Person', 'place': 'Place', 'org': 'Organisation' }"/>

  <xsl:template match="il:entry" mode="il:site-page">
    <xsl:variable name="record" select="(il:registers()[@site:file = $register]//*[@xml:id = $entry])[1]"/>
    <xsl:if test="empty($record)">
      <xsl:message terminate="yes">the register <xsl:value-of select="$register"/> has no entry "<xsl:value-of select="$entry"/>"</xsl:message>
    </xsl:if>
    <xsl:variable name="register-label" select="il:register-label($record/ancestor::tei:TEI[1])"/>
    <xsl:variable name="head" as="element()*">
      <!-- property= makes the meta valid HTML (as the text pages do, text-meta.xsl) -->
      <meta property="pagefind:register" data-pagefind-filter="register[content]" content="{$register-label}"/>
    </xsl:variable>
    <xsl:variable name="content" as="element()*">
      <div class="entry" data-pagefind-body="">
        <h1><xsl:sequence select="il:entry-label-element($record)"/></h1>
        <xsl:apply-templates select="$record" mode="il:entry-facts"/>
        <xsl:sequence select="il:entry-names-section($record)"/>
        <xsl:sequence select="il:authority-section($record)"/>
        <xsl:sequence select="il:authorship-section($record)"/>
        <xsl:sequence select="il:mentions-section($record)"/>
      </div>
      <p class="entry-back"><a href="{il:site-url('registers.html')}#{$register}">All <xsl:value-of select="lower-case($register-label)"/></a></p>
    </xsl:variable>
    <xsl:sequence select="il:page(il:entry-label($record), $head, $content)"/>
  </xsl:template>

  <!-- ============================================================ what it is -->

  <!-- The kind of entry, its type, the certainty of its identification, its notes, its dates or
       its coordinates. -->
  <xsl:template match="*" mode="il:entry-facts">
    <dl class="entry-facts">
      <dt>Kind</dt>
      <dd><xsl:value-of select="string-join((($il:entry-kinds(local-name()), local-name())[1], @type[normalize-space()]), ', ')"/></dd>
      <xsl:if test="normalize-space(@cert)">
        <dt>Identification</dt>
        <dd><xsl:value-of select="@cert"/> certainty</dd>
      </xsl:if>
      <xsl:for-each select="(tei:birth, tei:death, tei:floruit)">
        <dt><xsl:value-of select="il:capitalised(local-name())"/></dt>
        <dd><xsl:sequence select="il:dated-fact(.)"/></dd>
      </xsl:for-each>
      <xsl:variable name="coordinates" select="il:entry-coordinates(.)"/>
      <xsl:if test="exists($coordinates)">
        <dt>Coordinates</dt>
        <dd>
          <xsl:value-of select="il:coordinates-label($coordinates)"/>
          <xsl:text> (</xsl:text>
          <a href="{il:site-url('map.html')}#{il:map-anchor(.)}">on the map</a>
          <xsl:text>)</xsl:text>
        </dd>
      </xsl:if>
      <xsl:for-each select="tei:note[normalize-space()]">
        <dt><xsl:value-of select="if (@type = 'editorial') then 'Editors’ note' else 'Note'"/></dt>
        <dd><xsl:sequence select="il:lang-attributes(il:lang(.))"/><xsl:value-of select="il:plain-text(.)"/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- A birth, a death: its date (when, or from–to, or its text) and its place in words. -->
  <xsl:function name="il:dated-fact" as="item()*">
    <xsl:param name="event" as="element()"/>
    <xsl:variable name="when" select="($event/@when, $event/tei:date/@when)[1]"/>
    <xsl:choose>
      <xsl:when test="$when">
        <xsl:sequence select="il:time($when, il:date-label($when))"/>
      </xsl:when>
      <xsl:when test="$event/@from or $event/@to or $event/@notBefore or $event/@notAfter">
        <xsl:value-of select="string-join((($event/@from, $event/@notBefore)[1] ! il:date-label(.), ($event/@to, $event/@notAfter)[1] ! il:date-label(.)), '–')"/>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="normalize-space($event) and not($when and normalize-space($event) = normalize-space($event/tei:date))">
      <xsl:if test="$when or $event/@from or $event/@to"><xsl:text>; </xsl:text></xsl:if>
      <span><xsl:sequence select="il:lang-attributes(il:lang($event))"/><xsl:value-of select="il:plain-text($event)"/></span>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ names -->

  <!-- The entry's names, by language: the main names, then the others, each with its type
       (variant, abbreviation…). -->
  <xsl:function name="il:entry-names-section" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="il:entry-names($entry)"/>
    <xsl:if test="exists($names)">
      <section class="site-section" aria-labelledby="names">
        <h2 id="names">Names</h2>
        <dl class="entry-names">
          <xsl:for-each-group select="$names" group-by="il:lang(.)">
            <xsl:sort select="if (current-grouping-key() = 'en') then 0 else 1"/>
            <xsl:sort select="il:edition-language-name(current-grouping-key())" lang="en"/>
            <dt><xsl:value-of select="il:edition-language-name(current-grouping-key())"/></dt>
            <xsl:for-each select="current-group()">
              <dd>
                <span><xsl:sequence select="il:lang-attributes(il:lang(.))"/><xsl:value-of select="normalize-space(.)"/></span>
                <xsl:if test="normalize-space(@type)">
                  <xsl:text> </xsl:text>
                  <span class="name-type">(<xsl:value-of select="@type"/>)</span>
                </xsl:if>
              </dd>
            </xsl:for-each>
          </xsl:for-each-group>
        </dl>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ authority records -->

  <xsl:function name="il:authority-section" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="records" select="$entry/tei:idno[normalize-space()]"/>
    <xsl:if test="exists($records)">
      <section class="site-section" aria-labelledby="authorities">
        <h2 id="authorities">Authority records</h2>
        <ul class="authorities">
          <xsl:for-each select="$records">
            <li><xsl:sequence select="il:authority-record(.)"/></li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- One identifier: "Wikidata Q232", a link to the authority's record when its syntax is right. -->
  <xsl:function name="il:authority-record" as="item()*">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <xsl:variable name="authority" select="$il:authorities(lower-case($idno/@type))"/>
    <xsl:variable name="url" select="if (exists($authority)) then (if (matches($value, $authority(1))) then $authority(3) || $value || $authority(4) else ())
        else if (matches($value, '^https?://', 'i')) then $value else ()"/>
    <xsl:variable name="label" select="string-join(((if (exists($authority)) then $authority(2) else (), $idno/@type)[1], $value), ' ')"/>
    <xsl:choose>
      <xsl:when test="exists($url) and il:safe-url($url)">
        <a href="{il:href($url)}" rel="external"><xsl:value-of select="$label"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ============================================================ texts it made -->

  <xsl:function name="il:authorship-section" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="credits" select="key('il:authorships', il:entry-key(il:entry-pointer($entry)), $edition)"/>
    <xsl:if test="exists($credits)">
      <section class="site-section" aria-labelledby="works">
        <h2 id="works">Texts written or translated</h2>
        <ul>
          <xsl:for-each select="$credits">
            <xsl:variable name="text" select="il:text-of(.)"/>
            <li>
              <xsl:value-of select="if (self::site:author) then 'Author of ' else 'Translator of '"/>
              <a href="{il:text-url($text/@id, ())}"><xsl:sequence select="il:text-title($text)"/></a>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ mentions -->

  <!-- Every mention, grouped by text (in the edition's order), with the language of each text's
       mentions; nothing to say when the texts never mention it. -->
  <xsl:function name="il:mentions-section" as="element()">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="mentions" select="il:mentions-of($entry)"/>
    <section class="site-section" aria-labelledby="mentions">
      <h2 id="mentions">Mentions</h2>
      <xsl:choose>
        <xsl:when test="empty($mentions)">
          <p>The texts of this edition do not mention it.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:value-of select="il:count-label(count($mentions), 'mention') || ' in ' || il:count-label(count($mentions/ancestor::site:text), 'text')
                || ', in ' || il:and-list(distinct-values($mentions/@lang) ! il:edition-language-name(.)) || '.'"/>
          </p>
          <xsl:for-each-group select="$mentions" group-by="il:text-of(.)/@id">
            <xsl:variable name="text" select="il:text-of(.)"/>
            <xsl:variable name="heading-id" select="'mentions-' || current-grouping-key()"/>
            <h3 id="{$heading-id}">
              <xsl:sequence select="il:text-title($text)"/>
              <xsl:value-of select="' (' || il:and-list(distinct-values(current-group()/@lang) ! il:edition-language-name(.)) || '; '
                  || il:count-label(count(current-group()), 'mention') || ')'"/>
            </h3>
            <xsl:sequence select="il:kwic-table(current-group(), $heading-id, 'Name')"/>
          </xsl:for-each-group>
        </xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:function>

</xsl:stylesheet>
