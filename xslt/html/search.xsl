<?xml version="1.0" encoding="UTF-8"?>
<!--
  The search page of the web edition (site/search.html), made from the edition document: a search
  form, the filters and the results, which assets/search.js fills from the Pagefind index that
  src/interlinea/publish/search.py makes in site/pagefind/ once the pages are written.

  The page is complete as HTML: without JavaScript it says so and points to the registers and the
  list of texts; opened from disk (file://), where browsers refuse the index's files to a page, the
  script shows the message that is already here (hidden) with the way to serve the folder. The form
  is an ordinary GET form (search.html?q=…), so a search is a link that can be shared.

  What the script needs from the edition it reads from data- attributes of the form: where the index
  is, where the top of the site is, and the language of each work and text (so that a passage found
  in Bulgarian is marked lang="bg" on this English page).

  Imported by site.xsl (which imports page.xsl and links.xsl); one template rule, in mode
  il:site-page.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:template match="il:search" mode="il:site-page">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="head" as="element()*">
      <meta name="description" content="Full-text search of every text of the edition, in every language, with filters by language, text and entity."/>
      <script src="{il:site-url('assets/search.js')}" defer=""/>
    </xsl:variable>
    <xsl:variable name="content" as="element()*">
      <h1>Search</h1>
      <p class="search-intro">Find words in every text of the edition, in every language, and in the
        register entries. Narrow the results by language, text or the people, places and
        organisations named.</p>
      <xsl:sequence select="il:search-notices()"/>
      <xsl:sequence select="il:search-form($edition-root)"/>
      <p class="search-status" id="search-status" role="status" aria-live="polite"/>
      <section class="search-results" id="search-results" aria-labelledby="search-results-heading" hidden="">
        <h2 id="search-results-heading">Results</h2>
        <ol class="search-result-list" id="search-result-list"/>
        <button type="button" class="search-more" id="search-more" hidden="">More results</button>
      </section>
    </xsl:variable>
    <xsl:sequence select="il:page('Search', $head, $content)"/>
  </xsl:template>

  <!-- The messages for a reader whose browser cannot search: JavaScript off (noscript), or the
       page opened from disk (shown by the script, which can tell). Both offer the ways in that need
       no script: the registers and the list of texts. -->
  <xsl:function name="il:search-notices" as="element()*">
    <noscript>
      <p class="search-notice">The search runs in the browser and needs JavaScript. Without it,
        find a name in the <a href="{il:site-url('registers.html')}">registers</a> (every mention
        of it in every text) and a text in the <a href="{il:site-url('index.html')}">list of
        texts</a>.</p>
    </noscript>
    <div class="search-notice" id="search-offline" hidden="">
      <p>The search cannot run on a page opened from a file: browsers do not let such a page read
        the search index. Serve the edition's folder with any web server, for example from the
        folder that holds this page:</p>
      <pre><code>python3 -m http.server 8000</code></pre>
      <p>and open <code>http://localhost:8000/search.html</code>. Without a server, find a name in
        the <a href="{il:site-url('registers.html')}">registers</a> (every mention of it in every
        text) and a text in the <a href="{il:site-url('index.html')}">list of texts</a>.</p>
    </div>
    <div class="search-notice" id="search-unavailable" hidden="">
      <p>The search index could not be loaded. Find a name in the <a href="{il:site-url('registers.html')}">registers</a>
        and a text in the <a href="{il:site-url('index.html')}">list of texts</a>.</p>
    </div>
  </xsl:function>

  <!-- The form: the words, the button, and the place of the filters (the script adds a group of
       check boxes for each filter the index holds: language, text, entity, register). -->
  <xsl:function name="il:search-form" as="element(form)">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <form class="search-form" id="search-form" role="search" method="get" action="{il:site-url('search.html')}"
        data-bundle="{il:site-url('pagefind/')}" data-site-root="{il:site-url('')}"
        data-languages="{serialize(il:search-languages($edition-root), map {'method': 'json', 'escape-solidus': false()})}">
      <div class="search-box">
        <label for="search-query">Words to find</label>
        <input type="search" id="search-query" name="q" autocomplete="off" spellcheck="false"
            aria-describedby="search-hint"/>
        <button type="submit">Search</button>
      </div>
      <p class="search-hint" id="search-hint">Results list the pages with every word; each passage
        found links to its block.</p>
      <div class="search-filters" id="search-filters" hidden="">
        <h2>Narrow the results</h2>
      </div>
    </form>
  </xsl:function>

  <!-- The language of each work, of each text's page and of each title of a text, for what the
       search shows: the script marks a passage with the language of the work whose block it is in
       (block ids begin with the work's id), else with its page's main language, and a text's title
       (a result's heading, a value of the filter "text") with its own. A JSON array of triples
       (kind, key, language), in the order of the edition document (a stable order, so that two
       builds give the same bytes). -->
  <xsl:function name="il:search-languages" as="array(*)">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <xsl:sequence select="array {
        for $work in $edition-root/site:text/site:summary/site:work[@id and @lang]
        return array { 'work', string($work/@id), string($work/@lang) },
        for $text in $edition-root/site:text[@href and site:summary/@lang]
        return array { 'page', string($text/@href), string($text/site:summary/@lang) },
        for $title in $edition-root/site:text/site:summary/site:title[@lang][normalize-space()]
        return array { 'title', normalize-space($title), string($title/@lang) }
      }"/>
  </xsl:function>

</xsl:stylesheet>
