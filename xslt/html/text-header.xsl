<?xml version="1.0" encoding="UTF-8"?>
<!--
  The header panel of a text's page ("About this text"): what the TEI header says of the text, as a
  description list. Its other titles (each in its language), authors and translators (linked to
  their register entries when the edition has them), the source it was published in (with a link
  to it: the original's ref), its date, its languages with their shares (langUsage @usage), its
  licence, the seed it was transcribed from with its SHA-256 digest, its publisher and identifier.
  A field the header has nothing for is left out: TEI from other projects has no seed, and its
  source is what its sourceDesc says.

  HTML form only: the values come from the common layer (xslt/common/functions.xsl) and the header;
  implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:function name="il:text-header" as="element(section)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="header" select="$root/tei:teiHeader"/>
    <xsl:variable name="file" select="$header/tei:fileDesc"/>
    <section class="text-header" aria-labelledby="il-about">
      <h2 id="il-about">About this text</h2>
      <dl class="header-facts">
        <xsl:sequence select="il:fact('Also titled', il:titles($root)[position() gt 1] ! il:in-language(., il:plain-text(.)))"/>
        <xsl:sequence select="il:fact('Authors', il:people($file/tei:titleStmt/tei:author))"/>
        <xsl:sequence select="il:fact('Translators', il:people($file/tei:titleStmt/tei:respStmt[tei:resp = 'translation']/tei:name))"/>
        <xsl:sequence select="il:fact('Source', if (il:from-seed($root)) then il:originals($root, ()) ! il:source(.)
            else $file/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:p | tei:biblFull | tei:msDesc | tei:recordingStmt) ! il:plain-text(.)[.])"/>
        <xsl:sequence select="il:fact('Date', il:text-date($root))"/>
        <xsl:sequence select="il:fact('Languages', $header/tei:profileDesc/tei:langUsage/tei:language ! il:language-share(.))"/>
        <xsl:sequence select="il:fact('Licence', il:licences($file/tei:publicationStmt/tei:availability))"/>
        <xsl:sequence select="il:fact('Transcribed from', $file/tei:sourceDesc/tei:bibl[@type = 'seed'] ! il:seed(.))"/>
        <xsl:sequence select="il:fact('Published by', string-join(($file/tei:publicationStmt/tei:publisher ! il:plain-text(.),
            $file/tei:publicationStmt/tei:date ! il:plain-text(.))[.], ', '))"/>
        <xsl:sequence select="il:fact('Identifier', ($file/tei:publicationStmt/tei:idno[@type = 'siglum'], $root/@xml:id)[1] ! il:code(string(.)))"/>
      </dl>
    </section>
  </xsl:function>

  <!-- One field of the list: its term and a dd for each value; nothing when it has no value. -->
  <xsl:function name="il:fact" as="element()*">
    <xsl:param name="term" as="xs:string"/>
    <xsl:param name="values" as="item()*"/>
    <xsl:variable name="given" select="$values[normalize-space(string(.))]"/>
    <xsl:if test="exists($given)">
      <div class="fact">
        <dt><xsl:value-of select="$term"/></dt>
        <xsl:for-each select="$given">
          <dd><xsl:sequence select="."/></dd>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:function>

  <!-- Authors, translators: each name, linked to its register entry when the edition has one. -->
  <xsl:function name="il:people" as="item()*">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each select="$names">
      <xsl:variable name="pointer" select="(@ref, */@ref)[1]"/>
      <xsl:variable name="page" select="il:entry-page($pointer)"/>
      <xsl:variable name="name" select="normalize-space((tei:persName, tei:orgName, tei:name, .)[1])"/>
      <xsl:sequence select="if ($page) then il:link($page, false(), il:attribute('class', 'agent'), $name, $name) else $name"/>
    </xsl:for-each>
  </xsl:function>

  <!-- An original publication: "Organise!, 2022-01-06, in English", its address as a link (when it
       may be one) after its title. -->
  <xsl:function name="il:source" as="element(span)">
    <xsl:param name="bibl" as="element(tei:bibl)"/>
    <span class="source">
      <xsl:value-of select="string-join((
          il:and-list($bibl/tei:author ! normalize-space(.))[.],
          $bibl/tei:title ! ('“' || normalize-space(.) || '”'),
          $bibl/tei:publisher[not(. = $bibl/tei:author)] ! normalize-space(.),
          $bibl/tei:date ! normalize-space(.),
          $bibl/tei:textLang ! ('in ' || normalize-space(.))), ', ')"/>
      <xsl:for-each select="$bibl/tei:ref">
        <xsl:variable name="address" select="(@target, normalize-space(.))[normalize-space()][1]"/>
        <xsl:text> </xsl:text>
        <xsl:choose>
          <xsl:when test="il:is-web-address($address)">
            <a class="external shows-address" href="{il:href($address)}" rel="noopener noreferrer"><xsl:value-of select="normalize-space(.)"/></a>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </span>
  </xsl:function>

  <!-- The date of the text: when it was written (creation), else when its original was published,
       else when this encoding was. -->
  <xsl:function name="il:text-date" as="xs:string?">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="header" select="$root/tei:teiHeader"/>
    <xsl:sequence select="($header/tei:profileDesc/tei:creation/tei:date, il:originals($root, ())/tei:date,
        $header/tei:fileDesc/tei:sourceDesc//tei:date)[1] ! il:plain-text(.)"/>
  </xsl:function>

  <!-- A language of langUsage with its share: "Italian (it, 97%)". -->
  <xsl:function name="il:language-share" as="xs:string">
    <xsl:param name="language" as="element(tei:language)"/>
    <xsl:variable name="code" select="string-join(($language/@ident, $language/@usage ! (. || '%')), ', ')"/>
    <xsl:sequence select="if (normalize-space($language)) then normalize-space($language) || ' (' || $code || ')' else $code"/>
  </xsl:function>

  <!-- The licences of the text: each as a link to its text when it has a safe address. -->
  <xsl:function name="il:licences" as="item()*">
    <xsl:param name="availability" as="element()*"/>
    <xsl:for-each select="$availability/tei:licence">
      <xsl:variable name="label" select="(il:plain-text(.)[.], string(@target))[1]"/>
      <xsl:sequence select="if (il:is-web-address(@target)) then il:link(il:href(@target), false(), il:attribute('rel', 'license noopener noreferrer'), $label, $label) else $label"/>
    </xsl:for-each>
    <xsl:if test="empty($availability/tei:licence)">
      <xsl:sequence select="$availability/tei:p ! il:plain-text(.)"/>
    </xsl:if>
  </xsl:function>

  <!-- The seed: its file name and its SHA-256 digest, which proves which transcription it was. -->
  <xsl:function name="il:seed" as="element(span)">
    <xsl:param name="seed" as="element(tei:bibl)"/>
    <span class="seed">
      <xsl:sequence select="il:code(string($seed/tei:idno[@type = 'filename']))"/>
      <xsl:for-each select="$seed/tei:idno[@type = 'sha256']">
        <xsl:text> (SHA-256 </xsl:text>
        <code class="digest"><xsl:value-of select="."/></code>
        <xsl:text>)</xsl:text>
      </xsl:for-each>
    </span>
  </xsl:function>

  <xsl:function name="il:code" as="element(code)">
    <xsl:param name="text" as="xs:string"/>
    <code><xsl:value-of select="$text"/></code>
  </xsl:function>

  <!-- A text in the language of a TEI element, in a span that says which (HTML's page is English). -->
  <xsl:function name="il:in-language" as="element(span)">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="text" as="xs:string"/>
    <span>
      <xsl:sequence select="il:language-of-container(il:lang($element))"/>
      <xsl:value-of select="$text"/>
    </span>
  </xsl:function>

</xsl:stylesheet>
