<?xml version="1.0" encoding="UTF-8"?>
<!--
  The about page (site/about.html): the edition (publisher, date, licence, editors, description),
  its method as the texts' headers describe it (encodingDesc: the project, sampling, the editorial
  principles part by part, how passages are cited; from the text summaries, each paragraph once,
  with the texts it applies to when not all of them), the schemas and the validation of this run,
  the software and its version, and the files to download. The date is the edition's, never the
  time of the build.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The parts of an encoding description, in the order the page gives them, with their
       headings; a part not listed follows under its element's name. -->
  <xsl:variable name="il:method-parts" as="array(xs:string)*" select="(
      ['project', 'The project'], ['sampling', 'Selection of the texts'], ['editorial', 'Editorial principles'],
      ['correction', 'Correction'], ['normalization', 'Normalisation'], ['quotation', 'Quotation'],
      ['hyphenation', 'Hyphenation'], ['segmentation', 'Segmentation'], ['stdVals', 'Standard values'],
      ['interpretation', 'Interpretation'], ['punctuation', 'Punctuation'], ['reference', 'Citing passages'])"/>

  <xsl:template match="il:about" mode="il:site-page">
    <xsl:param name="edition-root" as="element(site:edition)" tunnel="yes"/>
    <xsl:variable name="content" as="element()*">
      <h1>About this edition</h1>
      <xsl:sequence select="il:about-edition($edition-root)"/>
      <xsl:sequence select="il:about-method($edition-root)"/>
      <xsl:sequence select="il:about-validation($edition-root)"/>
      <xsl:sequence select="il:about-downloads($edition-root)"/>
    </xsl:variable>
    <xsl:sequence select="il:page('About', (), $content)"/>
  </xsl:template>

  <!-- ============================================================ the edition -->

  <xsl:function name="il:about-edition" as="element()">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <section class="site-section" aria-labelledby="about-edition">
      <h2 id="about-edition">The edition</h2>
      <xsl:for-each select="$edition-root/site:description[normalize-space()]">
        <p><xsl:value-of select="."/></p>
      </xsl:for-each>
      <dl class="about-facts">
        <dt>Title</dt>
        <dd><xsl:value-of select="string-join(($edition-root/@title, $edition-root/@subtitle)[normalize-space()], ': ')"/></dd>
        <xsl:if test="$edition-root/site:editor">
          <dt>Editors</dt>
          <dd><xsl:sequence select="il:linked-names($edition-root/site:editor)"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space($edition-root/@publisher)">
          <dt>Publisher</dt>
          <dd><xsl:value-of select="string-join(($edition-root/@publisher, $edition-root/@place)[normalize-space()], ', ')"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space($edition-root/@date)">
          <dt>Date of the edition</dt>
          <dd><xsl:sequence select="il:time($edition-root/@date, il:date-label($edition-root/@date))"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space($edition-root/@licence)">
          <dt>Licence</dt>
          <dd><xsl:sequence select="il:link-or-text($edition-root/@licence-url, $edition-root/@licence)"/></dd>
        </xsl:if>
        <xsl:if test="normalize-space($edition-root/@url)">
          <dt>Published at</dt>
          <dd><xsl:sequence select="il:link-or-text($edition-root/@url, $edition-root/@url)"/></dd>
        </xsl:if>
        <dt>Texts</dt>
        <dd><xsl:value-of select="count($edition-root/site:text) || (if ($edition-root/site:alignment) then ', with ' || il:count-label(count($edition-root/site:alignment), 'parallel view') else '')"/></dd>
      </dl>
    </section>
  </xsl:function>

  <!-- A link when the URL is safe, else the label as text. -->
  <xsl:function name="il:link-or-text" as="item()">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="il:safe-url($url)"><a href="{il:href($url)}"><xsl:value-of select="$label"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$label"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ============================================================ the method -->

  <!-- The encoding descriptions of the texts, part by part: each paragraph once; one that not
       every text has says which texts it is about. -->
  <xsl:function name="il:about-method" as="element()?">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <xsl:variable name="sections" select="$edition-root/site:text/site:summary/site:encoding/site:section"/>
    <xsl:variable name="text-count" select="count($edition-root/site:text)"/>
    <xsl:variable name="known" select="$il:method-parts ! ?1"/>
    <xsl:if test="exists($sections)">
      <section class="site-section" aria-labelledby="about-method">
        <h2 id="about-method">Method</h2>
        <p>As the encoding descriptions of the texts' TEI headers give it.</p>
        <xsl:for-each-group select="$sections" group-by="@kind">
          <xsl:sort select="(index-of($known, current-grouping-key()), count($known) + 1)[1]"/>
          <xsl:sort select="current-grouping-key()"/>
          <xsl:variable name="kind" select="current-grouping-key()"/>
          <h3 id="method-{$kind}"><xsl:value-of select="($il:method-parts[?1 = $kind] ! ?2, il:capitalised($kind))[1]"/></h3>
          <xsl:for-each-group select="current-group()/site:p" group-by="string(.)">
            <xsl:variable name="texts" select="current-group()/ancestor::site:text"/>
            <p>
              <xsl:sequence select="il:lang-attributes(@lang)"/>
              <xsl:if test="count($texts) lt $text-count">
                <span class="method-scope" lang="en">
                  <xsl:text>(</xsl:text>
                  <xsl:for-each select="$texts">
                    <xsl:if test="position() gt 1">, </xsl:if>
                    <a href="{il:text-url(@id, ())}"><xsl:value-of select="@id"/></a>
                  </xsl:for-each>
                  <xsl:text>) </xsl:text>
                </span>
              </xsl:if>
              <xsl:value-of select="current-grouping-key()"/>
            </p>
          </xsl:for-each-group>
        </xsl:for-each-group>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ schema and validation -->

  <xsl:function name="il:about-validation" as="element()">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <xsl:variable name="project" select="$edition-root/site:schema[@base]"/>
    <xsl:variable name="tei-all" select="$edition-root/site:schema[@tei-version]"/>
    <section class="site-section" aria-labelledby="about-validation">
      <h2 id="about-validation">Schema, validation and software</h2>
      <xsl:if test="$project">
        <p>
          <xsl:text>Interlinea validates the TEI it makes against its project schema, </xsl:text>
          <code><xsl:value-of select="$project/@file"/></code>
          <xsl:if test="normalize-space($project/@title)">
            <xsl:text> (“</xsl:text><xsl:value-of select="replace($project/@title, '\.$', '')"/><xsl:text>”)</xsl:text>
          </xsl:if>
          <xsl:text>, which includes </xsl:text>
          <code><xsl:value-of select="$project/@base"/></code>
          <xsl:text>; TEI from elsewhere is validated against </xsl:text>
          <code><xsl:value-of select="($tei-all/@file, $project/@base)[1]"/></code>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="normalize-space($tei-all/@tei-version)">
        <p><code><xsl:value-of select="$tei-all/@file"/></code> is the schema of all of TEI P5, version <xsl:value-of select="$tei-all/@tei-version"/>.</p>
      </xsl:if>
      <p>
        <xsl:choose>
          <xsl:when test="normalize-space($edition-root/@validation)">
            <xsl:text>Validation of the TEI in the run that published this site (schema and the edition's rules of integrity): </xsl:text>
            <strong><xsl:value-of select="$edition-root/@validation"/></strong>
            <xsl:text>.</xsl:text>
          </xsl:when>
          <xsl:otherwise>The run that published this site did not validate the TEI.</xsl:otherwise>
        </xsl:choose>
      </p>
      <p>
        <xsl:text>Published from TEI P5 with </xsl:text>
        <xsl:value-of select="($generator[normalize-space()], 'Interlinea')[1]"/>
        <xsl:if test="normalize-space($edition-root/@version) and not(contains($generator, $edition-root/@version))">
          <xsl:value-of select="' ' || $edition-root/@version"/>
        </xsl:if>
        <xsl:text>, by XSLT 3.0 stylesheets; the site is static files only and loads nothing from elsewhere.</xsl:text>
        <xsl:if test="normalize-space($edition-root/@date)">
          <xsl:value-of select="' Its date is the edition’s (' || il:date-label($edition-root/@date) || '), not the time it was built.'"/>
        </xsl:if>
      </p>
    </section>
  </xsl:function>

  <!-- ============================================================ downloads -->

  <xsl:function name="il:about-downloads" as="element()">
    <xsl:param name="edition-root" as="element(site:edition)"/>
    <section class="site-section" aria-labelledby="about-downloads">
      <h2 id="about-downloads">Downloads</h2>
      <xsl:if test="$edition-root/site:text">
        <h3 id="downloads-texts">Texts</h3>
        <ul class="downloads">
          <xsl:for-each select="$edition-root/site:text">
            <li>
              <xsl:sequence select="il:text-title(.)"/>
              <xsl:text>: </xsl:text>
              <a href="{il:site-url(@tei)}">TEI</a>
              <xsl:text>, </xsl:text>
              <a href="{il:site-url(@plain)}">plain text</a>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="il:registers()">
        <h3 id="downloads-registers">Registers</h3>
        <ul class="downloads">
          <xsl:for-each select="il:registers()">
            <li><a href="{il:site-url('tei/registers/' || @site:file || '.xml')}"><xsl:value-of select="il:register-label(.)"/></a> (TEI)</li>
          </xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="$edition-root/site:alignment">
        <h3 id="downloads-alignments">Alignments</h3>
        <ul class="downloads">
          <xsl:for-each select="$edition-root/site:alignment">
            <li>
              <a href="{il:site-url(@tei)}"><xsl:value-of select="@a || ' and ' || @b"/></a>
              <xsl:text> (TEI; </xsl:text>
              <a href="{il:site-url(@href)}">parallel view</a>
              <xsl:text>)</xsl:text>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
  </xsl:function>

</xsl:stylesheet>
