<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML form of the block roles: this module implements the hook il:make-block of the common
  layer (xslt/common/hooks.xsl), one template rule per role (or per group of roles that share a
  form). What each TEI element is (its role) is decided in xslt/common/; phrases are phrases.xsl's.

  Semantic HTML for each: divisions are sections (when they have a heading) or divs, headings
  h2 to h6 by how many headed sections hold them (il:heading-level: the page's h1 is the title),
  paragraphs p, quotations blockquote, lists ul/li, tables table/tr/td, figures figure/figcaption,
  notes aside role="note", verse lines and stanzas divs, examples of markup pre/code. Every block
  made from a TEI element with an xml:id has it as its id; a citable block (xml:id and @n) starts
  with its number as a permalink and carries data-n and data-cite; a block in another language than
  its container says so (lang, and dir when the direction changes). See text-markup.xsl.

  Reusable: the parallel view (parallel.xsl) renders its blocks with these rules.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:import href="text-markup.xsl"/>

  <!-- The name of this format in the messages of the common layer. -->
  <xsl:variable name="il:format" as="xs:string" select="'html'"/>

  <!-- ============================================================ documents and divisions -->

  <!-- A document of a corpus: an article, its title its first heading. -->
  <xsl:template match="il:document" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <article>
      <xsl:sequence select="il:block-attributes($node, 'document')"/>
      <xsl:sequence select="$content"/>
    </article>
  </xsl:template>

  <xsl:template match="il:document-title" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:if test="normalize-space($content)">
      <xsl:element name="h{il:heading-level($node)}">
        <xsl:attribute name="class" select="'document-title'"/>
        <xsl:value-of select="$content"/>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- A division: a section when it has a heading of its own, else a div; its TEI type kept as
       data-type (work, chapter, letter…) for style sheets and scripts. A division that says nothing
       of its own (a text or its body with no identifier, type, language or heading) is its content:
       the reading text's article holds it already. -->
  <xsl:template match="il:division" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="if (($node/self::tei:text or $node/self::tei:body) and empty($node/(@xml:id | @xml:lang | @type | tei:head)))
        then $content else il:division($node, $content)"/>
  </xsl:template>

  <xsl:function name="il:division" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:element name="{if (il:has-heading($node)) then 'section' else 'div'}">
      <xsl:sequence select="il:block-attributes($node, 'division')"/>
      <xsl:if test="$node/@type">
        <xsl:attribute name="data-type" select="$node/@type"/>
      </xsl:if>
      <xsl:sequence select="il:block-number($node), $content"/>
    </xsl:element>
  </xsl:function>

  <!-- Blocks of blocks with no element of their own in HTML: a div naming the role. -->
  <xsl:template match="il:epigraph | il:title-page | il:opener | il:closer | il:address | il:quoted-post
      | il:speech | il:bibliography | il:register | il:apparatus" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <div>
      <xsl:sequence select="il:block-attributes($node, local-name()), il:block-number($node), $content"/>
    </div>
  </xsl:template>

  <!-- A stanza: a div; the stanza made of loose verse lines has its container as node, whose id
       and language are not its own. -->
  <xsl:template match="il:stanza" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <div>
      <xsl:sequence select="if ($node/self::tei:lg) then (il:block-attributes($node, 'stanza'), il:block-number($node))
          else il:attribute('class', 'stanza')"/>
      <xsl:sequence select="$content"/>
    </div>
  </xsl:template>

  <!-- ============================================================ blocks of running text -->

  <xsl:template match="il:heading" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:if test="il:has-text($content) or $node/@xml:id">
      <xsl:sequence select="il:running-block($node, 'h' || il:heading-level($node), 'heading', (), $content)"/>
    </xsl:if>
  </xsl:template>

  <!-- Lines and paragraphs of their own: a p naming the role. -->
  <xsl:template match="il:paragraph | il:byline | il:imprint | il:salute | il:signature | il:dateline
      | il:trailer | il:label | il:navigation | il:figure-description | il:formula | il:speaker
      | il:stage | il:attribution | il:reference | il:entry | il:unknown" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:running-block($node, 'p', local-name(), (), $content)"/>
  </xsl:template>

  <!-- Running text standing among blocks: a paragraph of its container, with no id or number (the
       node is the container, whose they are). -->
  <xsl:template match="il:run" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="settled" select="if (il:has-markers($content)) then il:settled($content) else $content"/>
    <xsl:sequence select="il:phrase('p', il:attribute('class', 'run'), $settled[not(. instance of element() and @data-il-note)]),
        $settled[. instance of element() and @data-il-note] ! il:without-marker(.)"/>
  </xsl:template>

  <!-- A note standing among blocks: an aside with the role of a note (not a landmark). -->
  <xsl:template match="il:note" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:running-block($node, 'aside', 'note', il:attribute('role', 'note'), $content)"/>
  </xsl:template>

  <xsl:template match="il:quotation" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:running-block($node, 'blockquote', 'quotation', (), $content)"/>
  </xsl:template>

  <!-- A verse line: a div (its line number, when it has one but is not citable, in data-line for
       the style sheet to show every fifth). -->
  <xsl:template match="il:verse-line" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="line" select="if ($node/@n and not($node/@xml:id)) then il:attribute('data-line', normalize-space($node/@n)) else ()"/>
    <xsl:sequence select="il:running-block($node, 'div', 'verse-line', $line, $content)"/>
  </xsl:template>

  <xsl:template match="il:address-line" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:running-block($node, 'div', 'address-line', (), $content)"/>
  </xsl:template>

  <!-- An entry of an apparatus of its own: the place it is keyed to, then the entry. -->
  <xsl:template match="il:apparatus-entry" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="location" select="il:apparatus-location($node)"/>
    <xsl:sequence select="il:running-block($node, 'p', 'apparatus-entry', (),
        ($location[.] ! (il:span('apparatus-location', '(' || . || ')'), ' '), $content))"/>
  </xsl:template>

  <!-- ============================================================ lists -->

  <xsl:template match="il:list | il:link-list" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:list-block($node, local-name(), $content)"/>
  </xsl:template>

  <!-- An item: li, its marker (label or number) first when it has one. -->
  <xsl:template match="il:list-item | il:link-item" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="marker" select="il:list-marker($node)"/>
    <xsl:sequence select="il:running-block($node, 'li', local-name(), (),
        ($marker[.] ! (il:span('list-marker', .), ' '), $content))"/>
  </xsl:template>

  <!-- A list: ul of its items. What else it holds stays valid HTML: its heading goes before the
       ul (both in a div), any other block (a list in a list, a note) into an li of its own. -->
  <xsl:function name="il:list-block" as="element()">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="elements" select="$content[. instance of element()]"/>
    <xsl:variable name="first-item" select="(for $i in 1 to count($elements) return $i[$elements[$i]/self::li])[1]"/>
    <xsl:variable name="before" select="if ($first-item) then subsequence($elements, 1, $first-item - 1) else $elements"/>
    <xsl:variable name="items" select="if ($first-item) then subsequence($elements, $first-item) else ()"/>
    <xsl:variable name="list" as="element(ul)">
      <ul class="{$class}">
        <xsl:sequence select="$items ! (if (self::li) then . else il:list-item-of(.))"/>
      </ul>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="empty($before) and exists($items)">
        <ul>
          <xsl:sequence select="il:block-attributes($node, $class), $list/node()"/>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:sequence select="il:block-attributes($node, $class || '-block'), il:block-number($node), $before"/>
          <xsl:sequence select="$list[li]"/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="il:list-item-of" as="element(li)">
    <xsl:param name="block" as="element()"/>
    <li class="list-part"><xsl:sequence select="$block"/></li>
  </xsl:function>

  <!-- ============================================================ figures and tables -->

  <!-- A figure: figure, its caption a figcaption when it comes first or last (HTML allows no
       other place), else a div. -->
  <xsl:template match="il:figure" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="elements" select="$content[. instance of element()]"/>
    <xsl:variable name="caption" select="($elements[1][self::figcaption], $elements[last()][self::figcaption])[1]"/>
    <figure>
      <xsl:sequence select="il:block-attributes($node, 'figure'), il:block-number($node)"/>
      <xsl:sequence select="$content ! (if (self::figcaption and not(. is $caption)) then il:renamed(., 'div') else .)"/>
    </figure>
  </xsl:template>

  <xsl:template match="il:caption" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:running-block($node, 'figcaption', 'caption', (), $content)"/>
  </xsl:template>

  <!-- An image is not loaded (the site asks no other host for anything, and a file the TEI names
       is not published): its address stands, as a link when it may be one. -->
  <xsl:template match="il:graphic" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:if test="$content">
      <p>
        <xsl:sequence select="il:block-attributes($node, 'graphic'), il:graphic($content)"/>
      </p>
    </xsl:if>
  </xsl:template>

  <!-- A table: table, its caption first; what is neither a row nor a leading caption goes beside
       it, in a div with it (a table holds only rows and one caption). -->
  <xsl:template match="il:table" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="elements" select="$content[. instance of element()]"/>
    <xsl:variable name="caption" select="$elements[1][self::figcaption]"/>
    <xsl:variable name="rest" select="$elements except $caption"/>
    <xsl:choose>
      <xsl:when test="every $e in $rest satisfies $e/self::tr">
        <table>
          <xsl:sequence select="il:block-attributes($node, 'table')"/>
          <xsl:if test="$caption or il:block-number($node)">
            <caption><xsl:sequence select="il:block-number($node), $caption/(@* except @class), $caption/node()"/></caption>
          </xsl:if>
          <xsl:sequence select="$rest"/>
        </table>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:sequence select="il:block-attributes($node, 'table-block'), il:block-number($node)"/>
          <xsl:for-each-group select="$elements" group-adjacent="exists(self::tr)">
            <xsl:choose>
              <xsl:when test="current-grouping-key()"><table class="table"><xsl:sequence select="current-group()"/></table></xsl:when>
              <xsl:otherwise><xsl:sequence select="current-group() ! (if (self::figcaption) then il:renamed(., 'div') else .)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:for-each-group>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A row: tr of its cells; anything else in it in a cell of its own. -->
  <xsl:template match="il:table-row" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <tr>
      <xsl:sequence select="il:block-attributes($node, 'table-row')"/>
      <xsl:sequence select="$content[. instance of element()] ! (if (self::td or self::th) then . else il:cell-of(.))"/>
    </tr>
  </xsl:template>

  <xsl:function name="il:cell-of" as="element(td)">
    <xsl:param name="block" as="element()"/>
    <td><xsl:sequence select="$block"/></td>
  </xsl:function>

  <!-- A cell: th when it or its row is a label (role="label"), else td; its spans from @cols and
       @rows. A cell outside a table (a row standing alone) is a div. -->
  <xsl:template match="il:table-cell" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="in-table" select="exists($node/parent::tei:row/parent::tei:table)"/>
    <xsl:variable name="label" select="($node/@role, $node/../@role)[1] = 'label'"/>
    <xsl:variable name="spans" as="attribute()*">
      <xsl:if test="$in-table">
        <xsl:sequence select="$node/@cols[. castable as xs:integer and xs:integer(.) gt 1] ! il:attribute('colspan', string(xs:integer(.)))"/>
        <xsl:sequence select="$node/@rows[. castable as xs:integer and xs:integer(.) gt 1] ! il:attribute('rowspan', string(xs:integer(.)))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="il:running-block($node, if (not($in-table)) then 'div' else if ($label) then 'th' else 'td', 'table-cell', $spans, $content)"/>
  </xsl:template>

  <!-- ============================================================ marks and lines of their own -->

  <!-- The line the source draws between two works, drawn as the source draws it. -->
  <xsl:template match="il:separator" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <p role="separator">
      <xsl:sequence select="il:block-attributes($node, 'separator')"/>
      <xsl:value-of select="$content"/>
    </p>
  </xsl:template>

  <!-- A page break of the source: an empty mark carrying the page's number (data-page), which the
       style sheet shows in the margin. -->
  <xsl:template match="il:page-break | il:column-break | il:milestone" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="il:break-mark($node, local-name(), $content, 'div')"/>
  </xsl:template>

  <xsl:template match="il:inclusion" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <p>
      <xsl:sequence select="il:block-attributes($node, 'inclusion')"/>
      <xsl:value-of select="il:inclusion-text($content)"/>
    </p>
  </xsl:template>

  <!-- An example of markup: the markup as text, as the source lays it out. -->
  <xsl:template match="il:example" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="xs:string"/>
    <pre>
      <xsl:sequence select="il:block-attributes($node, 'example')"/>
      <code><xsl:value-of select="replace($content, '^\s*\n|\n\s*$', '')"/></code>
    </pre>
  </xsl:template>

  <!-- ============================================================ helpers -->

  <!-- An element with another name, its attributes and content kept. -->
  <xsl:function name="il:renamed" as="element()">
    <xsl:param name="element" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:element name="{$name}">
      <xsl:sequence select="$element/@*, $element/node()"/>
    </xsl:element>
  </xsl:function>

  <!-- Does content have text (a heading that says nothing is left out)? -->
  <xsl:function name="il:has-text" as="xs:boolean">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="some $item in $content satisfies normalize-space(string($item)) != ''"/>
  </xsl:function>

</xsl:stylesheet>
