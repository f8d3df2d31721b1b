<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parallel view's page (site/parallel/<a>__<b>.html), around its table (parallel-table.xsl):
  the head's metadata (title, description, the alignment's TEI as an alternate, the view's script),
  the h1 naming both works, the summary (parallel-summary.xsl), a switch of the columns shown, a
  legend of the marks, and a section on the alignment itself: how it was made, its TEI, the two
  texts, and the other alignments of the two works.

  The switch is a group of radio buttons that parallel.css reads (:has()): it works without
  JavaScript, and with neither CSS support nor a choice both works are shown.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  xmlns:pv="urn:interlinea:parallel"
  exclude-result-prefixes="#all">

  <!-- ============================================================ languages -->

  <!-- lang and dir for an element holding a work's text (a column, a title) in the site's English
       page: as text-lang.xsl gives them to any container of TEI text. -->
  <xsl:function name="pv:language-attributes" as="attribute()*">
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="il:language-of-container($lang)"/>
  </xsl:function>

  <!-- A title in its language, in the site's English page. -->
  <xsl:function name="pv:title-in-language" as="element(span)">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <span>
      <xsl:sequence select="pv:language-attributes($lang)"/>
      <xsl:value-of select="$title"/>
    </span>
  </xsl:function>

  <!-- The page's title: both works, each with its language. -->
  <xsl:function name="pv:title" as="xs:string">
    <xsl:sequence select="'Side by side: ' || string-join($pv:works ! (pv:work-title(.) || ' (' || pv:language(.) || ')'), ' and ')"/>
  </xsl:function>

  <!-- The head's own elements: description, the alignment's TEI, the view's script. -->
  <xsl:function name="pv:head" as="element()*">
    <meta name="description" content="{pv:title()}, block by block: {pv:count-sentence()}"/>
    <link rel="alternate" type="application/tei+xml" href="{$pv:alignment-tei}" title="The alignment in TEI"/>
    <script src="{$root}assets/parallel.js" defer=""/>
  </xsl:function>

  <!-- What <main> holds. -->
  <xsl:function name="pv:content" as="element()*">
    <h1 class="parallel-title">
      <xsl:for-each select="$pv:works">
        <xsl:if test="position() = 2"><xsl:text> </xsl:text><span class="parallel-and">and</span><xsl:text> </xsl:text></xsl:if>
        <xsl:sequence select="pv:title-in-language(pv:work-title(.), il:lang(.))"/>
      </xsl:for-each>
    </h1>
    <p class="parallel-summary">
      <xsl:sequence select="pv:relation-sentence()"/>
      <xsl:text> </xsl:text>
      <xsl:value-of select="pv:count-sentence()"/>
    </p>
    <div class="parallel-view">
      <div class="parallel-tools">
        <xsl:sequence select="pv:switch(), pv:legend()"/>
        <!-- shown by parallel.js, which makes the keys work -->
        <p class="parallel-keys" hidden="">In the table, <kbd>j</kbd> goes to the next group, <kbd>k</kbd> to the previous one.</p>
      </div>
      <h2 id="parallel-text">The two works side by side</h2>
      <xsl:sequence select="pv:table($pv:rows)"/>
    </div>
    <xsl:sequence select="pv:about()"/>
  </xsl:function>

  <!-- Which columns to show: both (the default), or one work alone. -->
  <xsl:function name="pv:switch" as="element(fieldset)">
    <fieldset class="parallel-switch">
      <legend>Show</legend>
      <xsl:for-each select="('both', 'a', 'b')">
        <xsl:variable name="work" select="if (. = 'a') then $pv:work-a else if (. = 'b') then $pv:work-b else ()"/>
        <span class="parallel-choice">
          <input type="radio" name="parallel-show" id="parallel-show-{.}" value="{.}">
            <xsl:if test=". = 'both'"><xsl:attribute name="checked" select="'checked'"/></xsl:if>
          </input>
          <label for="parallel-show-{.}">
            <xsl:value-of select="if ($work) then pv:side-label($work) || ' only' else 'Both'"/>
          </label>
        </span>
      </xsl:for-each>
    </fieldset>
  </xsl:function>

  <!-- What the marks of the rows mean. -->
  <xsl:function name="pv:legend" as="element(dl)">
    <dl class="parallel-legend">
      <dt><span class="parallel-flag flag-correction">corrected</span></dt>
      <dd>a group the editors fixed by hand</dd>
      <dt><span class="parallel-flag flag-uncertain">uncertain</span></dt>
      <dd>the aligner's certainty (0 to 1) is under <xsl:value-of select="$pv:uncertain-below"/>: check it</dd>
      <dt><span class="parallel-flag flag-unaligned">unaligned</span></dt>
      <dd>a block the other work has nothing for</dd>
    </dl>
  </xsl:function>

  <!-- The alignment itself: how it was made, its TEI, the texts, the other alignments. -->
  <xsl:function name="pv:about" as="element(section)">
    <xsl:variable name="others" select="($pv:works ! il:alignments-of(@xml:id)) except $pv:listed"/>
    <section class="parallel-about" aria-labelledby="parallel-about">
      <h2 id="parallel-about">About this alignment</h2>
      <xsl:for-each select="$pv:alignment/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:p[normalize-space()]">
        <p><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <ul class="parallel-downloads">
        <li><a href="{$pv:alignment-tei}" type="application/tei+xml">The alignment in TEI</a> (<xsl:value-of select="count($pv:links/tei:link)"/> links)</li>
        <xsl:for-each select="$pv:works">
          <li>
            <xsl:sequence select="pv:title-in-language(pv:work-title(.), il:lang(.))"/>
            <xsl:text>: </xsl:text>
            <a href="{il:text-url(pv:text-id(.), ())}">its text</a>
            <xsl:text>, </xsl:text>
            <a href="{il:download-url(pv:text-id(.), 'tei')}" type="application/tei+xml">TEI</a>
          </li>
        </xsl:for-each>
      </ul>
      <xsl:if test="exists($others)">
        <h3>Other alignments of these works</h3>
        <ul class="parallel-others">
          <xsl:for-each select="$others">
            <li><a href="{il:site-url(@href)}"><xsl:sequence select="pv:listed-title(.)"/></a></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:function>

  <!-- Another alignment of the edition, by its two works' titles, each in its language (the
       edition's works; else the texts' summaries). -->
  <xsl:function name="pv:listed-title" as="item()*">
    <xsl:param name="alignment" as="element(site:alignment)"/>
    <xsl:for-each select="$alignment/@a, $alignment/@b">
      <xsl:variable name="work" select="string(.)"/>
      <xsl:variable name="known" select="($edition/site:edition/site:work[@ref = $work], $edition//site:summary/site:work[@id = $work])[@title][1]"/>
      <xsl:if test="position() = 2"><xsl:text> and </xsl:text></xsl:if>
      <xsl:sequence select="if ($known) then pv:title-in-language($known/@title, string($known/@lang)) else $work"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
