<?xml version="1.0" encoding="UTF-8"?>
<!--
  The bibliography (site/bibliography.html): every entry of the bibliography register
  (tei/registers/bibliography.xml: bibl or biblStruct), formatted (authors, titles, publisher,
  date, URL, language, the editors' notes), each anchored by its xml:id (links.xsl's
  il:entry-url points "registers/bibliography.xml#key" here), and with the passages of the texts
  that cite it: a link (ref/@corresp), a cited title (title/@ref), a quoted post (bibl/@corresp),
  or the text as a whole, whose source it is (sourceDesc bibl/@sameAs), from the text summaries.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- What a citing element is, in words. -->
  <xsl:variable name="il:citation-kinds" as="map(xs:string, xs:string)" select="map {
      'source': 'the source of the text', 'ref': 'link', 'ptr': 'link', 'title': 'title cited',
      'bibl': 'quoted', 'quote': 'quoted', 'cit': 'quoted' }"/>

  <xsl:template match="il:bibliography" mode="il:site-page">
    <xsl:variable name="entries" select="il:registers()[@site:file = 'bibliography']//(tei:bibl | tei:biblStruct)[@xml:id]"/>
    <xsl:variable name="content" as="element()*">
      <h1>Bibliography</h1>
      <xsl:choose>
        <xsl:when test="empty($entries)">
          <p>This edition has no bibliography.</p>
        </xsl:when>
        <xsl:otherwise>
          <p><xsl:value-of select="il:count-label(count($entries), 'work')"/> the texts cite, quote, translate or come from, each with the passages that cite it.</p>
          <ol class="bibliography">
            <xsl:for-each select="$entries">
              <xsl:sort select="lower-case(il:bibliography-sort-key(.))" lang="en"/>
              <xsl:sort select="@xml:id"/>
              <xsl:apply-templates select="." mode="il:bibliography-entry"/>
            </xsl:for-each>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="il:page('Bibliography', (), $content)"/>
  </xsl:template>

  <!-- An entry is ordered by its first author, else its first title. -->
  <xsl:function name="il:bibliography-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(($entry//tei:author)[1], ($entry//tei:title)[1]) ! il:plain-text(.) => string-join(' ')"/>
  </xsl:function>

  <xsl:template match="*" mode="il:bibliography-entry">
    <xsl:variable name="citations" select="key('il:citations', 'bibliography#' || @xml:id, $edition)"/>
    <li id="{@xml:id}" class="bibliography-entry">
      <p class="reference"><xsl:sequence select="il:reference(.)"/></p>
      <xsl:for-each select=".//tei:note[normalize-space()]">
        <p class="reference-note">
          <xsl:sequence select="il:lang-attributes(il:lang(.))"/>
          <xsl:value-of select="if (@type = 'source') then 'Editors’ note: ' else 'Note: '"/>
          <xsl:value-of select="il:plain-text(.)"/>
        </p>
      </xsl:for-each>
      <xsl:choose>
        <xsl:when test="exists($citations)">
          <p class="cited-in-label">Cited in:</p>
          <ul class="cited-in">
            <xsl:for-each select="$citations">
              <xsl:variable name="text" select="il:text-of(.)"/>
              <li>
                <xsl:choose>
                  <xsl:when test="@kind = 'source'">
                    <a href="{il:text-url($text/@id, ())}"><xsl:sequence select="il:text-title($text)"/></a>
                  </xsl:when>
                  <xsl:otherwise>
                    <a href="{il:text-url($text/@id, @block)}"><xsl:value-of select="il:passage-label(.)"/></a>
                    <xsl:text>, </xsl:text>
                    <xsl:sequence select="il:text-title($text)"/>
                  </xsl:otherwise>
                </xsl:choose>
                <xsl:value-of select="' (' || ($il:citation-kinds(@kind), @kind)[1] || ')'"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="cited-in-label">Not cited in the texts.</p></xsl:otherwise>
      </xsl:choose>
    </li>
  </xsl:template>

  <!-- A reference, formatted: authors. "Title" (an article's, quoted), Title (a book's or site's,
       as cited) or [Title] (one the editors gave), other titles. Publisher, date. URL (a link when
       it is safe). Language. -->
  <xsl:function name="il:reference" as="item()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="authors" select="$entry//tei:author[normalize-space()]"/>
    <xsl:if test="exists($authors)">
      <xsl:for-each select="$authors">
        <xsl:if test="position() gt 1"><xsl:value-of select="if (position() = last()) then ' and ' else ', '"/></xsl:if>
        <xsl:sequence select="il:reference-name(.)"/>
      </xsl:for-each>
      <xsl:value-of select="if (ends-with(il:plain-text($authors[last()]), '.')) then ' ' else '. '"/>
    </xsl:if>
    <xsl:for-each select="$entry//tei:title[normalize-space()]">
      <xsl:if test="position() gt 1"><xsl:text>; </xsl:text></xsl:if>
      <!-- a title the editors gave (type="desc") in square brackets; an article's in quotation marks -->
      <xsl:variable name="supplied" select="@type = 'desc'"/>
      <xsl:variable name="quoted" select="@level = ('a', 'u') and not($supplied)"/>
      <xsl:value-of select="if ($supplied) then '[' else if ($quoted) then '“' else ''"/>
      <cite><xsl:sequence select="il:lang-attributes(il:lang(.))"/><xsl:value-of select="il:plain-text(.)"/></cite>
      <xsl:value-of select="if ($supplied) then ']' else if ($quoted) then '”' else ''"/>
    </xsl:for-each>
    <xsl:text>. </xsl:text>
    <xsl:variable name="published" select="(($entry//tei:publisher)[1] ! il:plain-text(.)[not(. = ($authors ! il:plain-text(.)))],
        ($entry//tei:pubPlace)[1] ! il:plain-text(.))[.]"/>
    <xsl:variable name="date" select="($entry//tei:date)[1]"/>
    <xsl:if test="exists($published) or $date">
      <xsl:value-of select="string-join($published, ', ')"/>
      <xsl:if test="exists($published) and $date">, </xsl:if>
      <xsl:if test="$date">
        <xsl:variable name="when" select="($date/@when, $date/@from, $date/@notBefore)[1]"/>
        <xsl:choose>
          <xsl:when test="$when"><xsl:sequence select="il:time($when, il:date-label($when))"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="il:plain-text($date)"/></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$date/@cert = ('low', 'medium')"> (date uncertain)</xsl:if>
      </xsl:if>
      <xsl:text>. </xsl:text>
    </xsl:if>
    <xsl:for-each select="($entry//tei:ref/@target, $entry//tei:ptr/@target, $entry//tei:idno[@type = ('URL', 'URI', 'url', 'uri')])[1]">
      <xsl:variable name="url" select="normalize-space(.)"/>
      <xsl:choose>
        <xsl:when test="il:safe-url($url)"><a href="{il:href($url)}" class="reference-url" rel="external"><xsl:value-of select="$url"/></a></xsl:when>
        <xsl:otherwise><span class="reference-url"><xsl:value-of select="$url"/></span></xsl:otherwise>
      </xsl:choose>
      <xsl:text>. </xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($entry//tei:textLang)[1][normalize-space()]">
      <xsl:value-of select="'In ' || il:plain-text(.) || '.'"/>
    </xsl:for-each>
  </xsl:function>

  <!-- An author: a link to the entry of the register the name points to, where there is one. -->
  <xsl:function name="il:reference-name" as="item()">
    <xsl:param name="author" as="element(tei:author)"/>
    <xsl:variable name="pointer" select="($author/@ref, $author/*/@ref)[1]"/>
    <xsl:variable name="target" select="if ($pointer) then il:register-entry(il:bibliography-relative($pointer)) else ()"/>
    <xsl:choose>
      <xsl:when test="$target/(self::tei:person | self::tei:place | self::tei:org)">
        <a href="{il:entry-url(il:bibliography-relative($pointer))}"><xsl:value-of select="il:plain-text($author)"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="il:plain-text($author)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A pointer written in the bibliography register, relative to the registers' folder
       ("organisations.xml#organise"), as the texts write it ("registers/organisations.xml#…"). -->
  <xsl:function name="il:bibliography-relative" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="if (contains($pointer, '/')) then $pointer else 'registers/' || $pointer"/>
  </xsl:function>

</xsl:stylesheet>
