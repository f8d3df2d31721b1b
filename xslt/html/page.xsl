<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page of the web edition: what every page has around its content. il:page makes the whole
  document: the head (character set, viewport, the Content-Security-Policy, the title, the style
  sheet, the script, and what the page adds: citation metadata, a description), a skip link, the
  banner with the edition's title and the site's navigation, the page's main content (with its one
  h1, which the page gives), and the footer (edition, licence, the program that made it and the
  edition's date: never the time of the build, so that two builds give the same bytes).

  Every URL is relative to $root (params.xsl), so that the site works opened from disk and from any
  static server; nothing is loaded from another host (the policy forbids it too). Scripts only add
  to a page that is complete without them.

  HTML form only; decides no meaning of the TEI. Implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- What a page may load: its own site's files only. No inline script or style (style
       attributes included), no plugin, no other host; 'wasm-unsafe-eval' lets the search
       (Pagefind, WebAssembly from the site's own pagefind/ folder) run; nothing may frame it. -->
  <xsl:variable name="il:content-security-policy" as="xs:string" select="string-join((
      &quot;default-src 'self'&quot;, &quot;script-src 'self' 'wasm-unsafe-eval'&quot;, &quot;style-src 'self'&quot;,
      &quot;img-src 'self' data:&quot;, &quot;font-src 'self'&quot;, &quot;connect-src 'self'&quot;,
      &quot;object-src 'none'&quot;, &quot;base-uri 'none'&quot;, &quot;form-action 'self'&quot;), '; ')"/>

  <!-- The site's sections, in the order of the navigation: file, label. -->
  <xsl:variable name="il:site-sections" as="array(xs:string)*" select="(
      ['index.html', 'Texts'], ['registers.html', 'Registers'], ['map.html', 'Map'],
      ['timeline.html', 'Timeline'], ['bibliography.html', 'Bibliography'],
      ['search.html', 'Search'], ['about.html', 'About'])"/>

  <!-- The edition's title for the banner: the edition document's, else the document's own. -->
  <xsl:function name="il:edition-title" as="xs:string">
    <xsl:sequence select="($edition/site:edition/@title[normalize-space()], 'TEI edition')[1]"/>
  </xsl:function>

  <!-- A whole page. $title: the <title> (the edition's title is added after it); $lang: the
       language of the page's own words (the site's, "en"); $head: further elements of the head;
       $content: what <main> holds, its h1 first. -->
  <xsl:function name="il:page" as="element(html)">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="head" as="item()*"/>
    <xsl:param name="content" as="item()*"/>
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta http-equiv="Content-Security-Policy" content="{$il:content-security-policy}"/>
        <meta name="referrer" content="no-referrer"/>
        <title><xsl:value-of select="string-join(distinct-values(($title, il:edition-title())), ' · ')"/></title>
        <meta name="generator" content="{$generator}"/>
        <link rel="stylesheet" href="{$root}assets/interlinea.css"/>
        <link rel="icon" href="{$root}assets/icon.svg" type="image/svg+xml"/>
        <xsl:sequence select="$head"/>
        <script src="{$root}assets/interlinea.js" defer=""/>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-banner">
          <p class="site-title"><a href="{$root}index.html"><xsl:value-of select="il:edition-title()"/></a></p>
          <nav class="site-nav" aria-label="Edition">
            <ul>
              <xsl:for-each select="$il:site-sections">
                <li>
                  <a href="{$root}{?1}">
                    <xsl:if test="?1 = $page">
                      <xsl:attribute name="aria-current" select="'page'"/>
                    </xsl:if>
                    <xsl:value-of select="?2"/>
                  </a>
                </li>
              </xsl:for-each>
            </ul>
          </nav>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="site-footer">
          <xsl:sequence select="il:colophon()"/>
        </footer>
      </body>
    </html>
  </xsl:function>

  <!-- The footer's lines: the edition, its publisher and date, its licence, the program. -->
  <xsl:function name="il:colophon" as="element()*">
    <xsl:variable name="meta" select="$edition/site:edition"/>
    <p>
      <xsl:value-of select="string-join((il:edition-title(), $meta/@publisher[normalize-space()], $meta/@date[normalize-space()]), ', ')"/>
      <xsl:if test="$meta/@licence[normalize-space()]">
        <xsl:text>. Licence: </xsl:text>
        <xsl:choose>
          <xsl:when test="il:safe-url($meta/@licence-url)">
            <a href="{il:href($meta/@licence-url)}" rel="license"><xsl:value-of select="$meta/@licence"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$meta/@licence"/></xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:text>.</xsl:text>
    </p>
    <p>Published from TEI P5 with <xsl:value-of select="$generator"/>. <a href="{$root}about.html">About this edition</a>.</p>
  </xsl:function>

  <!-- Whether a URL from the data may become a live link: http:, https:, mailto:, or a relative
       reference (no scheme before the first "/", "?" or "#"). Anything else (javascript:, data:,
       vbscript:…), and a URL with control characters inside, which browsers strip (java&#9;script:),
       stays text. A link is made with il:href, the URL as checked here. -->
  <xsl:function name="il:safe-url" as="xs:boolean">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="trimmed" select="il:href($url)"/>
    <xsl:sequence select="$trimmed != '' and not(matches($trimmed, '[\p{Cc}\s]'))
        and (matches($trimmed, '^(https?|mailto):', 'i') or not(matches($trimmed, '^[^/?#]*:')))"/>
  </xsl:function>

  <!-- A URL as a link's href: without the white space and control characters at its ends. -->
  <xsl:function name="il:href" as="xs:string">
    <xsl:param name="url" as="xs:string?"/>
    <!-- two anchored patterns: Saxon runs them far faster than one alternation of both -->
    <xsl:sequence select="replace(replace(string($url), '^[\p{Cc}\s]+', ''), '[\p{Cc}\s]+$', '')"/>
  </xsl:function>

</xsl:stylesheet>
