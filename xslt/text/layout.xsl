<?xml version="1.0" encoding="UTF-8"?>
<!--
  The form of the plain-text edition's blocks: this module implements the hook il:make-block of
  the common layer (xslt/common/hooks.xsl), one template rule per group of roles. What each TEI
  element is (its role) is decided in xslt/common/, not here; running text is laid out by
  running.xsl, phrases by phrases.xsl.

  Every block becomes a string of laid-out lines, and blocks are separated by one blank line.
  Headings, paragraphs, notes, signatures, verse lines and the like stand as they are; quotations,
  captions, image lines, figure descriptions, stage directions and examples of markup are indented
  by four spaces; the items of a list of links by two, their lines (label, title, URL) as in the
  source; the items of any other list after their marker ("- ", their label or number); a separator
  is drawn as in the source. The lines of a closer, an opener, an address, a quoted post, a stanza,
  a speech and a list follow each other without blank lines; a table's cells are aligned in columns
  separated by " | ". With $numbered, a citable block starts with its number ("[12] "); with $wrap,
  lines are wrapped (wrap.xsl), an example of markup and a table never.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  xmlns:array="http://www.w3.org/2005/xpath-functions/array"
  exclude-result-prefixes="#all">

  <!-- The name of this format in the messages of the common layer. -->
  <xsl:variable name="il:format" as="xs:string" select="'text'"/>

  <!-- ============================================================ blocks of blocks -->

  <!-- Each of its blocks standing on its own. -->
  <xsl:template match="il:division | il:figure | il:title-page | il:register | il:bibliography |
      il:apparatus | il:document"
      mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- Each of its blocks indented (a quotation is already). -->
  <xsl:template match="il:epigraph" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="$content ! (if (starts-with(., '    ')) then . else il:indent(., '    ', '    '))"/>
  </xsl:template>

  <!-- Its parts on consecutive lines: a closer (signature, dateline), an opener, an address, a
       quoted post (the quotation, its attribution under it), a stanza, a speech (the speaker, then
       what is said), a list. -->
  <xsl:template match="il:closer | il:opener | il:address | il:quoted-post | il:stanza |
      il:speech | il:list"
      mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="string-join($content[normalize-space()], $NL)"/>
  </xsl:template>

  <!-- A list of links: its items apart. -->
  <xsl:template match="il:link-list" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="string-join($content, $NL || $NL)"/>
  </xsl:template>

  <!-- A document of a corpus: its title, underlined, then its blocks. -->
  <xsl:template match="il:document-title" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if ($content) then $content || $NL || string-join((1 to string-length($content)) ! '-', '') else ''"/>
  </xsl:template>

  <!-- A table: its caption, then its rows, the cells of each column padded to the same width (not
       when a row would then be longer than $wrap). -->
  <xsl:template match="il:table" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="rows" select="$content[. instance of array(*)]"/>
    <xsl:variable name="widths" as="xs:integer*" select="
        for $i in 1 to max(($rows ! array:size(.), 0))
        return max($rows ! (if (array:size(.) ge $i) then string-length(.($i)) else 0))"/>
    <xsl:variable name="aligned" select="$rows ! il:table-line(., $widths)"/>
    <xsl:variable name="lines" select="if ($wrap gt 0 and (some $line in $aligned satisfies string-length($line) gt $wrap))
        then $rows ! il:table-line(., ()) else $aligned"/>
    <xsl:sequence select="string-join(($content[not(. instance of array(*))], $lines)[normalize-space()], $NL)"/>
  </xsl:template>

  <!-- A row: its cells, for the table to align. -->
  <xsl:template match="il:table-row" mode="il:make-block">
    <xsl:param name="content" as="xs:string*"/>
    <xsl:sequence select="array { $content }"/>
  </xsl:template>

  <!-- ============================================================ blocks of running text -->

  <xsl:template match="il:heading | il:paragraph | il:note | il:byline | il:trailer |
      il:navigation | il:signature | il:dateline | il:salute | il:address-line | il:imprint |
      il:label | il:speaker | il:formula | il:reference | il:entry | il:unknown"
      mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($node, '', $content)"/>
  </xsl:template>

  <xsl:template match="il:caption | il:quotation | il:figure-description | il:stage" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($node, '    ', $content)"/>
  </xsl:template>

  <!-- A verse line: wrapped lines hang by two more spaces than it. -->
  <xsl:template match="il:verse-line" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:paragraph($node, '', '  ', $content)"/>
  </xsl:template>

  <!-- Running text standing among blocks: a paragraph, never numbered (its node is a container). -->
  <xsl:template match="il:run" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:lay-out('', '', $content)"/>
  </xsl:template>

  <xsl:template match="il:attribution" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:lay-out('    ', '    ', $content)"/>
  </xsl:template>

  <!-- An item of a list of links: each of its lines (label, title, URL) as in the source, indented
       by two. -->
  <xsl:template match="il:link-item" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="number" select="il:number($node)"/>
    <xsl:sequence select="il:lay-out('  ' || $number, il:pad('  ', 2 + string-length($number)), $content)"/>
  </xsl:template>

  <!-- An item of any other list: "- ", or its label or number, then its text. -->
  <xsl:template match="il:list-item" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="marker" select="il:list-marker($node)"/>
    <xsl:variable name="lead" select="il:number($node) || (if ($marker) then $marker || ' ' else '- ')"/>
    <xsl:sequence select="il:lay-out($lead, il:pad('', string-length($lead)), $content)"/>
  </xsl:template>

  <!-- A cell: its text on one line. -->
  <xsl:template match="il:table-cell" mode="il:make-block">
    <xsl:param name="content" as="item()*"/>
    <xsl:sequence select="il:flat($content)"/>
  </xsl:template>

  <!-- An entry of an apparatus: its place, the lemma, "]", the readings with their witnesses. -->
  <xsl:template match="il:apparatus-entry" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="location" select="il:apparatus-location($node)"/>
    <xsl:variable name="lead" select="if ($location) then '(' || $location || ') ' else ''"/>
    <xsl:sequence select="il:without-final-semicolon(il:lay-out($lead, il:pad('', string-length($lead)), $content))"/>
  </xsl:template>

  <!-- ============================================================ lines of their own -->

  <!-- A separator line between works, drawn as in the source. -->
  <xsl:template match="il:separator" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="$content"/>
  </xsl:template>

  <!-- A page break: "[p. 12]" when $page-breaks, else nothing; column breaks and other milestones
       are not shown. -->
  <xsl:template match="il:page-break" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if ($page-breaks) then il:page-mark($content) else ''"/>
  </xsl:template>

  <xsl:template match="il:column-break | il:milestone" mode="il:make-block">
    <xsl:sequence select="''"/>
  </xsl:template>

  <xsl:template match="il:graphic" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="if ($content) then '    [image: ' || $content || ']' else ''"/>
  </xsl:template>

  <xsl:template match="il:inclusion" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="il:inclusion-mark($content)"/>
  </xsl:template>

  <!-- An example of markup: its lines as in the source (blank lines at either end left out), tabs
       as four spaces, their common indentation taken off (that of the lines after the first, when
       the first follows the start tag on its line), indented by four; never wrapped. -->
  <xsl:template match="il:example" mode="il:make-block">
    <xsl:param name="content" as="xs:string"/>
    <xsl:variable name="all" select="tokenize(translate(replace($content, '&#9;', '    '), '&#13;', ''), '&#10;')"/>
    <xsl:variable name="filled" select="for $i in 1 to count($all) return $i[normalize-space($all[$i])]"/>
    <xsl:variable name="lines" select="subsequence($all, $filled[1], $filled[last()] - $filled[1] + 1)"/>
    <xsl:variable name="measured" select="(if (il:starts-with-space($content)) then $lines else $lines[position() gt 1])[normalize-space()]"/>
    <xsl:variable name="margin" select="if (exists($measured)) then min($measured ! (string-length(.) - string-length(replace(., '^\s+', '')))) else 0"/>
    <xsl:sequence select="string-join($lines ! (if (not(normalize-space())) then ''
        else if (il:starts-with-space(.)) then '    ' || substring(., $margin + 1) else '    ' || .), $NL)"/>
  </xsl:template>

  <!-- ============================================================ helpers -->

  <!-- A row of a table as a line: its cells up to the last that has text, padded to $widths (none:
       not padded), " | " between. -->
  <xsl:function name="il:table-line" as="xs:string">
    <xsl:param name="row" as="array(*)"/>
    <xsl:param name="widths" as="xs:integer*"/>
    <xsl:variable name="all" select="array:flatten($row)"/>
    <xsl:variable name="cells" select="subsequence($all, 1, max((0, for $i in 1 to count($all) return $i[$all[$i]])))"/>
    <xsl:sequence select="string-join(
        for $i in 1 to count($cells) return if ($i lt count($cells) and exists($widths)) then il:pad($cells[$i], $widths[$i]) else $cells[$i],
        ' | ')"/>
  </xsl:function>

  <!-- Does a string start with white space? -->
  <xsl:function name="il:starts-with-space" as="xs:boolean">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="substring($text, 1, 1) = (' ', '&#9;', '&#10;', '&#13;')"/>
  </xsl:function>

  <!-- An apparatus entry ends with its last reading, not with the ";" after it. -->
  <xsl:function name="il:without-final-semicolon" as="xs:string">
    <xsl:param name="entry" as="xs:string"/>
    <xsl:sequence select="if (ends-with($entry, ';')) then substring($entry, 1, string-length($entry) - 1) else $entry"/>
  </xsl:function>

  <xsl:function name="il:page-mark" as="xs:string">
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="'[p. ' || (if ($n) then $n else '?') || ']'"/>
  </xsl:function>

  <xsl:function name="il:inclusion-mark" as="xs:string">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="'[not included: ' || $href || ']'"/>
  </xsl:function>

</xsl:stylesheet>
