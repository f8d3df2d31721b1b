<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the pages made from the edition document (site.xsl) share: the registers and their entries
  (which names an entry has, which one labels it), the mentions and citations the text summaries
  collected (looked up by entry), languages (their names, the direction of their script, the lang
  attributes of a passage, from text-lang.xsl), dates and coordinates as a reader reads them, and the table of the
  keyword-in-context lines that entry pages and the bibliography share.

  The site's own words are English (html lang="en"); everything from the data keeps its language.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- A page no module makes stops the transformation (this rule has the lowest precedence of
       the site's modules, so that every page's own rule wins). -->
  <xsl:template match="*" mode="il:site-page">
    <xsl:message terminate="yes">site.xsl has no page "<xsl:value-of select="local-name()"/>"</xsl:message>
  </xsl:template>

  <!-- ============================================================ registers -->

  <!-- The mentions of register entries in the texts, and the pointers to the bibliography, by
       the entry they point to: "persons#putin", "bibliography#pramen-colonialism". -->
  <xsl:key name="il:mentions" match="site:mention" use="il:entry-key(@ref)"/>
  <xsl:key name="il:citations" match="site:citation" use="il:entry-key(@ref)"/>
  <xsl:key name="il:authorships" match="site:author | site:translator" use="il:entry-key(@ref)"/>

  <!-- "registers/persons.xml#putin" → "persons#putin" (empty for any other pointer). -->
  <xsl:function name="il:entry-key" as="xs:string">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="string-join(il:register-pointer($pointer), '#')"/>
  </xsl:function>

  <!-- The registers of the edition (TEI documents), by their file name: persons, places… -->
  <xsl:function name="il:registers" as="element(tei:TEI)*">
    <xsl:sequence select="$edition/site:edition/site:registers/tei:TEI"/>
  </xsl:function>

  <!-- The entries of a register that have a page of their own (src/interlinea/publish/html.py,
       ENTRY_ELEMENTS): persons, places, organisations with an xml:id. -->
  <xsl:function name="il:entries" as="element()*">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:sequence select="$register//(tei:person | tei:place | tei:org)[@xml:id]"/>
  </xsl:function>

  <!-- The registers whose entries have pages (not the bibliography). -->
  <xsl:function name="il:entity-registers" as="element(tei:TEI)*">
    <xsl:sequence select="il:registers()[exists(il:entries(.))]"/>
  </xsl:function>

  <!-- A register's name: its heading ("Persons"), else its file name. -->
  <xsl:function name="il:register-label" as="xs:string">
    <xsl:param name="register" as="element(tei:TEI)"/>
    <xsl:sequence select="(normalize-space(($register/tei:text/tei:body/tei:div/tei:head)[1]), il:capitalised($register/@site:file))[.][1]"/>
  </xsl:function>

  <xsl:function name="il:capitalised" as="xs:string">
    <xsl:param name="word" as="xs:string?"/>
    <xsl:sequence select="upper-case(substring($word, 1, 1)) || substring($word, 2)"/>
  </xsl:function>

  <!-- The names of an entry (persName, placeName, orgName, name), the main ones first. -->
  <xsl:function name="il:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name)[normalize-space()]"/>
    <xsl:sequence select="$names[not(@type = 'variant')], $names[@type = 'variant']"/>
  </xsl:function>

  <!-- The name that labels an entry on the site (its chrome is English): its main English name,
       else its first main name, else its first name. -->
  <xsl:function name="il:entry-name" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="il:entry-names($entry)"/>
    <xsl:sequence select="($names[not(@type = 'variant')][il:lang(.) = 'en'], $names)[1]"/>
  </xsl:function>

  <!-- An entry's label as text: its name, else its xml:id. -->
  <xsl:function name="il:entry-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(il:entry-name($entry) ! normalize-space(), string($entry/@xml:id))[.][1]"/>
  </xsl:function>

  <!-- An entry's label as a span with its language (when the label is not English). -->
  <xsl:function name="il:entry-label-element" as="item()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" select="il:entry-name($entry)"/>
    <xsl:choose>
      <xsl:when test="$name and il:lang($name) != 'en'">
        <span><xsl:sequence select="il:lang-attributes(il:lang($name))"/><xsl:value-of select="normalize-space($name)"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="il:entry-label($entry)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The pointer that names an entry from a text: "registers/places.xml#almaty". -->
  <xsl:function name="il:entry-pointer" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/ancestor::tei:TEI[1]/@site:file || '.xml#' || $entry/@xml:id"/>
  </xsl:function>

  <!-- The mentions of an entry in every text, in the order of the texts and of each text. -->
  <xsl:function name="il:mentions-of" as="element(site:mention)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="key('il:mentions', il:entry-key(il:entry-pointer($entry)), $edition)"/>
  </xsl:function>

  <!-- An entry's coordinates, as (latitude, longitude) in decimal degrees, if it has valid ones
       ("lat long", TEI's default notation for geo; a comma between them is read too). -->
  <xsl:function name="il:entry-coordinates" as="xs:double*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="parts" select="tokenize(normalize-space(($entry/tei:location/tei:geo)[1]), '[\s,]+')"/>
    <xsl:variable name="numbers" select="$parts[. castable as xs:double] ! xs:double(.)"/>
    <xsl:sequence select="if (count($parts) = 2 and count($numbers) = 2 and abs($numbers[1]) le 90 and abs($numbers[2]) le 180)
        then $numbers else ()"/>
  </xsl:function>

  <!-- Coordinates as a reader reads them: "43.2775° N, 76.8958° E". -->
  <xsl:function name="il:coordinates-label" as="xs:string">
    <xsl:param name="coordinates" as="xs:double+"/>
    <xsl:sequence select="format-number(abs($coordinates[1]), '0.####') || '° ' || (if ($coordinates[1] lt 0) then 'S' else 'N')
        || ', ' || format-number(abs($coordinates[2]), '0.####') || '° ' || (if ($coordinates[2] lt 0) then 'W' else 'E')"/>
  </xsl:function>

  <!-- The anchor of a place in the map page's list. -->
  <xsl:function name="il:map-anchor" as="xs:string">
    <xsl:param name="place" as="element()"/>
    <xsl:sequence select="'place-' || $place/@xml:id"/>
  </xsl:function>

  <!-- Names (authors, translators, editors), each a link to its register entry where it has one,
       as a list in words ("A, B and C"). -->
  <xsl:function name="il:linked-names" as="item()*">
    <xsl:param name="names" as="element()*"/>
    <xsl:for-each select="$names">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="if (position() = last()) then ' and ' else ', '"/>
      </xsl:if>
      <xsl:variable name="entry" select="il:register-entry(@ref)"/>
      <xsl:choose>
        <xsl:when test="exists($entry) and exists(il:entry-url(@ref))">
          <a href="{il:entry-url(@ref)}"><xsl:value-of select="normalize-space(.)"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- ============================================================ texts -->

  <!-- The text (site:text) a summary's element belongs to. -->
  <xsl:function name="il:text-of" as="element(site:text)">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="$node/ancestor::site:text[1]"/>
  </xsl:function>

  <!-- A text's title, as a citation in the title's language (its main title's, else the text's). -->
  <xsl:function name="il:text-title" as="element()">
    <xsl:param name="text" as="element(site:text)"/>
    <cite><xsl:sequence select="il:lang-attributes(($text/site:summary/site:title[1]/@lang, $text/site:summary/@lang)[1])"/><xsl:value-of select="$text/site:summary/@title"/></cite>
  </xsl:function>

  <!-- ============================================================ languages -->

  <!-- The name of a language, as a text's or a register's header gives it, else its code. -->
  <xsl:key name="il:languages" match="site:language | tei:langUsage/tei:language" use="@ident"/>

  <xsl:function name="il:edition-language-name" as="xs:string">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($code) = ('', 'und')) then 'language not stated'
        else (key('il:languages', string($code), $edition)[normalize-space()][1] ! normalize-space(), string($code))[.][1]"/>
  </xsl:function>

  <!-- The lang attribute of a passage in a language (BCP 47: "eng" is written "en"), and dir where
       its script runs right to left; none for an unknown language. text-lang.xsl decides both, for
       every page. -->
  <xsl:function name="il:lang-attributes" as="attribute()*">
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($lang)) then il:language-of-container(normalize-space($lang)) else ()"/>
  </xsl:function>

  <!-- ============================================================ dates -->

  <xsl:variable name="il:months" as="xs:string*" select="('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December')"/>

  <!-- The parts of an ISO 8601 date (xs:date, gYearMonth, gYear, dateTime; a year of more than
       four digits or before the common era too): (year, month, day), 0 for a part it does not
       give; () when it is not such a date (a month and a day without a year). -->
  <xsl:function name="il:date-parts" as="xs:integer*">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="match" select="analyze-string(normalize-space($iso), '^(-?\d{4,})(-(\d{2}))?(-(\d{2}))?([T\s].*)?$')/*:match"/>
    <xsl:sequence select="if (empty($match)) then ()
        else (xs:integer($match//*:group[@nr = 1]), ($match//*:group[@nr = 3] ! xs:integer(.), 0)[1], ($match//*:group[@nr = 5] ! xs:integer(.), 0)[1])"/>
  </xsl:function>

  <!-- A date as a reader reads it: "2 January 2022", "January 2022", "2022", "44 BCE". -->
  <xsl:function name="il:date-label" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="parts" select="il:date-parts($iso)"/>
    <xsl:sequence select="if (empty($parts)) then string($iso)
        else string-join((
          if ($parts[3] gt 0) then string($parts[3]) else (),
          if ($parts[2] gt 0) then $il:months[$parts[2]] else (),
          il:year-label($parts[1])), ' ')"/>
  </xsl:function>

  <!-- A date in a <time> element: its datetime attribute where HTML accepts the value (a year of
       four digits or more, a month, a day), and the date as a reader reads it. -->
  <xsl:function name="il:time" as="element(time)">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:param name="label" as="xs:string"/>
    <time>
      <xsl:if test="matches(normalize-space($iso), '^\d{4,}(-\d{2}(-\d{2})?)?$')">
        <xsl:attribute name="datetime" select="normalize-space($iso)"/>
      </xsl:if>
      <xsl:value-of select="$label"/>
    </time>
  </xsl:function>

  <!-- A year: ISO year 0 is 1 BCE, -1 is 2 BCE. -->
  <xsl:function name="il:year-label" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="if ($year gt 0) then string($year) else (1 - $year) || ' BCE'"/>
  </xsl:function>

  <!-- ============================================================ words -->

  <!-- "1 mention", "12 mentions", "no mentions". -->
  <xsl:function name="il:count-label" as="xs:string">
    <xsl:param name="count" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="(if ($count = 0) then 'no' else string($count)) || ' ' || $noun || (if ($count = 1) then '' else 's')"/>
  </xsl:function>

  <!-- ============================================================ keyword in context -->

  <!-- A table of keyword-in-context lines (mentions of one text): the passage (a link to the block
       on the text's page), the text before, the keyword, the text after, each in the language of
       the passage. $label-id: the id of the heading that names the table. -->
  <xsl:function name="il:kwic-table" as="element(table)">
    <xsl:param name="lines" as="element()*"/>
    <xsl:param name="label-id" as="xs:string"/>
    <xsl:param name="keyword-label" as="xs:string"/>
    <table class="kwic" aria-labelledby="{$label-id}">
      <thead>
        <tr>
          <th scope="col">Passage</th>
          <th scope="col" class="kwic-left">Before</th>
          <th scope="col" class="kwic-keyword"><xsl:value-of select="$keyword-label"/></th>
          <th scope="col" class="kwic-right">After</th>
        </tr>
      </thead>
      <tbody>
        <xsl:for-each select="$lines">
          <xsl:variable name="text" select="il:text-of(.)"/>
          <tr>
            <xsl:sequence select="il:lang-attributes(@lang)"/>
            <td class="kwic-passage" lang="en" dir="ltr">
              <a href="{il:text-url($text/@id, @block)}"><xsl:value-of select="il:passage-label(.)"/></a>
              <xsl:if test="@lang != $text/site:summary/@lang">
                <xsl:text> </xsl:text>
                <span class="kwic-language"><xsl:value-of select="il:edition-language-name(@lang)"/></span>
              </xsl:if>
            </td>
            <td class="kwic-left"><xsl:value-of select="@left"/></td>
            <td class="kwic-keyword"><mark><xsl:value-of select="if (@kw) then @kw else string(.)"/></mark></td>
            <td class="kwic-right"><xsl:value-of select="@right"/></td>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:function>

  <!-- A passage as it is cited: the text's id and the block's number ("organise-en 1.4"), or the
       text's id alone. -->
  <xsl:function name="il:passage-label" as="xs:string">
    <xsl:param name="line" as="element()"/>
    <xsl:sequence select="string-join((il:text-of($line)/@id, $line/@cite[normalize-space()]), ' ')"/>
  </xsl:function>

</xsl:stylesheet>
