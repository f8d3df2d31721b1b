<?xml version="1.0" encoding="UTF-8"?>
<!--
  The timeline (site/timeline.html): every date the texts mark (date with an ISO value in their
  reading text, from the text summaries), in the order of the time it names (its start: when, from
  or notBefore, else its end), grouped by year and month; each with its words in their passage and
  a link to the block. A date the editors inferred (evidence="conjecture", or a certainty below
  high) is marked as inferred.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:template match="il:timeline" mode="il:site-page">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="dates" select="$edition-root/site:text/site:summary/site:date"/>
    <xsl:variable name="dated" select="$dates[exists(il:date-parts(il:date-start(.)))]"/>
    <xsl:variable name="years" select="sort(distinct-values($dated ! il:date-parts(il:date-start(.))[1]))"/>
    <xsl:variable name="content" as="element()*">
      <h1>Timeline</h1>
      <xsl:choose>
        <xsl:when test="empty($dates)">
          <p>The texts of this edition mark no dates.</p>
        </xsl:when>
        <xsl:otherwise>
          <p>
            <xsl:value-of select="il:count-label(count($dates), 'date') || ' marked in ' || il:count-label(count($dates/ancestor::site:text), 'text')"/>
            <xsl:if test="exists($years)">
              <xsl:value-of select="', from ' || il:year-label($years[1]) || ' to ' || il:year-label($years[last()])"/>
            </xsl:if>
            <xsl:text>. Dates the editors inferred (the year from the date of the text, for instance) are marked </xsl:text>
            <span class="date-inferred">inferred</span>
            <xsl:text>.</xsl:text>
          </p>
          <xsl:if test="count($years) gt 1">
            <nav class="page-contents" aria-label="Years">
              <ul>
                <xsl:for-each select="$years">
                  <li><a href="#{il:year-anchor(.)}"><xsl:value-of select="il:year-label(.)"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
          </xsl:if>
          <xsl:for-each-group select="$dated" group-by="il:date-parts(il:date-start(.))[1]">
            <xsl:sort select="current-grouping-key()"/>
            <section class="site-section" aria-labelledby="{il:year-anchor(current-grouping-key())}">
              <h2 id="{il:year-anchor(current-grouping-key())}"><xsl:value-of select="il:year-label(current-grouping-key())"/></h2>
              <xsl:for-each-group select="current-group()" group-by="il:date-parts(il:date-start(.))[2]">
                <xsl:sort select="current-grouping-key()"/>
                <xsl:variable name="year" select="il:date-parts(il:date-start(.))[1]"/>
                <!-- the dates that give the year only come first, under the year's heading -->
                <xsl:if test="current-grouping-key() gt 0">
                  <h3 id="{il:year-anchor($year) || '-' || format-number(current-grouping-key(), '00')}">
                    <xsl:value-of select="$il:months[current-grouping-key()] || ' ' || il:year-label($year)"/>
                  </h3>
                </xsl:if>
                <ol class="timeline">
                  <xsl:for-each select="current-group()">
                    <xsl:sort select="il:date-parts(il:date-start(.))[3]"/>
                    <xsl:sort select="count(il:text-of(.)/preceding-sibling::site:text)"/>
                    <xsl:apply-templates select="." mode="il:timeline-entry"/>
                  </xsl:for-each>
                </ol>
              </xsl:for-each-group>
            </section>
          </xsl:for-each-group>
          <xsl:if test="exists($dates except $dated)">
            <section class="site-section" aria-labelledby="undated">
              <h2 id="undated">Without a year</h2>
              <ol class="timeline">
                <xsl:apply-templates select="$dates except $dated" mode="il:timeline-entry"/>
              </ol>
            </section>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="il:page('Timeline', (), $content)"/>
  </xsl:template>

  <!-- One date: when, as a reader reads it (inferred or not), then its words in their passage,
       then where (a link to the block) and in which language. -->
  <xsl:template match="site:date" mode="il:timeline-entry">
    <xsl:variable name="text" select="il:text-of(.)"/>
    <li class="timeline-entry">
      <p class="timeline-when">
        <xsl:sequence select="il:time(il:date-start(.), il:date-range-label(.))"/>
        <xsl:if test="il:inferred(.)">
          <xsl:text> </xsl:text>
          <span class="date-inferred">
            <xsl:value-of select="string-join(('inferred', @evidence[normalize-space()] ! ('evidence: ' || .), @cert[normalize-space()] ! ('certainty: ' || .)), ', ')"/>
          </span>
        </xsl:if>
      </p>
      <p class="timeline-context">
        <xsl:sequence select="il:lang-attributes(@lang)"/>
        <xsl:value-of select="@left"/>
        <mark><xsl:value-of select="."/></mark>
        <xsl:value-of select="@right"/>
      </p>
      <p class="timeline-where">
        <a href="{il:text-url($text/@id, @block)}"><xsl:value-of select="il:passage-label(.)"/></a>
        <xsl:text>, </xsl:text>
        <xsl:sequence select="il:text-title($text)"/>
        <xsl:if test="not(normalize-space(@lang) = ('', 'und'))">
          <xsl:value-of select="' (' || il:edition-language-name(@lang) || ')'"/>
        </xsl:if>
      </p>
    </li>
  </xsl:template>

  <!-- Where a date starts in time: its when, from or notBefore, else its to or notAfter. -->
  <xsl:function name="il:date-start" as="xs:string?">
    <xsl:param name="date" as="element(site:date)"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@not-before, $date/@to, $date/@not-after)[1] ! string()"/>
  </xsl:function>

  <!-- A date as a reader reads it: "2 January 2022", "from December 2011", "1848–1849", "not
       before 1848". -->
  <xsl:function name="il:date-range-label" as="xs:string">
    <xsl:param name="date" as="element(site:date)"/>
    <xsl:variable name="start" select="($date/@from, $date/@not-before)[1]"/>
    <xsl:variable name="end" select="($date/@to, $date/@not-after)[1]"/>
    <xsl:sequence select="if ($date/@when) then il:date-label($date/@when)
        else if ($start and $end) then il:date-label($start) || '–' || il:date-label($end)
        else if ($date/@from) then 'from ' || il:date-label($date/@from)
        else if ($date/@not-before) then 'not before ' || il:date-label($date/@not-before)
        else if ($date/@to) then 'until ' || il:date-label($date/@to)
        else 'not after ' || il:date-label($date/@not-after)"/>
  </xsl:function>

  <!-- Did the editors infer the date rather than read it (evidence="conjecture", or a certainty
       below high)? -->
  <xsl:function name="il:inferred" as="xs:boolean">
    <xsl:param name="date" as="element(site:date)"/>
    <xsl:sequence select="$date/@evidence = 'conjecture' or $date/@cert = ('low', 'medium', 'unknown')"/>
  </xsl:function>

  <xsl:function name="il:year-anchor" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="'year-' || (if ($year lt 0) then 'minus-' || abs($year) else string($year))"/>
  </xsl:function>

</xsl:stylesheet>
