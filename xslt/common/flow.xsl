<?xml version="1.0" encoding="UTF-8"?>
<!--
  Flow: how the content of a TEI text is read, whatever each element means. Two modes carry it:

    il:block    a node standing among blocks (in a division, a speech, a stanza, a list…);
    il:inline   a node inside running text (in a paragraph, a heading, a verse line…).

  The modules of this layer (structure, blocks, inline, transcription, apparatus, verse-drama,
  records) give each element its role in one mode or both; this module says which elements they
  know ($il:known-blocks, $il:known-phrases: kept in step with the template rules by
  tests/test_xslt_layers.py) and decides what no single element decides:

  * A container's children (il:blocks): blocks stand apart; a run of text and phrases standing
    directly among blocks (TEI allows it in div, closer, sp, item…) becomes one anonymous block, role
    "run" (its node is the container); consecutive verse lines outside a stanza (l in sp or div)
    become one, role "stanza". An element known in both modes is a block there, unless the container
    holds running text itself; an unknown element likewise (the fallback, fallback.xsl). White space,
    page breaks and milestones go with what precedes them: between verse lines they are no break.
  * A block met inside running text (a list or a quotation in a paragraph, a paragraph in a note):
    role "embedded-block", its content the block in mode il:block. Its form decides how the running
    text around it is broken.
  * Text is the TEI's own text nodes; white space only between blocks, comments and processing
    instructions are not text.

  Elements of other namespaces than TEI are unknown (the fallback keeps their text), except what a
  module names (egXML of the TEI examples namespace; XInclude).
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all">

  <!-- The elements the modules know as blocks (a template rule in mode il:block), for the flow
       below, tests and tools. Elements of other namespaces carry their prefix (eg:, xi:). -->
  <xsl:variable name="il:known-blocks" static="yes" as="xs:string*" select="(
      'TEI', 'teiCorpus', 'text', 'front', 'body', 'back', 'group', 'floatingText', 'standOff',
      'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'argument',
      'epigraph', 'titlePage', 'docTitle', 'titlePart', 'docAuthor', 'docDate', 'docEdition',
      'docImprint', 'imprimatur', 'byline', 'opener', 'closer', 'salute', 'signed', 'dateline',
      'trailer', 'address', 'addrLine',
      'head', 'p', 'ab', 'note', 'quote', 'cit', 'said', 'list', 'item', 'label', 'fw', 'milestone',
      'pb', 'cb', 'figure', 'figDesc', 'graphic', 'table', 'row', 'cell', 'eg:egXML', 'formula',
      'lg', 'l', 'sp', 'speaker', 'stage', 'castList', 'castGroup', 'castItem', 'set', 'spGrp',
      'prologue', 'epilogue', 'performance', 'view', 'camera', 'sound', 'caption', 'move',
      'app', 'listApp', 'listWit', 'witness',
      'bibl', 'biblStruct', 'listBibl', 'listPerson', 'listPlace', 'listOrg', 'listEvent',
      'listNym', 'listObject', 'listRelation', 'person', 'personGrp', 'place', 'org', 'event',
      'nym', 'object', 'relation',
      'xi:include', 'xi:fallback')"/>

  <!-- The elements the modules know inside running text (a template rule in mode il:inline). A
       block with no rule of its own there is an embedded block (below). -->
  <xsl:variable name="il:known-phrases" static="yes" as="xs:string*" select="(
      'titlePart', 'docAuthor', 'docDate', 'docEdition', 'docImprint', 'byline', 'salute',
      'signed', 'dateline', 'address', 'addrLine',
      'head', 'note', 'quote', 'cit', 'said', 'q', 'label', 'fw', 'milestone', 'pb', 'cb', 'lb',
      'figDesc', 'graphic', 'formula',
      'persName', 'placeName', 'orgName', 'name', 'rs', 'geogName', 'geogFeat', 'settlement',
      'region', 'country', 'bloc', 'district', 'forename', 'surname', 'addName', 'roleName',
      'genName', 'nameLink', 'objectName', 'ref', 'ptr', 'title', 'date', 'time', 'author',
      'editor', 'hi', 'emph', 'mentioned', 'distinct', 'soCalled', 'foreign', 'term', 'gloss',
      'num', 'measure', 'measureGrp', 'unit', 'seg', 's', 'w', 'c', 'pc', 'phr', 'cl', 'm',
      'gi', 'att', 'val', 'tag', 'code', 'ident', 'eg', 'index', 'anchor', 'link', 'linkGrp',
      'interp', 'interpGrp', 'span', 'spanGrp', 'certainty', 'precision', 'respons', 'alt',
      'altGrp', 'join', 'joinGrp', 'timeline', 'fs', 'fLib', 'fvLib',
      'choice', 'sic', 'corr', 'orig', 'reg', 'abbr', 'expan', 'ex', 'am', 'unclear', 'gap',
      'supplied', 'surplus', 'secl', 'add', 'del', 'subst', 'mod', 'restore', 'retrace', 'damage',
      'redo', 'undo', 'metamark', 'space', 'handShift', 'addSpan', 'delSpan', 'damageSpan', 'g',
      'app', 'lem', 'rdg', 'rdgGrp', 'witDetail', 'wit', 'lacunaStart', 'lacunaEnd', 'witStart',
      'witEnd', 'variantEncoding',
      'speaker', 'stage', 'role', 'roleDesc', 'actor', 'caesura', 'rhyme', 'move',
      'bibl', 'biblStruct', 'analytic', 'monogr', 'series', 'imprint', 'publisher', 'pubPlace',
      'biblScope', 'citedRange', 'edition', 'extent', 'idno', 'distributor', 'textLang', 'meeting',
      'sponsor', 'funder', 'principal', 'respStmt', 'resp', 'person', 'personGrp', 'place', 'org',
      'event', 'nym', 'object', 'relation', 'birth', 'death', 'floruit', 'occupation',
      'affiliation', 'education', 'residence', 'faith', 'nationality', 'sex', 'gender', 'age',
      'langKnowledge', 'socecStatus', 'state', 'trait', 'location', 'geo', 'desc', 'offset',
      'xi:include', 'xi:fallback')"/>

  <xsl:variable name="il:tei" static="yes" as="xs:string" select="'http://www.tei-c.org/ns/1.0'"/>

  <!-- The prefix under which the element lists name an element of another namespace. -->
  <xsl:variable name="il:namespaces" static="yes" as="map(xs:string, xs:string)" select="map {
      'http://www.tei-c.org/ns/Examples': 'eg:', 'http://www.w3.org/2001/XInclude': 'xi:' }"/>

  <!-- (The lists and maps are static: computed once, when the stylesheet is compiled.) -->

  <!-- How each known element flows among blocks: 'block' (a block only), 'inline' (running text
       only: it joins a run), 'either' (known in both modes: by context). -->
  <xsl:variable name="il:flows" static="yes" as="map(xs:string, xs:string)" select="map:merge((
      $il:known-blocks ! map:entry(., if (. = $il:known-phrases) then 'either' else 'block'),
      $il:known-phrases[not(. = $il:known-blocks)] ! map:entry(., 'inline')))"/>

  <!-- The elements Interlinea's converter writes, as src/interlinea/tei.py classes them (BLOCK,
       INLINE; tests/test_architecture.py keeps the two in step): blocks, and running text. Each is
       known above, in the same flow (tests/test_xslt_layers.py). -->
  <xsl:variable name="il:block-elements" static="yes" as="xs:string*" select="(
      'div', 'postscript', 'head', 'p', 'note', 'byline', 'trailer', 'fw', 'milestone', 'closer', 'signed',
      'dateline', 'figure', 'quote', 'cit', 'bibl', 'list', 'item')"/>
  <xsl:variable name="il:inline-elements" static="yes" as="xs:string*" select="(
      'persName', 'placeName', 'orgName', 'ref', 'title', 'date', 'author', 'lb')"/>

  <!-- An element's name as the lists give it: its local name in TEI, prefixed in a namespace
       the lists know, else empty (unknown). -->
  <xsl:function name="il:known-name" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="namespace" select="namespace-uri($element)"/>
    <xsl:sequence select="if ($namespace = $il:tei) then local-name($element)
        else if (map:contains($il:namespaces, $namespace)) then $il:namespaces($namespace) || local-name($element)
        else ''"/>
  </xsl:function>

  <!-- 'block', 'inline', 'either', or 'unknown'. -->
  <xsl:function name="il:flow-of" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="($il:flows(il:known-name($element)), 'unknown')[1]"/>
  </xsl:function>

  <!-- Does this element hold running text itself (a text node that is not white space)? -->
  <xsl:function name="il:holds-text" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/text()[normalize-space()])"/>
  </xsl:function>

  <!-- ============================================================ a container's children -->

  <!-- The blocks of some nodes (a container's children, or a selection), in the order given. -->
  <xsl:function name="il:blocks" as="item()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:choose>
      <!-- the usual case, quickly: elements that are blocks, white space between them -->
      <xsl:when test="every $n in $nodes satisfies
          (if ($n instance of element()) then il:flow-of($n) = ('block', 'either') and not($n/self::tei:l)
           else not($n instance of text() and normalize-space($n)))">
        <xsl:apply-templates select="$nodes" mode="il:block"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="keys" select="il:flows-among-blocks($nodes)"/>
        <xsl:for-each-group select="1 to count($nodes)" group-adjacent="$keys[current()]">
          <xsl:variable name="group" select="for $i in current-group() return $nodes[$i]"/>
          <xsl:choose>
            <xsl:when test="current-grouping-key() = 'block'">
              <xsl:apply-templates select="$group" mode="il:block"/>
            </xsl:when>
            <xsl:when test="current-grouping-key() = 'verse'">
              <xsl:sequence select="il:make-block($group[1]/.., 'stanza', il:apply-block($group[self::*]))"/>
            </xsl:when>
            <xsl:when test="current-grouping-key() = 'inline'">
              <xsl:sequence select="il:make-block($group[1]/.., 'run', il:apply-inline($group))"/>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each-group>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- How each node flows among blocks: 'block', 'inline' (it joins a run of running text), 'verse'
       (a verse line outside a stanza), 'space' (white space before anything else). White space,
       comments, page and column breaks and milestones go with what comes before them. -->
  <xsl:function name="il:flows-among-blocks" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="container-holds-text" select="exists($nodes[self::text()[normalize-space()]])"/>
    <xsl:iterate select="$nodes">
      <xsl:param name="previous" as="xs:string" select="'space'"/>
      <xsl:variable name="own" as="xs:string">
        <xsl:choose>
          <xsl:when test="not(. instance of element())">
            <xsl:sequence select="if (. instance of text() and normalize-space(.)) then 'inline' else ''"/>
          </xsl:when>
          <xsl:when test="self::tei:pb or self::tei:cb or self::tei:milestone[not(il:is-separator(.))]">
            <xsl:sequence select="if ($previous = 'space') then 'block' else $previous"/>
          </xsl:when>
          <xsl:when test="self::tei:l">
            <xsl:sequence select="if (parent::tei:lg) then 'block' else 'verse'"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="flow" select="il:flow-of(.)"/>
            <xsl:sequence select="if ($flow = ('block', 'inline')) then $flow
                else if ($container-holds-text) then 'inline' else 'block'"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:variable name="key" select="if ($own) then $own else $previous"/>
      <xsl:sequence select="$key"/>
      <xsl:next-iteration>
        <xsl:with-param name="previous" select="$key"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- Nodes in mode il:block / il:inline (for the groups above). -->
  <xsl:function name="il:apply-block" as="item()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="il:block"/>
  </xsl:function>

  <xsl:function name="il:apply-inline" as="item()*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="il:inline"/>
  </xsl:function>

  <!-- ============================================================ running text -->

  <!-- The running text of an element (its children), in the format's form: its text as it is when
       it holds nothing else. -->
  <xsl:function name="il:inline" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:choose>
      <xsl:when test="empty($node/*)">
        <xsl:sequence select="$node/text()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$node/node()" mode="il:inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:template match="text()" mode="il:inline">
    <xsl:sequence select="."/>
  </xsl:template>

  <!-- A block inside running text, with no reading of its own there. -->
  <xsl:template match="*[il:flow-of(.) = 'block']" mode="il:inline" priority="-0.5">
    <xsl:sequence select="il:make-inline(., 'embedded-block', il:apply-block(.))"/>
  </xsl:template>

  <!-- ============================================================ what is not text -->

  <xsl:template match="text()[not(normalize-space())]" mode="il:block"/>
  <xsl:template match="comment() | processing-instruction()" mode="il:block il:inline"/>

  <!-- Text standing alone among blocks, when il:blocks was not the way in (a selection). -->
  <xsl:template match="text()" mode="il:block">
    <xsl:sequence select="il:make-block(.., 'run', .)"/>
  </xsl:template>

</xsl:stylesheet>
