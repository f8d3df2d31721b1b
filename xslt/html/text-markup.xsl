<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the HTML format builds its elements from the roles (the shared helpers of blocks.xsl and
  phrases.xsl): what every block carries (its id, a class naming its role, its number as a
  permalink, its language), how running text becomes a valid HTML element, and where the notes of a
  block go.

  * A citable block (a TEI element with an xml:id and an @n) is one HTML element whose id is its
    xml:id, whose class names its role, whose data-n is its number and data-cite its reference
    ("organise-en 1.12"), and which starts with its number as a link to itself (il:block-number).
  * Running text is what the roles made of it: the TEI's text nodes and phrasing elements. When it
    holds a block (a list in a paragraph: role embedded-block), the element that holds it becomes
    a div (a p cannot hold a list), a heading a div with role="heading" (il:running-block).
  * A footnote in running text is marked where it stands; the note itself is carried up to the
    block (an element with data-il-carried) and placed after the block's text: inside the block
    when the block may hold it (li, td, blockquote, div), after it when not (p, headings).
  * Where a word goes on across a line or page break (role word-continues), a marker
    (data-il-join) tells the block to take out the white space around it.

  The markers never reach a page: the block that holds them removes them (mode il:settle).

  HTML form only; decides no meaning of the TEI and implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="text-lang.xsl"/>

  <!-- The HTML elements that are blocks (flow content that is not phrasing): a phrase or a
       paragraph holding one of them must be a div. -->
  <xsl:variable name="il:flow-elements" as="xs:string*" select="(
      'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'figcaption', 'figure',
      'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'nav', 'ol', 'p', 'pre',
      'section', 'table', 'ul', 'caption', 'tr', 'td', 'th')"/>

  <!-- The elements of running text that may not hold a block; their notes go after them. -->
  <xsl:variable name="il:phrasing-holders" as="xs:string*" select="('p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span')"/>

  <!-- ============================================================ what every block carries -->

  <!-- The attributes of a block's element: id (its xml:id), class (its role and what else
       $class says), data-n and data-cite (when it is citable), lang and dir (when its language is
       not its container's). -->
  <xsl:function name="il:block-attributes" as="attribute()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:if test="$node/@xml:id">
      <xsl:attribute name="id" select="$node/@xml:id"/>
    </xsl:if>
    <xsl:attribute name="class" select="$class"/>
    <xsl:if test="$node/@xml:id and il:is-citable($node)">
      <xsl:attribute name="data-n" select="il:citation-number($node)"/>
      <xsl:attribute name="data-cite" select="il:block-reference($node)"/>
    </xsl:if>
    <xsl:sequence select="if ($node/@xml:lang) then il:language-attributes($node) else ()"/>
  </xsl:function>

  <!-- The attributes of a phrase's element: its id (xml:id), its class, its language. -->
  <xsl:function name="il:phrase-attributes" as="attribute()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:if test="$node/@xml:id">
      <xsl:attribute name="id" select="$node/@xml:id"/>
    </xsl:if>
    <xsl:attribute name="class" select="normalize-space($class)"/>
    <xsl:sequence select="il:language-attributes($node)"/>
  </xsl:function>

  <!-- How a block is cited: the document's identifier, its work's number and its own, as the
       edition's headers say (refsDecl: "organise-en 1.12"); in TEI without works, the document's
       identifier and the block's number; without an identifier, its number. -->
  <xsl:function name="il:block-reference" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="document" select="$node/ancestor::tei:TEI[1]/@xml:id"/>
    <xsl:variable name="work" select="$node/ancestor::tei:div[@type = 'work'][1]/@n"/>
    <xsl:variable name="place" select="string-join(($work, il:citation-number($node)), '.')"/>
    <xsl:sequence select="string-join(($document, $place), ' ')"/>
  </xsl:function>

  <!-- A citable block's number, as a link to the block itself: its permanent address. Clicking or
       focusing it fills the cite box with the block's reference (assets/interlinea.js). -->
  <xsl:function name="il:block-number" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:if test="$node/@xml:id and il:is-citable($node)">
      <a class="block-number" href="#{$node/@xml:id}" title="Permalink: {il:block-reference($node)}" data-pagefind-ignore="">
        <xsl:value-of select="il:citation-number($node)"/>
      </a>
    </xsl:if>
  </xsl:function>

  <!-- Is an element a citable block: an xml:id and a number (il:citation-number), and not a
       division (a work, a chapter: its heading says where the reader is; its blocks are cited)? -->
  <xsl:function name="il:is-citable" as="xs:boolean">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="exists($node/@xml:id) and exists(il:citation-number($node))
        and not(local-name($node) = $il:divisions and namespace-uri($node) = 'http://www.tei-c.org/ns/1.0')"/>
  </xsl:function>

  <!-- The TEI elements that divide a text (role division, document): never numbered as blocks. -->
  <xsl:variable name="il:divisions" as="xs:string*" select="('TEI', 'teiCorpus', 'text', 'front', 'body', 'back',
      'group', 'floatingText', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'postscript', 'argument')"/>

  <!-- The level of a heading (2 to 6; the page's title is the h1): one more than the number of
       sections around it that have a heading of their own (a division, a stanza or a list with a
       head; a document of a corpus, whose title is a heading), so that levels are never skipped. -->
  <xsl:function name="il:heading-level" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="section" select="if ($node/self::tei:TEI or $node/self::tei:teiCorpus) then $node else $node/.."/>
    <xsl:sequence select="min((6, 2 + count($section/ancestor::*[il:has-heading(.)])))"/>
  </xsl:function>

  <!-- Does an element head a section of the page: a head of its own (not a caption), or a title of
       its own as a document inside a corpus? -->
  <xsl:function name="il:has-heading" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if ($element/self::tei:TEI or $element/self::tei:teiCorpus)
        then $element/parent::* instance of element() and il:main-title($element) != ''
        else exists($element/tei:head) and not($element/self::tei:figure or $element/self::tei:table)"/>
  </xsl:function>

  <!-- ============================================================ running text in an element -->

  <!-- A block of running text: an element $name (p, h2, li, td, blockquote…) with the block's
       attributes and $attributes, its number first, its text, and its notes (inside it when it may hold them, else
       after it). A p or a heading whose text holds a block is a div (a heading keeps its level as
       role="heading" aria-level). -->
  <xsl:function name="il:running-block" as="element()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="attributes" as="attribute()*"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="settled" select="if (il:has-markers($content)) then il:settled($content) else $content"/>
    <xsl:variable name="notes" select="$settled[. instance of element()][@data-il-note]"/>
    <xsl:variable name="text" select="if (exists($notes)) then $settled[not(. instance of element() and @data-il-note)] else $settled"/>
    <xsl:variable name="flow" select="il:has-flow($text)"/>
    <xsl:variable name="heading" select="$name = ('h1', 'h2', 'h3', 'h4', 'h5', 'h6')"/>
    <xsl:variable name="inside" select="not($name = $il:phrasing-holders)"/>
    <xsl:element name="{if ($flow and ($name = 'p' or $heading)) then 'div' else $name}">
      <xsl:sequence select="il:block-attributes($node, $class), $attributes"/>
      <xsl:if test="$flow and $heading">
        <xsl:attribute name="role" select="'heading'"/>
        <xsl:attribute name="aria-level" select="substring($name, 2)"/>
      </xsl:if>
      <xsl:sequence select="il:block-number($node), il:as-nodes($text)"/>
      <xsl:sequence select="if ($inside) then $notes ! il:without-marker(.) else ()"/>
    </xsl:element>
    <xsl:sequence select="if ($inside) then () else $notes ! il:without-marker(.)"/>
  </xsl:function>

  <!-- Does content hold notes carried up or joins to make (il:settled)? -->
  <xsl:function name="il:has-markers" as="xs:boolean">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="exists($content[. instance of element()]/descendant-or-self::*[@data-il-note or @data-il-join])"/>
  </xsl:function>

  <!-- A phrase: an element $name with its attributes around its content; a span or a div when the
       element may not hold what the content is (a block in a phrase: a div; a link inside a link,
       which HTML forbids: the outer one is given as $fallback, a span). -->
  <xsl:function name="il:phrase" as="element()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="attributes" as="attribute()*"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="flow" select="il:has-flow($content)"/>
    <xsl:element name="{if ($flow) then 'div' else $name}">
      <xsl:sequence select="$attributes"/>
      <xsl:sequence select="il:as-nodes($content)"/>
    </xsl:element>
  </xsl:function>

  <!-- Content with each string a text node of its own: in an element, strings next to each other
       would be joined with a space ("[" and "]" around nothing would read "[ ]"). -->
  <xsl:function name="il:as-nodes" as="node()*">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if (every $item in $content satisfies $item instance of node()) then $content else il:each-a-node($content)"/>
  </xsl:function>

  <xsl:function name="il:each-a-node" as="node()*">
    <xsl:param name="content" as="item()*"/>
    <xsl:for-each select="$content">
      <xsl:choose>
        <xsl:when test=". instance of node()"><xsl:sequence select="."/></xsl:when>
        <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- Does content hold a block (an HTML flow element that is not phrasing, or a link holding one)?
       The notes carried up to their block do not count: they leave. -->
  <xsl:function name="il:has-flow" as="xs:boolean">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="elements" select="$content[. instance of element()][not(@data-il-note)]"/>
    <xsl:sequence select="exists($elements[local-name() = $il:flow-elements]) or (some $a in $elements[local-name() = 'a'] satisfies il:has-flow($a/node()))"/>
  </xsl:function>

  <!-- Does content hold a link (an a element, at any depth)? A link may not hold another. -->
  <xsl:function name="il:has-link" as="xs:boolean">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="exists($content[. instance of element()]/descendant-or-self::*:a)"/>
  </xsl:function>

  <!-- An attribute, for the places where XPath makes a sequence (it has no constructor for them). -->
  <xsl:function name="il:attribute" as="attribute()">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:attribute name="{$name}" select="$value"/>
  </xsl:function>

  <!-- A span of a class holding a text (a marker the edition adds: a list's label, a location). -->
  <xsl:function name="il:span" as="element(span)">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <span class="{$class}"><xsl:value-of select="$text"/></span>
  </xsl:function>

  <!-- The mark of a page break, a column break or a milestone of the source ($name: span in running
       text, div among blocks): empty, its number (a milestone's unit and number) in data-mark for
       the style sheet to show; nothing when it has neither number nor identifier. -->
  <xsl:function name="il:break-mark" as="element()?">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="number" as="xs:string"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:if test="normalize-space($number) or $node/@xml:id">
      <xsl:element name="{$name}">
        <xsl:sequence select="il:block-attributes($node, $role)"/>
        <xsl:if test="normalize-space($number)">
          <xsl:attribute name="data-mark" select="normalize-space($number)"/>
        </xsl:if>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- What stands for an XInclude that was not followed (Interlinea never follows one). -->
  <xsl:function name="il:inclusion-text" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="'[not included: ' || $href || ']'"/>
  </xsl:function>

  <!-- ============================================================ notes and joins -->

  <!-- A note carried up from where it stands to the block that holds it. -->
  <xsl:function name="il:carried" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:element name="{local-name($note)}">
      <xsl:attribute name="data-il-note" select="''"/>
      <xsl:sequence select="$note/@*, $note/node()"/>
    </xsl:element>
  </xsl:function>

  <!-- The marker of a word that goes on across a break. -->
  <xsl:function name="il:join-marker" as="element()">
    <span data-il-join=""/>
  </xsl:function>

  <!-- A block's content with its joins made (the white space around each marker taken out) and its
       notes after its text, in the order they stand (those carried up from inside its phrases too).
       For content that has markers (il:has-markers). -->
  <xsl:function name="il:settled" as="item()*">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="holder" as="element()">
      <content><xsl:sequence select="$content"/></content>
    </xsl:variable>
    <xsl:apply-templates select="$holder/node()" mode="il:settle"/>
    <xsl:sequence select="$holder//*[@data-il-note][not(ancestor::*[@data-il-note])]"/>
  </xsl:function>

  <!-- A carried note in its place: without its marker. -->
  <xsl:function name="il:without-marker" as="element()">
    <xsl:param name="note" as="element()"/>
    <xsl:element name="{local-name($note)}">
      <xsl:sequence select="$note/@* except $note/@data-il-note, $note/node()"/>
    </xsl:element>
  </xsl:function>

  <xsl:mode name="il:settle" on-no-match="shallow-copy"/>

  <!-- Notes leave the text (il:settled puts them after it); so do the markers of joins. -->
  <xsl:template match="*[@data-il-note] | *[@data-il-join]" mode="il:settle"/>

  <!-- Text next to a join loses its white space on that side; white space alone there goes. -->
  <xsl:template match="text()" mode="il:settle">
    <xsl:variable name="after-join" select="il:is-join(preceding::node()[il:decides-join(.)][1])"/>
    <xsl:variable name="before-join" select="il:is-join(following::node()[il:decides-join(.)][1])"/>
    <xsl:choose>
      <xsl:when test="not($after-join or $before-join)">
        <xsl:sequence select="."/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="start" select="if ($after-join) then replace(., '^\s+', '') else string(.)"/>
        <xsl:value-of select="if ($before-join) then replace($start, '\s+$', '') else $start"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- What decides whether text touches a join: the nearest marker of a join or text that is not
       white space, outside the notes (a page break between the two halves of a word is neither). -->
  <xsl:function name="il:decides-join" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/self::*[@data-il-join] or $node/self::text()[normalize-space()])
        and not($node/ancestor::*[@data-il-note])"/>
  </xsl:function>

  <xsl:function name="il:is-join" as="xs:boolean">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="exists($node/self::*[@data-il-join])"/>
  </xsl:function>

</xsl:stylesheet>
