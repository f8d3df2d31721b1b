<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (TEI textcrit): an app in running text publishes its lemma; with
  $app = 'apparatus' (params.xsl) it also publishes an apparatus entry (the lemma, the readings
  with their witnesses, the notes), which the format lays out apart from the running text, as a
  note. An apparatus of its own (listApp: entries keyed to places by @loc or @n, e.g. EpiDoc) is
  published with its readings whatever $app says: there the readings are the point.

    role              element                           content
    reading           the lemma of an app in running    running text
                      text (lem, else its first rdg);
                      lem, rdg outside an app
    apparatus-note    app in running text, with         its entry (below)
                      $app = 'apparatus'
    apparatus         listApp                           its entries
    apparatus-entry   app among blocks (listApp/app)    its entry (below)
    register, entry   listWit, witness (records.xsl)    the witnesses of the apparatus
    phrase            rdgGrp, witDetail, wit            running text

  An entry's content is: the lemma (role lemma: running text, empty when the lemma is empty or
  absent), then each other reading (role variant: running text, il:witnesses() gives its sigla), then
  each note and witDetail of the app (role phrase). il:apparatus-location() gives the place an entry is
  keyed to. Not text: lacunaStart, lacunaEnd, witStart, witEnd (markers), variantEncoding.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The reading an app publishes in running text: its lemma, else its first reading. -->
  <xsl:function name="il:lemma" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdgGrp//tei:lem, $app/tei:rdg, $app/tei:rdgGrp//tei:rdg)[1]"/>
  </xsl:function>

  <!-- The sigla of a reading's witnesses and sources (@wit, @source: "#E #S" gives E and S). -->
  <xsl:function name="il:witnesses" as="xs:string*">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="tokenize(string-join(($reading/@wit, $reading/@source), ' ')) ! (if (starts-with(., '#')) then substring(., 2) else .)"/>
  </xsl:function>

  <!-- Where an entry of an apparatus of its own belongs (@loc, else @n): "1", "3-4". -->
  <xsl:function name="il:apparatus-location" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="normalize-space(($app/@loc, $app/@n)[1])"/>
  </xsl:function>

  <!-- The content of an apparatus entry: the lemma, the other readings, the notes. -->
  <xsl:function name="il:apparatus-entry" as="item()*">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="lemma" select="$app/(tei:lem, tei:rdgGrp//tei:lem)[1]"/>
    <xsl:variable name="at" select="($lemma, $app)[1]"/>
    <xsl:sequence select="il:make-inline($at, 'lemma', $lemma ! il:inline(.))"/>
    <xsl:for-each select="$app/(tei:rdg | tei:rdgGrp//tei:rdg) except $lemma">
      <xsl:sequence select="il:make-inline(., 'variant', il:inline(.))"/>
    </xsl:for-each>
    <xsl:for-each select="$app/(tei:note | tei:witDetail | tei:rdgGrp//tei:witDetail)">
      <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
    </xsl:for-each>
  </xsl:function>

  <!-- ============================================================ in running text -->

  <!-- An app with no readings in it (text only) is its text. -->
  <xsl:template match="tei:app[not(tei:lem | tei:rdg | tei:rdgGrp)]" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'reading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="il:inline">
    <xsl:sequence select="il:lemma(.) ! il:make-inline(., 'reading', il:inline(.))"/>
    <xsl:if test="$app = 'apparatus'">
      <xsl:sequence select="il:make-inline(., 'apparatus-note', il:apparatus-entry(.))"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'reading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:rdgGrp | tei:witDetail | tei:wit" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:lacunaStart | tei:lacunaEnd | tei:witStart | tei:witEnd | tei:variantEncoding" mode="il:inline"/>

  <!-- ============================================================ an apparatus of its own -->

  <xsl:template match="tei:listApp" mode="il:block">
    <xsl:sequence select="il:make-block(., 'apparatus', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:listApp/tei:app" mode="il:block">
    <xsl:sequence select="il:make-block(., 'apparatus-entry', il:apparatus-entry(.))"/>
  </xsl:template>

  <!-- An app standing among blocks elsewhere (readings of whole paragraphs): as in running text. -->
  <xsl:template match="tei:app" mode="il:block">
    <xsl:sequence select="il:make-block(., 'run', il:apply-inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:listWit" mode="il:block">
    <xsl:sequence select="il:make-block(., 'register', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:witness" mode="il:block">
    <xsl:sequence select="il:make-block(., 'entry', il:fields(.))"/>
  </xsl:template>

</xsl:stylesheet>
