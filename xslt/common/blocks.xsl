<?xml version="1.0" encoding="UTF-8"?>
<!--
  Blocks of the core of TEI: headings, paragraphs, notes, quotations, lists, figures, tables, the
  markers of a position (page and column breaks, milestones) and examples of markup, with what each
  is in running text when it has a reading there. Mode il:block turns a block into its form by
  calling the hook il:make-block (hooks.xsl) with the element, its role and its content; mode
  il:inline calls il:make-inline. A format implements the roles and decides nothing here.

    role                 element                            content
    heading              head                               running text
    caption              figure/head, table/head            running text
    paragraph            p, ab                              running text
    note                 note (standing among blocks)       running text
    quotation            quote, said (among blocks)         running text
    quoted-post          cit                                its blocks: the quotation, then the
                                                            attribution (cit/bibl, records.xsl)
    link-list            list type="links"                  its items
    link-item            its item                           running text, its lines (label, title,
                                                            URL) apart (lb)
    list                 list (any other)                   its blocks: items (and a head)
    list-item            item                               running text; il:list-marker() gives its
                                                            label or number, if any
    label                label outside a list               running text (a list's label is its item's
                                                            marker, not a block)
    navigation           fw                                 running text (running heads, page numbers,
                                                            site navigation left in the source)
    separator            milestone unit="work" rend="…"     the line the source draws between two works
    page-break           pb                                 its number (@n)
    column-break         cb                                 its number (@n)
    milestone            milestone (any other)              its unit and number, as "unit n"
    figure               figure                             its blocks (caption, description, graphic…)
    figure-description   figDesc                            running text
    graphic              graphic                            its URL
    table                table                              its blocks: rows (and a caption)
    table-row            table/row                          its cells (a row outside a table: division)
    table-cell           cell                               running text
    example              egXML (TEI examples)               the markup, serialised, as in the source
    formula              formula                            running text

  In running text (mode il:inline):

    footnote             note                               running text; il:note-label() gives its mark
    inline-note          note place="inline"                running text (printed where it stands)
    quoted               quote, said direct, q, soCalled    running text (phrase: when the text has its
                                                            quotation marks around it)
    phrase               head, label, formula, figDesc      running text
    navigation           fw                                 running text
    line-break           lb                                 none (a line of the source that stays one)
    word-continues       lb/pb/cb break="no"                none: no word boundary here
    page-break, column-break, milestone                     as among blocks
    graphic              graphic                            its URL

  Any other block met in running text (a list or a table in a paragraph) is an embedded block
  (flow.xsl).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:eg="http://www.tei-c.org/ns/Examples"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The number a block is cited by ("12" in organise-en 1.12): the @n of a citable block (one with
       an xml:id); the quotation of a quoted post is cited by the post. -->
  <xsl:function name="il:citation-number" as="xs:string?">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="cited" select="if ($block/self::tei:quote/parent::tei:cit) then $block/.. else $block"/>
    <xsl:sequence select="$cited[@n and @xml:id]/string(@n)"/>
  </xsl:function>

  <!-- The notes of the text, counted in document order (the header's notes are not counted). The
       unnamed mode, in which a format's driver starts, makes the accumulator available on the
       document. -->
  <xsl:mode use-accumulators="il:notes"/>
  <xsl:accumulator name="il:notes" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:note[not(ancestor::tei:teiHeader)]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- What a note in running text is marked with: its @n, else its number among the notes of the
       text (so that marks are unique; the notes standing among blocks are counted too). -->
  <xsl:function name="il:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (normalize-space($note/@n)) then normalize-space($note/@n) else string($note/accumulator-before('il:notes'))"/>
  </xsl:function>

  <!-- The line between two works, drawn by the source (Interlinea's own milestone). -->
  <xsl:function name="il:is-separator" as="xs:boolean">
    <xsl:param name="milestone" as="element()"/>
    <xsl:sequence select="exists($milestone/self::tei:milestone[@unit = 'work'][@rend])"/>
  </xsl:function>

  <!-- An item's marker: the text of the label before it (a glossary), its number in a list that
       numbers its items (type or rend "ordered", "numbered", "decimal"), else empty. -->
  <xsl:function name="il:list-marker" as="xs:string">
    <xsl:param name="item" as="element()"/>
    <xsl:variable name="label" select="$item/preceding-sibling::*[1][self::tei:label]"/>
    <xsl:variable name="list" select="$item/.."/>
    <xsl:sequence select="
        if ($label) then normalize-space($label)
        else if (tokenize(string-join(($list/@type, $list/@rend), ' ')) = ('ordered', 'numbered', 'decimal'))
          then string(count($item/preceding-sibling::*[local-name() = local-name($item)]) + 1) || '.'
        else ''"/>
  </xsl:function>

  <!-- ============================================================ blocks of blocks -->

  <xsl:template match="tei:cit" mode="il:block">
    <xsl:sequence select="il:make-block(., 'quoted-post', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:list[@type = 'links']" mode="il:block">
    <xsl:sequence select="il:make-block(., 'link-list', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:list" mode="il:block">
    <xsl:sequence select="il:make-block(., 'list', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:figure" mode="il:block">
    <xsl:sequence select="il:make-block(., 'figure', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:table" mode="il:block">
    <xsl:sequence select="il:make-block(., 'table', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:table/tei:row" mode="il:block">
    <xsl:sequence select="il:make-block(., 'table-row', il:blocks(node()))"/>
  </xsl:template>

  <!-- A row outside a table (not TEI, but it happens): its cells, one after another. -->
  <xsl:template match="tei:row" mode="il:block">
    <xsl:sequence select="il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <!-- ============================================================ blocks of running text -->

  <xsl:template match="tei:head" mode="il:block">
    <xsl:sequence select="il:make-block(., 'heading', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:figure/tei:head | tei:table/tei:head" mode="il:block">
    <xsl:sequence select="il:make-block(., 'caption', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab" mode="il:block">
    <xsl:sequence select="il:make-block(., 'paragraph', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="il:block">
    <xsl:sequence select="il:make-block(., 'note', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:quote | tei:said" mode="il:block">
    <xsl:sequence select="il:make-block(., 'quotation', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:list[@type = 'links']/tei:item" mode="il:block">
    <xsl:sequence select="il:make-block(., 'link-item', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:item" mode="il:block">
    <xsl:sequence select="il:make-block(., 'list-item', il:inline(.))"/>
  </xsl:template>

  <!-- A list's label is the marker of the item after it. -->
  <xsl:template match="tei:label[following-sibling::*[1][self::tei:item]]" mode="il:block"/>

  <xsl:template match="tei:label" mode="il:block">
    <xsl:sequence select="il:make-block(., 'label', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:fw" mode="il:block">
    <xsl:sequence select="il:make-block(., 'navigation', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:figDesc" mode="il:block">
    <xsl:sequence select="il:make-block(., 'figure-description', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:cell" mode="il:block">
    <xsl:sequence select="il:make-block(., 'table-cell', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:formula" mode="il:block">
    <xsl:sequence select="il:make-block(., 'formula', il:inline(.))"/>
  </xsl:template>

  <!-- ============================================================ no running text -->

  <xsl:template match="tei:graphic" mode="il:block">
    <xsl:sequence select="il:make-block(., 'graphic', string(@url))"/>
  </xsl:template>

  <xsl:template match="tei:milestone[il:is-separator(.)]" mode="il:block">
    <xsl:sequence select="il:make-block(., 'separator', string(@rend))"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="il:block">
    <xsl:sequence select="il:make-block(., 'page-break', string(@n))"/>
  </xsl:template>

  <xsl:template match="tei:cb" mode="il:block">
    <xsl:sequence select="il:make-block(., 'column-break', string(@n))"/>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="il:block">
    <xsl:sequence select="il:make-block(., 'milestone', normalize-space(@unit || ' ' || @n))"/>
  </xsl:template>

  <!-- An example of markup: its children serialised without the examples namespace, as the source
       lays them out. -->
  <xsl:template match="eg:egXML" mode="il:block">
    <xsl:variable name="copy" as="node()*">
      <xsl:apply-templates select="node()" mode="il:no-namespace"/>
    </xsl:variable>
    <xsl:sequence select="il:make-block(., 'example', serialize($copy, map { 'method': 'xml', 'omit-xml-declaration': true() }))"/>
  </xsl:template>

  <xsl:template match="*" mode="il:no-namespace">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="il:no-namespace"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="text() | comment() | processing-instruction()" mode="il:no-namespace">
    <xsl:copy/>
  </xsl:template>

  <!-- ============================================================ in running text -->

  <xsl:template match="tei:note" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'footnote', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:note[@place = 'inline']" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'inline-note', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said | tei:soCalled" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'quoted', il:inline(.))"/>
  </xsl:template>

  <!-- Indirect speech is not quoted; nor is a quotation whose marks the text has around it. -->
  <xsl:template match="tei:said[@direct = 'false'] | tei:quote[il:quoted-in-source(.)] | tei:q[il:quoted-in-source(.)]
      | tei:said[il:quoted-in-source(.)] | tei:soCalled[il:quoted-in-source(.)]" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:cit | tei:head | tei:label | tei:formula | tei:figDesc" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:fw" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'navigation', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:graphic" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'graphic', string(@url))"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'line-break', ())"/>
  </xsl:template>

  <xsl:template match="tei:lb[@break = 'no'] | tei:cb[@break = 'no']" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'word-continues', ())"/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'page-break', string(@n))"/>
  </xsl:template>

  <xsl:template match="tei:pb[@break = 'no']" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'word-continues', ()), il:make-inline(., 'page-break', string(@n)), il:make-inline(., 'word-continues', ())"/>
  </xsl:template>

  <xsl:template match="tei:cb" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'column-break', string(@n))"/>
  </xsl:template>

  <xsl:template match="tei:milestone" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'milestone', normalize-space(@unit || ' ' || @n))"/>
  </xsl:template>

</xsl:stylesheet>
