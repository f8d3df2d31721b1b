<?xml version="1.0" encoding="UTF-8"?>
<!--
  The head of a text's page: what the page says about the text for machines. Citation metadata so
  that a reference manager (Zotero) saves a correct item from the page: Highwire Press tags
  (citation_title, one citation_author per author, citation_publication_date, citation_language,
  citation_publisher, citation_inbook_title for the edition the text is part of, as the citation
  files have it: a chapter of the edition), Dublin Core (DC.*, with its schema link) and schema.org
  JSON-LD. The page's address (citation_public_url, citation_abstract_html_url, DC.identifier) only
  when the edition says where it is published (the edition document's @url): never invented.
  The search's filters (Pagefind: the text's languages, its title, every entity it names) are meta
  tags too.

  JSON-LD is built as the XML form of JSON (fn:xml-to-json), so that it is escaped by construction;
  "<", ">" and "&" are then written as \u003c, \u003e, \u0026, so that nothing in the data ("</script>"
  in a title) can end the script element it stands in.

  HTML form only; implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The head's elements for a text's page. -->
  <xsl:function name="il:text-head" as="element()*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="facts" select="il:text-facts($root)"/>
    <xsl:sequence select="il:meta('description', il:page-description($root, $facts))"/>
    <xsl:sequence select="il:highwire($facts)"/>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <xsl:sequence select="il:dublin-core($facts)"/>
    <script type="application/ld+json">
      <xsl:value-of select="il:json-for-html(xml-to-json(il:json-ld($facts)))"/>
    </script>
    <xsl:sequence select="il:search-filters($root, $facts)"/>
  </xsl:function>

  <!-- What the metadata says of a text, once for all three vocabularies: a map of strings (and
       sequences of strings). -->
  <xsl:function name="il:text-facts" as="map(xs:string, item()*)">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="file" select="$root/tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="publication" select="$file/tei:publicationStmt"/>
    <xsl:variable name="url" select="il:page-address()"/>
    <xsl:sequence select="map {
        'title': il:page-title($root),
        'other-titles': il:titles($root)[position() gt 1] ! il:plain-text(.),
        'authors': il:authors($root)[.],
        'author-kinds': $file/tei:titleStmt/tei:author ! il:agent-kind(.),
        'translators': il:translators($root)[.],
        'editors': il:editors($root)[.],
        'date': string(($publication/tei:date/@when, $publication/tei:date ! il:plain-text(.))[normalize-space()][1]),
        'created': string(($root/tei:teiHeader/tei:profileDesc/tei:creation/tei:date/@when)[1]),
        'languages': il:text-languages($root) ! il:bcp47(.),
        'language-names': il:text-languages($root) ! il:language-label($root, .),
        'publisher': string(($publication/tei:publisher ! il:plain-text(.))[1]),
        'series': string(($file/tei:seriesStmt/tei:title[@type = 'main'], $file/tei:seriesStmt/tei:title)[1] ! il:plain-text(.)),
        'licence': string(($publication/tei:availability/tei:licence ! il:plain-text(.), $publication/tei:availability/tei:p ! il:plain-text(.))[.][1]),
        'licence-url': string($publication/tei:availability/tei:licence/@target[il:is-web-address(.)][1]),
        'identifier': string(($publication/tei:idno[@type = 'siglum'], $root/@xml:id)[1]),
        'sources': il:originals($root, ())/tei:ref ! (@target, normalize-space(.))[il:is-web-address(.)][1] ! il:href(.),
        'url': $url
      }"/>
  </xsl:function>

  <!-- The page's own address: the edition's URL and the page's path, when the edition has one. -->
  <xsl:function name="il:page-address" as="xs:string?">
    <xsl:variable name="base" select="normalize-space($edition/site:edition/@url)"/>
    <xsl:if test="$base and il:is-web-address($base)">
      <xsl:sequence select="il:href($base) || (if (ends-with($base, '/')) then '' else '/') || $page"/>
    </xsl:if>
  </xsl:function>

  <!-- The languages of a text, as its header counts them (langUsage), else its own. -->
  <xsl:function name="il:text-languages" as="xs:string*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="declared" select="$root/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident[normalize-space()] ! string()"/>
    <xsl:sequence select="if (exists($declared)) then $declared else il:document-language($root)[. != 'und']"/>
  </xsl:function>

  <!-- A language's name: as the text's header gives it, else as the edition's registers do, else
       its code. -->
  <xsl:function name="il:language-label" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:variable name="named" select="($root/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $code],
        $edition/site:edition/site:registers/tei:TEI/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[@ident = $code])[normalize-space()][1]"/>
    <xsl:sequence select="if ($named) then normalize-space($named) else $code"/>
  </xsl:function>

  <!-- Whether an author is a person or an organisation: by its register, else its name's element. -->
  <xsl:function name="il:agent-kind" as="xs:string">
    <xsl:param name="author" as="element()"/>
    <xsl:variable name="register" select="il:register-pointer(tokenize(string(($author/@ref, $author/*/@ref)[1]))[1])[1]"/>
    <xsl:sequence select="if ($register = 'organisations' or $author/tei:orgName) then 'Organization'
        else if ($register = 'persons' or $author/tei:persName) then 'Person' else ''"/>
  </xsl:function>

  <xsl:function name="il:page-description" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="string-join((
        $facts?title || (if (exists($facts?authors)) then ', by ' || il:and-list($facts?authors) else ''),
        if (exists($facts?translators)) then 'translated by ' || il:and-list($facts?translators) else (),
        if (exists($facts?language-names)) then 'in ' || il:and-list($facts?language-names) else ()), '; ')
        || (if ($facts?series) then '. From ' || $facts?series || '.' else '.')"/>
  </xsl:function>

  <!-- ============================================================ Highwire Press, Dublin Core -->

  <xsl:function name="il:highwire" as="element(meta)*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="il:meta('citation_title', $facts?title)"/>
    <xsl:sequence select="$facts?authors ! il:meta('citation_author', .)"/>
    <xsl:sequence select="il:meta('citation_publication_date', translate($facts?date, '-', '/'))"/>
    <xsl:sequence select="$facts?languages ! il:meta('citation_language', .)"/>
    <xsl:sequence select="il:meta('citation_publisher', $facts?publisher)"/>
    <xsl:sequence select="il:meta('citation_inbook_title', $facts?series)"/>
    <xsl:sequence select="$facts?url ! (il:meta('citation_public_url', .), il:meta('citation_abstract_html_url', .))"/>
  </xsl:function>

  <xsl:function name="il:dublin-core" as="element(meta)*">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="il:meta('DC.title', $facts?title)"/>
    <xsl:sequence select="$facts?authors ! il:meta('DC.creator', .)"/>
    <xsl:sequence select="$facts?translators ! il:meta('DC.contributor', .)"/>
    <xsl:sequence select="il:meta('DC.date', $facts?date)"/>
    <xsl:sequence select="$facts?languages ! il:meta('DC.language', .)"/>
    <xsl:sequence select="il:meta('DC.publisher', $facts?publisher)"/>
    <xsl:sequence select="il:meta('DC.rights', string-join(($facts?licence, $facts?licence-url)[.], ' '))"/>
    <xsl:sequence select="il:meta('DC.identifier', ($facts?url, $facts?identifier)[.][1])"/>
    <xsl:sequence select="$facts?sources ! il:meta('DC.relation', .)"/>
    <xsl:sequence select="il:meta('DC.type', 'Text')"/>
  </xsl:function>

  <!-- A meta tag; none when it has no value. -->
  <xsl:function name="il:meta" as="element(meta)?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="content" as="xs:string?"/>
    <xsl:if test="normalize-space($content)">
      <meta name="{$name}" content="{normalize-space($content)}"/>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ schema.org -->

  <!-- The text as a schema.org CreativeWork, in the XML form of JSON. -->
  <xsl:function name="il:json-ld" as="element(fn:map)">
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <fn:map>
      <fn:string key="@context">https://schema.org</fn:string>
      <fn:string key="@type">CreativeWork</fn:string>
      <xsl:sequence select="il:json-string('name', $facts?title)"/>
      <xsl:sequence select="il:json-strings('alternateName', $facts?other-titles)"/>
      <xsl:if test="exists($facts?authors)">
        <fn:array key="author">
          <xsl:for-each select="$facts?authors">
            <xsl:variable name="position" select="position()"/>
            <xsl:sequence select="il:json-agent((), $facts?author-kinds[$position], .)"/>
          </xsl:for-each>
        </fn:array>
      </xsl:if>
      <xsl:if test="exists($facts?translators)">
        <fn:array key="translator">
          <xsl:sequence select="$facts?translators ! il:json-agent((), '', .)"/>
        </fn:array>
      </xsl:if>
      <xsl:sequence select="il:json-strings('inLanguage', $facts?languages)"/>
      <xsl:sequence select="il:json-string('datePublished', $facts?date)"/>
      <xsl:sequence select="il:json-string('dateCreated', $facts?created)"/>
      <xsl:if test="$facts?publisher">
        <xsl:sequence select="il:json-agent('publisher', 'Organization', $facts?publisher)"/>
      </xsl:if>
      <xsl:sequence select="il:json-string('license', ($facts?licence-url[.], $facts?licence)[1])"/>
      <xsl:sequence select="il:json-string('identifier', $facts?identifier)"/>
      <xsl:sequence select="il:json-string('url', $facts?url)"/>
      <xsl:sequence select="il:json-strings('isBasedOn', $facts?sources)"/>
      <xsl:if test="$facts?series">
        <fn:map key="isPartOf">
          <fn:string key="@type">CreativeWork</fn:string>
          <fn:string key="name"><xsl:value-of select="$facts?series"/></fn:string>
          <xsl:if test="exists($facts?editors)">
            <fn:array key="editor">
              <xsl:sequence select="$facts?editors ! il:json-agent((), '', .)"/>
            </fn:array>
          </xsl:if>
        </fn:map>
      </xsl:if>
    </fn:map>
  </xsl:function>

  <xsl:function name="il:json-string" as="element(fn:string)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:if test="normalize-space($value)">
      <fn:string key="{$key}"><xsl:value-of select="$value"/></fn:string>
    </xsl:if>
  </xsl:function>

  <xsl:function name="il:json-strings" as="element(fn:array)?">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:if test="exists($values[normalize-space()])">
      <fn:array key="{$key}">
        <xsl:for-each select="$values[normalize-space()]">
          <fn:string><xsl:value-of select="."/></fn:string>
        </xsl:for-each>
      </fn:array>
    </xsl:if>
  </xsl:function>

  <!-- A person or an organisation ($kind, when known), by name. -->
  <xsl:function name="il:json-agent" as="element(fn:map)">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="kind" as="xs:string?"/>
    <xsl:param name="name" as="xs:string"/>
    <fn:map>
      <xsl:if test="$key"><xsl:attribute name="key" select="$key"/></xsl:if>
      <xsl:if test="$kind"><fn:string key="@type"><xsl:value-of select="$kind"/></fn:string></xsl:if>
      <fn:string key="name"><xsl:value-of select="$name"/></fn:string>
    </fn:map>
  </xsl:function>

  <!-- JSON made safe inside an HTML script element: "<", ">" and "&" as JSON escapes (the same
       value; outside strings, JSON has none of them). -->
  <xsl:function name="il:json-for-html" as="xs:string">
    <xsl:param name="json" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace($json, '&lt;', '\\u003c'), '&gt;', '\\u003e'), '&amp;', '\\u0026')"/>
  </xsl:function>

  <!-- ============================================================ the search -->

  <!-- The filters of the search (Pagefind): the text's languages, its title, each entity (person,
       place, organisation of the registers) it names, by its English name. -->
  <xsl:function name="il:search-filters" as="element(meta)*">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="facts" as="map(xs:string, item()*)"/>
    <xsl:sequence select="$facts?language-names ! il:search-filter('language', .)"/>
    <xsl:sequence select="il:search-filter('text', $facts?title)"/>
    <xsl:sequence select="il:entities-named($root) ! il:search-filter('entity', il:entity-label(., 'en'))"/>
  </xsl:function>

  <xsl:function name="il:search-filter" as="element(meta)">
    <xsl:param name="filter" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <meta property="pagefind:{$filter}" data-pagefind-filter="{$filter}[content]" content="{$value}"/>
  </xsl:function>

  <!-- The entries of the persons, places and organisations registers the reading text names, each
       once, in the order it first names them. -->
  <xsl:function name="il:entities-named" as="element()*">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="pointers" select="distinct-values(il:reading-nodes($root, ())//*[@ref][not(ancestor::tei:teiHeader)]/tokenize(@ref)[1])"/>
    <xsl:sequence select="$pointers[contains(., '.xml#')][substring-before(il:register-key(.), '#') = ('persons', 'places', 'organisations')] ! il:entry(., $root)"/>
  </xsl:function>

</xsl:stylesheet>
