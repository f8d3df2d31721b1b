<?xml version="1.0" encoding="UTF-8"?>
<!--
  "Cite this text", the downloads and the parallel views of a text's page.

  The cite box gives the text's citation (il:citation of the common layer for a text of the
  edition; for TEI from elsewhere, its authors, title, publisher and date) in an element a copy
  button copies, and says how to cite one block without a script: every block's number is a link to
  its permanent address, and a block is cited by the citation and the block's reference. With the
  script (assets/interlinea.js), clicking or focusing a block's number fills the box's second part
  with the block's citation and permanent address. Then the citation's files (BibTeX, RIS, CSL-JSON:
  site/cite/) and the text's (its TEI and its plain-text edition), for a text of the edition.

  The parallel views: for each work of the text, each alignment the edition has of it
  (il:alignments-of), a link to its page, named by the other work's title and language (the
  edition document's site:work).

  HTML form only; implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- ============================================================ the cite box -->

  <xsl:function name="il:cite-box" as="element(section)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="citation" select="il:text-citation($root)"/>
    <xsl:variable name="example" select="($root//*[@xml:id][@n][not(ancestor::tei:teiHeader)][il:is-citable(.)])[1]"/>
    <section class="cite-box" id="il-cite" aria-labelledby="il-cite-heading">
      <h2 id="il-cite-heading">Cite this text</h2>
      <p class="citation" id="il-citation"><xsl:value-of select="$citation"/></p>
      <p class="copy"><button type="button" class="copy-button" data-copy="il-citation" hidden="">Copy the citation</button></p>
      <xsl:if test="$example">
        <h3>Cite a passage</h3>
        <p class="cite-help">
          <xsl:text>Every block of the text has a number, which is a link to the block’s permanent address. </xsl:text>
          <xsl:text>To cite a block, give the citation and the block’s reference, as </xsl:text>
          <q class="reference"><xsl:value-of select="il:block-reference($example)"/></q>
          <xsl:text> for block </xsl:text>
          <xsl:value-of select="il:citation-number($example)"/>
          <xsl:text>.</xsl:text>
        </p>
        <div class="block-citation" id="il-block-citation" hidden="" data-stem="{il:citation-stem($root, $citation)}">
          <xsl:sequence select="il:page-address() ! il:attribute('data-base', .)"/>
          <p class="citation" id="il-block-citation-text"/>
          <p class="permalink">Permanent address: <a id="il-block-permalink"/></p>
          <p class="copy"><button type="button" class="copy-button" data-copy="il-block-citation-text">Copy the citation of the block</button></p>
        </div>
      </xsl:if>
      <xsl:if test="exists($edition) and $root/@xml:id">
        <h3>Citation files</h3>
        <ul class="downloads">
          <xsl:sequence select="il:download($root, 'bib', 'BibTeX'), il:download($root, 'ris', 'RIS'), il:download($root, 'json', 'CSL-JSON')"/>
        </ul>
      </xsl:if>
    </section>
  </xsl:function>

  <!-- The text's citation: the edition's canonical one for a text Interlinea made; else what the
       header of TEI from elsewhere gives (authors, title, publisher, date). -->
  <xsl:function name="il:text-citation" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="publication" select="$root/tei:teiHeader/tei:fileDesc/tei:publicationStmt"/>
    <xsl:sequence select="if (il:from-seed($root)) then il:citation($root, ())
        else string-join((
          il:authors($root)[.] => il:and-list() => il:sentence(),
          '“' || il:sentence(il:page-title($root)) || '”',
          string-join(($publication/tei:publisher ! il:plain-text(.), $publication/tei:date ! il:plain-text(.))[.], ', ') ! il:sentence(.)
        )[normalize-space() and . != '.'], ' ')"/>
  </xsl:function>

  <!-- The citation without the text's own reference at its end ("… 2026. organise-en."), to which
       the script adds a block's ("… 2026. organise-en 1.12."). -->
  <xsl:function name="il:citation-stem" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="citation" as="xs:string"/>
    <xsl:variable name="siglum" select="string(($root/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'siglum'], $root/@xml:id)[1])"/>
    <xsl:variable name="end" select="' ' || $siglum || '.'"/>
    <xsl:sequence select="if ($siglum and contains($citation, $end))
        then string-join(tokenize($citation, $end, 'q')[position() lt last()], $end) else $citation"/>
  </xsl:function>

  <!-- ============================================================ downloads -->

  <xsl:function name="il:downloads" as="element(section)?">
    <xsl:param name="root" as="element()"/>
    <xsl:if test="exists($edition) and $root/@xml:id">
      <section class="downloads" aria-labelledby="il-downloads-heading">
        <h2 id="il-downloads-heading">Downloads</h2>
        <ul class="downloads">
          <xsl:sequence select="il:download($root, 'tei', 'TEI XML'), il:download($root, 'text', 'Plain text')"/>
        </ul>
      </section>
    </xsl:if>
  </xsl:function>

  <xsl:function name="il:download" as="element(li)">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:variable name="url" select="il:download-url($root/@xml:id, $kind)"/>
    <li><a href="{$url}" download="" type="{il:media-type($kind)}"><xsl:value-of select="$label"/></a>
      <xsl:text> </xsl:text><span class="file-name"><xsl:value-of select="tokenize($url, '/')[last()]"/></span></li>
  </xsl:function>

  <xsl:function name="il:media-type" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="map { 'tei': 'application/tei+xml', 'text': 'text/plain', 'bib': 'application/x-bibtex',
        'ris': 'application/x-research-info-systems', 'json': 'application/vnd.citationstyles.csl+json' }($kind)"/>
  </xsl:function>

  <!-- ============================================================ parallel views -->

  <xsl:function name="il:parallel-views" as="element(section)?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="works" select="$root/tei:text/tei:body/tei:div[@type = 'work'][@xml:id]"/>
    <xsl:variable name="links" as="element(li)*">
      <xsl:for-each select="$works">
        <xsl:variable name="work" select="."/>
        <xsl:for-each select="il:alignments-of(@xml:id)">
          <xsl:variable name="other" select="if (@a = $work/@xml:id) then string(@b) else string(@a)"/>
          <li>
            <a href="{il:site-url(@href)}">
              <xsl:if test="count($works) gt 1">
                <span class="work"><xsl:sequence select="il:language-of-container(il:lang($work))"/><xsl:value-of select="il:work-title($work)"/></span>
                <xsl:text> with </xsl:text>
              </xsl:if>
              <xsl:sequence select="il:work-label($root, $other)"/>
            </a>
          </li>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($links)">
      <section class="parallel-views" aria-labelledby="il-parallel-heading">
        <h2 id="il-parallel-heading">Parallel views</h2>
        <ul><xsl:sequence select="$links"/></ul>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- The other work of an alignment: its title (in its language) and its language's name, from
       the edition's works; a work of this text by its own title. -->
  <xsl:function name="il:work-label" as="item()+">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="work-id" as="xs:string"/>
    <xsl:variable name="work" select="$edition/site:edition/site:work[@ref = $work-id][1]"/>
    <xsl:variable name="here" select="key('il:id', $work-id, root($root))[self::tei:div]"/>
    <xsl:variable name="lang" select="string(($work/@lang, $here ! il:lang(.))[normalize-space()][1])"/>
    <xsl:variable name="title" select="($work/@title[normalize-space()], $here ! il:work-title(.), $work-id)[1]"/>
    <span class="work"><xsl:sequence select="il:language-of-container(($lang[.], 'und')[1])"/><xsl:value-of select="$title"/></span>
    <xsl:if test="$lang">
      <xsl:text> (</xsl:text><xsl:value-of select="il:language-label($root, $lang)"/><xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:function>

</xsl:stylesheet>
