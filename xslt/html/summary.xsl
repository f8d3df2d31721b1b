<?xml version="1.0" encoding="UTF-8"?>
<!--
  A text's summary for the edition document (src/interlinea/publish/site_data.py): what the pages
  made from the edition as a whole (home, registers, entry pages, map, timeline, bibliography,
  about, search) need to know of one text, so that they never need the text itself (an edition of
  many texts never holds them all in memory to make those pages). Made once per text and run.

    <summary xmlns="urn:interlinea:site" id="" lang="" title="" date="">
      <title lang="">…</title>*            the titles, the main one first
      <author ref="">…</author>*
      <translator ref="">…</translator>*
      <language ident="" usage="">name</language>*
      <work id="" n="" lang="" title=""/>*
      <mention ref="" block="" cite="" lang="" left="" kw="" right=""/>*
                                           a name pointing to a register entry (persons, places,
                                           organisations…): one pointer of its @ref; the block it
                                           stands in (xml:id, the anchor on the text's page), the
                                           block's citation number ("1.4"), its language, and the
                                           keyword in context: the name's text and up to
                                           $il:context-length characters of the block's text on
                                           either side ("…" where it was cut)
      <citation ref="" kind="" block="" cite="" lang="">…</citation>*
                                           a pointer to the bibliography (ref/@corresp,
                                           title/@ref, bibl/@corresp, the source description's
                                           bibl/@sameAs: kind "source", no block), with the
                                           citing element's text
      <date when="" from="" to="" not-before="" not-after="" cert="" evidence="" block="" cite=""
            lang="" left="" right="">the date's own text</date>*
                                           a date of the reading text with an ISO value
      <encoding>                           the encoding description of the header
        <section kind="project|sampling|normalization|…|reference"><p lang="">…</p>+</section>*
      </encoding>
    </summary>

  The mentions, citations and dates come from the reading text (tei:text), never from the header.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <xsl:import href="../common/common.xsl"/>
  <xsl:import href="links.xsl"/>
  <xsl:import href="context.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:variable name="tei" select="*" as="element()"/>
    <xsl:variable name="header" select="$tei/tei:teiHeader"/>
    <xsl:variable name="reading" select="$tei//tei:text" as="element(tei:text)*"/>
    <xsl:variable name="lang" select="il:document-lang($tei)"/>
    <summary id="{$tei/@xml:id}" lang="{$lang}" title="{il:main-title($tei)}" date="{il:text-date($header)}">
      <xsl:for-each select="il:titles($tei)">
        <title lang="{if (il:lang(.) = 'und') then $lang else il:lang(.)}"><xsl:value-of select="normalize-space(.)"/></title>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:author">
        <author ref="{@ref}"><xsl:value-of select="normalize-space(.)"/></author>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:fileDesc/tei:titleStmt/tei:respStmt[tei:resp = 'translation']/tei:name">
        <translator ref="{@ref}"><xsl:value-of select="normalize-space(.)"/></translator>
      </xsl:for-each>
      <xsl:for-each select="$header/tei:profileDesc/tei:langUsage/tei:language">
        <language ident="{@ident}" usage="{@usage}"><xsl:value-of select="normalize-space(.)"/></language>
      </xsl:for-each>
      <xsl:for-each select="$tei/tei:text/tei:body/tei:div[@type = 'work']">
        <work id="{@xml:id}" n="{@n}" lang="{il:lang(.)}" title="{il:work-title(.)}"/>
      </xsl:for-each>
      <xsl:apply-templates select="$reading//*[@ref]" mode="il:mention"/>
      <xsl:apply-templates select="$header//tei:sourceDesc//tei:bibl[@sameAs] | $reading//*[@corresp | @ref | @sameAs]" mode="il:citation"/>
      <xsl:apply-templates select="$reading//tei:date" mode="il:dated"/>
      <xsl:apply-templates select="$header/tei:encodingDesc" mode="il:encoding"/>
    </summary>
  </xsl:template>

  <!-- ============================================================ names -->

  <!-- A name pointing to register entries: one mention per entry it points to. -->
  <xsl:template match="*" mode="il:mention">
    <xsl:variable name="name" select="."/>
    <xsl:variable name="block" select="il:context-block(.)"/>
    <xsl:variable name="context" select="il:context-container(., $block)"/>
    <xsl:for-each select="il:register-pointers(@ref)[il:register-pointer(.)[1] != 'bibliography']">
      <mention ref="{.}">
        <xsl:sequence select="il:place-attributes($name, $block)"/>
        <xsl:attribute name="left" select="il:context-before($name, $context, $il:context-length)"/>
        <xsl:attribute name="kw" select="il:keyword($name)"/>
        <xsl:attribute name="right" select="il:context-after($name, $context, $il:context-length)"/>
      </mention>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ works cited -->

  <!-- An element pointing to the bibliography: a link (@corresp), a cited title (@ref), a quoted
       post (bibl/@corresp), the text's source (sourceDesc bibl/@sameAs). -->
  <xsl:template match="*" mode="il:citation">
    <xsl:variable name="citing" select="."/>
    <xsl:variable name="source" select="exists(ancestor::tei:sourceDesc)"/>
    <xsl:variable name="block" select="if ($source) then () else il:context-block(.)"/>
    <xsl:for-each select="il:register-pointers(if ($source) then @sameAs else (@corresp, @ref, @sameAs))[il:register-pointer(.)[1] = 'bibliography']">
      <citation ref="{.}" kind="{if ($source) then 'source' else local-name($citing)}">
        <xsl:if test="not($source)">
          <xsl:sequence select="il:place-attributes($citing, $block)"/>
        </xsl:if>
        <xsl:value-of select="il:shortened(il:keyword($citing), 2 * $il:context-length)"/>
      </citation>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ dates -->

  <!-- A date with an ISO value (att.datable.w3c, or its -iso twin). -->
  <xsl:template match="tei:date" mode="il:dated">
    <xsl:variable name="values" as="map(xs:string, attribute()?)" select="map {
        'when': (@when, @when-iso)[1], 'from': (@from, @from-iso)[1], 'to': (@to, @to-iso)[1],
        'not-before': (@notBefore, @notBefore-iso)[1], 'not-after': (@notAfter, @notAfter-iso)[1] }"/>
    <xsl:if test="some $value in map:keys($values) ! $values(.) satisfies normalize-space($value)">
      <xsl:variable name="block" select="il:context-block(.)"/>
      <xsl:variable name="context" select="il:context-container(., $block)"/>
      <date>
        <xsl:for-each select="('when', 'from', 'to', 'not-before', 'not-after')[normalize-space($values(.))]">
          <xsl:attribute name="{.}" select="normalize-space($values(current()))"/>
        </xsl:for-each>
        <xsl:sequence select="@cert, @evidence"/>
        <xsl:sequence select="il:place-attributes(., $block)"/>
        <xsl:attribute name="left" select="il:context-before(., $context, $il:date-context-length)"/>
        <xsl:attribute name="right" select="il:context-after(., $context, $il:date-context-length)"/>
        <xsl:value-of select="il:keyword(.)"/>
      </date>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ encoding description -->

  <xsl:template match="tei:encodingDesc" mode="il:encoding">
    <xsl:variable name="sections" as="element()*">
      <xsl:apply-templates select="tei:projectDesc | tei:samplingDecl | tei:editorialDecl | tei:refsDecl" mode="il:encoding"/>
    </xsl:variable>
    <xsl:if test="exists($sections)">
      <encoding><xsl:sequence select="$sections"/></encoding>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:projectDesc | tei:samplingDecl" mode="il:encoding">
    <xsl:sequence select="il:encoding-section(if (self::tei:projectDesc) then 'project' else 'sampling', .)"/>
  </xsl:template>

  <!-- The editorial declaration: one section per part (normalization, segmentation…), or one
       of its own when it holds paragraphs only. -->
  <xsl:template match="tei:editorialDecl" mode="il:encoding">
    <xsl:sequence select="il:encoding-section('editorial', .)"/>
    <xsl:for-each select="*[not(self::tei:p)]">
      <xsl:sequence select="il:encoding-section(local-name(), .)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The references: how passages are cited (the descriptions of refsDecl and its structures). -->
  <xsl:template match="tei:refsDecl" mode="il:encoding">
    <xsl:sequence select="il:encoding-section('reference', .)"/>
  </xsl:template>

  <!-- A section of the encoding description, with the paragraphs that say it in words: its own p,
       and for refsDecl the desc of its citation structures; a part holding text only is one
       paragraph. Nothing when it says nothing. -->
  <xsl:function name="il:encoding-section" as="element()?">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="part" as="element()"/>
    <xsl:variable name="paragraphs" select="if ($kind = 'reference') then $part/(tei:p | .//tei:desc)
        else if ($kind = 'editorial') then $part/tei:p
        else if ($part/tei:p) then $part/tei:p
        else $part[normalize-space()]"/>
    <xsl:if test="exists($paragraphs[normalize-space()])">
      <section kind="{$kind}">
        <xsl:for-each select="$paragraphs[normalize-space()]">
          <p lang="{il:lang(.)}"><xsl:value-of select="il:plain-text(.)"/></p>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:function>

  <!-- ============================================================ where in the text -->

  <!-- When a text was made: its creation's date, else its original's (an Interlinea text), else
       when a letter was sent (correspDesc), else the first date of its source's description. -->
  <xsl:function name="il:text-date" as="xs:string">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <xsl:sequence select="string(($header/tei:profileDesc/tei:creation/tei:date/@when,
        $header//tei:sourceDesc/tei:bibl[@type = 'original']/tei:date/@when,
        $header/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date/(@when, @notBefore, @from),
        ($header/tei:fileDesc/tei:sourceDesc//tei:date/@when)[1])[normalize-space()][1])"/>
  </xsl:function>

  <!-- The language of a document: its own xml:lang, else its text's, else the language its header
       says it uses most (langUsage), else "und". -->
  <xsl:function name="il:document-lang" as="xs:string">
    <xsl:param name="tei" as="element()"/>
    <xsl:variable name="usage" as="element(tei:language)*">
      <xsl:perform-sort select="$tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language[normalize-space(@ident)]">
        <xsl:sort select="if (@usage castable as xs:double) then xs:double(@usage) else 0" order="descending"/>
      </xsl:perform-sort>
    </xsl:variable>
    <xsl:sequence select="($tei/@xml:lang, ($tei//tei:text)[1]/@xml:lang, $usage[1]/@ident, 'und')[normalize-space()][1] ! string()"/>
  </xsl:function>

  <!-- The attributes saying where a node stands: its block (the anchor on the text's page), the
       block's citation number ("1.4": the work's @n and the block's), and its language. -->
  <xsl:function name="il:place-attributes" as="attribute()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="block" as="element()?"/>
    <xsl:variable name="number" select="if ($block) then il:citation-number($block) else ()"/>
    <xsl:variable name="work" select="$block/ancestor-or-self::tei:div[@type = 'work'][@n][1]"/>
    <xsl:attribute name="block" select="$block/@xml:id"/>
    <xsl:attribute name="cite" select="if (exists($number)) then string-join(($work/@n, $number), '.') else ''"/>
    <xsl:attribute name="lang" select="il:lang($node)"/>
  </xsl:function>

  <!-- The pointers of a pointer attribute (it may hold several, separated by spaces). -->
  <xsl:function name="il:register-pointers" as="xs:string*">
    <xsl:param name="pointers" as="attribute()*"/>
    <xsl:sequence select="$pointers ! tokenize(.)[exists(il:register-pointer(.))]"/>
  </xsl:function>

</xsl:stylesheet>
