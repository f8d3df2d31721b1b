<?xml version="1.0" encoding="UTF-8"?>
<!--
  The structure of documents: a corpus and its documents, a text and its parts (front, body, back,
  groups of texts, a text floating inside another), divisions, title pages, the parts of a letter,
  and XInclude. What a document's reading text is (il:reading-nodes) is decided here: its text; a
  document without one (an authority file) is read from its stand-off data (listPerson, listPlace…).
  Never the header; nor stand-off data beside a text (relations, annotations: data about the text,
  like the header).

    role            element                                   content
    document        TEI, teiCorpus inside a corpus            its title (role document-title), then
                                                              its reading text
    document-title  the title of a document in a corpus       the main title (a string)
    division        text, front, body, back, group,           its blocks
                    floatingText, standOff, div, div1…div7,
                    postscript, argument, docTitle
    epigraph        epigraph                                  its blocks
    title-page      titlePage                                 its blocks
    heading         titlePart                                 running text
    byline          byline, docAuthor                         running text
    imprint         docImprint, docDate, docEdition,          running text
                    imprimatur
    opener          opener                                    its lines (dateline, salute…)
    closer          closer                                    its lines (signature, dateline…)
    salute          salute                                    running text
    signature       signed                                    running text
    dateline        dateline                                  running text
    trailer         trailer                                   running text
    address         address                                   its lines
    address-line    addrLine                                  running text
    inclusion       xi:include without a fallback             the URI it names (never followed)

  In running text the parts of a title page and of a letter are phrases (role phrase; docAuthor:
  author, docDate: date). An xi:fallback is transparent: its content stands where the inclusion
  was, since Interlinea never follows an XInclude (xml_input.py).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:xi="http://www.w3.org/2001/XInclude"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The nodes whose blocks make the reading text of a document: the work selected, else its text
       (or its stand-off data, when it has no text), or its documents (teiCorpus); any other root is
       read as it is. -->
  <xsl:function name="il:reading-nodes" as="node()*">
    <xsl:param name="root" as="element()"/>
    <xsl:param name="div" as="element(tei:div)?"/>
    <xsl:sequence select="
        if ($div) then $div
        else if ($root/self::tei:TEI) then (if ($root/tei:text) then $root/tei:text else $root/tei:standOff)
        else if ($root/self::tei:teiCorpus) then $root/(tei:TEI | tei:teiCorpus)
        else $root"/>
  </xsl:function>

  <!-- ============================================================ documents -->

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="il:block">
    <xsl:sequence select="il:make-block(., 'document', (
        il:make-block(., 'document-title', il:main-title(.)),
        il:blocks(il:reading-nodes(., ()))))"/>
  </xsl:template>

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group | tei:floatingText | tei:standOff
      | tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7
      | tei:postscript | tei:argument | tei:docTitle" mode="il:block">
    <xsl:sequence select="il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:epigraph" mode="il:block">
    <xsl:sequence select="il:make-block(., 'epigraph', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:titlePage" mode="il:block">
    <xsl:sequence select="il:make-block(., 'title-page', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:titlePart" mode="il:block">
    <xsl:sequence select="il:make-block(., 'heading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:byline | tei:docAuthor" mode="il:block">
    <xsl:sequence select="il:make-block(., 'byline', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:docImprint | tei:docDate | tei:docEdition | tei:imprimatur" mode="il:block">
    <xsl:sequence select="il:make-block(., 'imprint', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ letters -->

  <xsl:template match="tei:opener" mode="il:block">
    <xsl:sequence select="il:make-block(., 'opener', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:closer" mode="il:block">
    <xsl:sequence select="il:make-block(., 'closer', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:salute" mode="il:block">
    <xsl:sequence select="il:make-block(., 'salute', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:signed" mode="il:block">
    <xsl:sequence select="il:make-block(., 'signature', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:dateline" mode="il:block">
    <xsl:sequence select="il:make-block(., 'dateline', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:trailer" mode="il:block">
    <xsl:sequence select="il:make-block(., 'trailer', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:address" mode="il:block">
    <xsl:sequence select="il:make-block(., 'address', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:addrLine" mode="il:block">
    <xsl:sequence select="il:make-block(., 'address-line', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ in running text -->

  <xsl:template match="tei:titlePart | tei:byline | tei:docImprint | tei:docEdition | tei:salute
      | tei:signed | tei:dateline | tei:address | tei:addrLine" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:docAuthor" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'author', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:docDate" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'date', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ XInclude, never followed -->

  <xsl:template match="xi:include" mode="il:block">
    <xsl:sequence select="il:warn(., 'xinclude', il:inclusion-warning(.))"/>
    <xsl:sequence select="if (xi:fallback) then il:blocks(xi:fallback/node()) else il:make-block(., 'inclusion', string(@href))"/>
  </xsl:template>

  <xsl:template match="xi:include" mode="il:inline">
    <xsl:sequence select="il:warn(., 'xinclude', il:inclusion-warning(.))"/>
    <xsl:sequence select="if (xi:fallback) then il:apply-inline(xi:fallback/node()) else il:make-inline(., 'inclusion', string(@href))"/>
  </xsl:template>

  <!-- What an XInclude left in a text becomes, for the warning. -->
  <xsl:function name="il:inclusion-warning" as="xs:string">
    <xsl:param name="include" as="element()"/>
    <xsl:sequence select="'XInclude of ' || ($include/@href, '(no href)')[1] || ' not followed: '
        || (if ($include/xi:fallback) then 'its fallback published in its place' else 'marked as not included in the text')"/>
  </xsl:function>

  <!-- A fallback met on its own (outside an include) is transparent too. -->
  <xsl:template match="xi:fallback" mode="il:block">
    <xsl:sequence select="il:blocks(node())"/>
  </xsl:template>

  <xsl:template match="xi:fallback" mode="il:inline">
    <xsl:sequence select="il:apply-inline(node())"/>
  </xsl:template>

</xsl:stylesheet>
