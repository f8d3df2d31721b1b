<?xml version="1.0" encoding="UTF-8"?>
<!--
  Links in the reading text: names to the pages of their register entries, with a tooltip made at
  build time (what the entry is, its full name, a person's dates, a place's coordinates, the
  editors' note); cited works to their bibliography entry; links of the source to where they point,
  live only when il:safe-url allows it (page.xsl), marked as external, rel="noopener noreferrer";
  pointers within the text to the place they point to, when that place is on the page.

  Register entries are found in the edition document ($edition, params.xsl) through a key (one
  lookup per name, not a search of the registers); in TEI published without an edition, a name's
  "#id" finds the entry in the document's own lists (particDesc, listPerson…): a tooltip, no page.

  HTML never puts a link inside a link: a phrase that would (a title holding a linked name) keeps
  its inner links and gets a small link of its own after its text (il:link).

  HTML form only; decides no meaning of the TEI and implements no hook. Uses il:safe-url and il:href
  (page.xsl), il:register-pointer and il:entry-url (links.xsl), which the entry stylesheet imports.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:site="urn:interlinea:site"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The entries of the edition's registers, by "<register>#<xml:id>" ("persons#putin"). -->
  <xsl:key name="il:register-entry" match="tei:TEI[@site:file]//*[@xml:id]"
      use="ancestor::tei:TEI[@site:file][1]/@site:file || '#' || @xml:id"/>

  <!-- What each kind of entry is called in a tooltip. -->
  <xsl:variable name="il:entity-kinds" as="map(xs:string, xs:string)" select="map {
      'person': 'Person', 'personGrp': 'Group of persons', 'place': 'Place', 'org': 'Organisation',
      'event': 'Event', 'object': 'Object', 'nym': 'Name', 'bibl': 'Work', 'biblStruct': 'Work',
      'persName': 'Person', 'placeName': 'Place', 'orgName': 'Organisation', 'geogName': 'Place',
      'settlement': 'Place', 'region': 'Place', 'country': 'Place', 'bloc': 'Place', 'district': 'Place',
      'objectName': 'Object', 'title': 'Work' }"/>

  <!-- The class a name gets from its entry or its element: name-person, name-place… -->
  <xsl:variable name="il:entity-classes" as="map(xs:string, xs:string)" select="map {
      'Person': 'person', 'Group of persons': 'person', 'Place': 'place', 'Organisation': 'organisation',
      'Event': 'event', 'Object': 'object', 'Work': 'work', 'Name': 'name' }"/>

  <!-- ============================================================ register entries -->

  <!-- The entry a pointer (@ref, @corresp: its first URI) names: in the edition's registers, else,
       for "#id", in the document of $context. -->
  <xsl:function name="il:entry" as="element()?">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="first" select="tokenize(string($pointer))[1]"/>
    <xsl:sequence select="
        if (starts-with($first, '#')) then key('il:id', substring($first, 2), root($context))[1][il:is-entry(.)]
        else il:registered-entry($first)"/>
  </xsl:function>

  <!-- The entry of the edition's registers a pointer names ("registers/persons.xml#putin"), if any.
       Cached: a text names the same entries again and again. -->
  <xsl:function name="il:registered-entry" as="element()?" cache="yes">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="if (exists($edition) and contains($pointer, '.xml#'))
        then key('il:register-entry', il:register-key($pointer), $edition)[1] else ()"/>
  </xsl:function>

  <!-- A pointer into a register as the key il:register-entry has it: "registers/persons.xml#putin"
       gives "persons#putin" (as il:register-pointer reads it, without its regular expression: this
       runs for every name of a text). -->
  <xsl:function name="il:register-key" as="xs:string">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="tokenize(substring-before($pointer, '.xml#'), '/')[last()] || '#' || substring-after($pointer, '.xml#')"/>
  </xsl:function>

  <xsl:function name="il:is-entry" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="local-name($element) = ('person', 'personGrp', 'place', 'org', 'event', 'object', 'nym', 'bibl', 'biblStruct')"/>
  </xsl:function>

  <!-- The page of the site of the entry a pointer names (an entry of the edition's registers), if
       there is one. Cached: a text names the same entries again and again. -->
  <xsl:function name="il:entry-page" as="xs:string?" cache="yes">
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(string($pointer))[1]"/>
    <xsl:sequence select="if (exists(il:registered-entry($first))) then il:entry-url($first) else ()"/>
  </xsl:function>

  <!-- What kind of thing an entry (or, without one, a name's element) is: "Person", "Place"… -->
  <xsl:function name="il:entity-kind" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="($il:entity-kinds(local-name($element)), 'Name')[1]"/>
  </xsl:function>

  <!-- An entry's name: the main name in $lang, else in English, else its first main name, else its
       first name; a bibliography entry's title. -->
  <xsl:function name="il:entity-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name | tei:geogName
        | tei:objectName | tei:title | tei:label | tei:monogr/tei:title | tei:analytic/tei:title)"/>
    <xsl:variable name="main" select="$names[not(@type) or @type = ('main', 'full', 'reg')]"/>
    <xsl:variable name="chosen" select="($main[il:lang(.) = $lang], $main[il:lang(.) = 'en'], $main, $names)[1]"/>
    <xsl:sequence select="if ($chosen) then il:plain-text($chosen) else string($entry/@xml:id)"/>
  </xsl:function>

  <!-- A person's dates, "(1871–1919)", "(born 1952)", "(died 1990)"; a place's coordinates,
       "43.25° N, 76.95° E". -->
  <xsl:function name="il:entity-facts" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="birth" select="il:date-of($entry/tei:birth[1])"/>
    <xsl:variable name="death" select="il:date-of($entry/tei:death[1])"/>
    <xsl:variable name="geo" select="($entry/tei:location/tei:geo, $entry/tei:geo)[1]"/>
    <xsl:sequence select="
        if ($birth and $death) then '(' || $birth || '–' || $death || ')'
        else if ($birth) then '(born ' || $birth || ')'
        else if ($death) then '(died ' || $death || ')'
        else if ($geo) then il:coordinates($geo)
        else ()"/>
  </xsl:function>

  <!-- A date of birth or death: its normalised value (@when, or the range it is known in), else its
       text. -->
  <xsl:function name="il:date-of" as="xs:string?">
    <xsl:param name="event" as="element()?"/>
    <xsl:variable name="range" select="string-join(($event/@notBefore, $event/@notAfter), '/')"/>
    <xsl:sequence select="($event/@when/string(), $range, $event/@from/string(), $event ! il:plain-text(.))[normalize-space()][1]"/>
  </xsl:function>

  <!-- A geo's "latitude longitude" (TEI's default: decimal degrees, WGS 84) in words; as written
       when it is not two numbers. -->
  <xsl:function name="il:coordinates" as="xs:string">
    <xsl:param name="geo" as="element()"/>
    <xsl:variable name="parts" select="tokenize(normalize-space(translate($geo, ',', ' ')))"/>
    <xsl:sequence select="if (count($parts) = 2 and (every $p in $parts satisfies $p castable as xs:double))
        then il:degrees(xs:double($parts[1]), 'N', 'S') || ', ' || il:degrees(xs:double($parts[2]), 'E', 'W')
        else normalize-space($geo)"/>
  </xsl:function>

  <xsl:function name="il:degrees" as="xs:string">
    <xsl:param name="value" as="xs:double"/>
    <xsl:param name="positive" as="xs:string"/>
    <xsl:param name="negative" as="xs:string"/>
    <xsl:sequence select="string(abs($value)) || '° ' || (if ($value lt 0) then $negative else $positive)"/>
  </xsl:function>

  <!-- A name's tooltip: what it is, its full name, its dates or coordinates, the editors' note on
       it: "Person: Vladimir Putin · President of Russia". -->
  <xsl:function name="il:entity-description" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="note" select="($entry/tei:note[@type = 'editorial'], $entry/tei:note[not(@type)], $entry/tei:desc)[1]"/>
    <xsl:sequence select="string-join((
        il:entity-kind($entry) || ': ' || il:entity-label($entry, $lang),
        il:entity-facts($entry),
        if (local-name($entry) = ('bibl', 'biblStruct')) then () else $note ! il:plain-text(.)
      )[normalize-space()], ' · ')"/>
  </xsl:function>

  <!-- ============================================================ names, titles, links -->

  <!-- A name: a link to its entry's page with a tooltip, or a tooltip alone (an entry in the
       document itself), or a link to an authority (an absolute URL in @ref), or the name alone. -->
  <xsl:function name="il:name" as="item()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="ref" select="tokenize(string($node/@ref))[1]"/>
    <xsl:variable name="facts" select="if (contains($ref, '.xml#')) then il:registered-name($ref, il:lang($node))
        else if (starts-with($ref, '#')) then il:name-facts(il:entry($ref, $node), il:lang($node))
        else ()"/>
    <xsl:variable name="authority" select="empty($facts) and il:is-web-address($ref)"/>
    <xsl:variable name="class" select="'name name-' || ($facts?class, $il:entity-classes(il:entity-kind($node)))[1] || (if ($authority) then ' external' else '')"/>
    <xsl:variable name="attributes" select="il:phrase-attributes($node, $class), $facts?tooltip ! il:attribute('data-tooltip', .)"/>
    <xsl:sequence select="
        if (exists($facts?page)) then il:link($facts?page, false(), $attributes, $content, $facts?tooltip)
        else if ($authority) then il:link(il:href($ref), true(), $attributes, $content, 'Authority record: ' || $ref)
        else il:phrase('span', $attributes, $content)"/>
  </xsl:function>

  <!-- What a name pointing into the edition's registers shows: its entry's page, its tooltip (in
       the language of the text it stands in) and its class. Cached: a text names the same entries
       again and again. -->
  <xsl:function name="il:registered-name" as="map(xs:string, xs:string)?" cache="yes">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:variable name="entry" select="il:registered-entry($pointer)"/>
    <xsl:sequence select="$entry ! map:put(il:name-facts(., $lang), 'page', il:entry-url($pointer))" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <xsl:function name="il:name-facts" as="map(xs:string, xs:string)?">
    <xsl:param name="entry" as="element()?"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="$entry ! map { 'tooltip': il:entity-description(., $lang), 'class': $il:entity-classes(il:entity-kind(.)) }"/>
  </xsl:function>

  <!-- A cited title: cite, linked to its bibliography entry (title/@ref), or to the address in @ref. -->
  <xsl:function name="il:title" as="item()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="entry" select="il:entry($node/@ref, $node)"/>
    <xsl:variable name="page" select="il:entry-page($node/@ref)"/>
    <xsl:variable name="address" select="tokenize(string($node/@ref))[1][il:is-web-address(.)]"/>
    <xsl:variable name="attributes" as="attribute()*">
      <xsl:sequence select="il:phrase-attributes($node, 'title')"/>
      <xsl:if test="$entry">
        <xsl:attribute name="data-tooltip" select="il:entity-description($entry, il:lang($node))"/>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="target" select="($page, $address ! il:href(.))[1]"/>
    <xsl:choose>
      <xsl:when test="$target and not(il:has-link($content))">
        <cite>
          <xsl:sequence select="$attributes"/>
          <xsl:sequence select="il:link($target, empty($page), (), $content, '')"/>
        </cite>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="il:phrase('cite', $attributes, $content)"/>
        <xsl:sequence select="$target ! il:marker-link(., empty($page), 'In the bibliography: ' || il:plain-text($node))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A link of the source (ref): to its @target when it may be a link (a web address, or a place
       on this page); with a cited work (@corresp into the bibliography), a link to its entry after
       it. A link that may not be one keeps its text, inert. -->
  <xsl:function name="il:reference-link" as="item()+">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:variable name="targets" select="tokenize(string($node/@target))"/>
    <xsl:variable name="target" select="if (count($targets) = 1) then $targets else ()"/>
    <xsl:variable name="external" select="$target[il:is-web-address(.)]"/>
    <xsl:variable name="internal" select="$target[starts-with(., '#')][il:is-on-page(substring(., 2), $node)]"/>
    <xsl:variable name="work" select="il:entry($node/@corresp, $node)"/>
    <xsl:variable name="work-page" select="il:entry-page($node/@corresp)"/>
    <xsl:variable name="text" select="normalize-space(string-join($content ! string(.)))"/>
    <xsl:variable name="class" select="string-join(('link', if ($external) then 'external' else (), if ($external and $text = normalize-space($external)) then 'shows-address' else ()), ' ')"/>
    <xsl:variable name="attributes" select="il:phrase-attributes($node, $class)"/>
    <xsl:choose>
      <xsl:when test="$external or $internal">
        <xsl:sequence select="il:link(il:href(($external, $internal)[1]), exists($external), $attributes, $content, ($external, 'Go to ' || $internal)[1])"/>
        <xsl:sequence select="$work-page ! il:marker-link(., false(), string-join(('In the bibliography', $work ! il:entity-label(., il:lang($node))), ': '))"/>
      </xsl:when>
      <xsl:when test="$work-page">
        <xsl:sequence select="il:link($work-page, false(), $attributes, $content, string-join(('In the bibliography', $work ! il:entity-label(., il:lang($node))), ': '))"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="il:phrase('span', $attributes, $content)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A pointer (ptr): to a place on the page, an arrow; to a web address, the address as a link;
       anything else, the address as inert text (as the text edition shows it). -->
  <xsl:function name="il:pointer" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="target" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="starts-with($target, '#') and il:is-on-page(substring($target, 2), $node)">
        <a href="{$target}" aria-label="Go to {substring($target, 2)}">
          <xsl:sequence select="il:phrase-attributes($node, 'pointer')"/>
          <xsl:text>→</xsl:text>
        </a>
      </xsl:when>
      <xsl:when test="starts-with($target, '#')"/>
      <xsl:when test="il:is-web-address($target)">
        <a href="{il:href($target)}" rel="noopener noreferrer">
          <xsl:sequence select="il:phrase-attributes($node, 'pointer external shows-address')"/>
          <xsl:value-of select="$target"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:sequence select="il:phrase-attributes($node, 'pointer')"/>
          <xsl:value-of select="$target"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- An image of the source: not loaded, its address in brackets, a link when it may be one. -->
  <xsl:function name="il:graphic" as="item()*">
    <xsl:param name="url" as="xs:string"/>
    <xsl:text>[image: </xsl:text>
    <xsl:choose>
      <xsl:when test="il:is-web-address($url)">
        <a class="external shows-address" href="{il:href($url)}" rel="noopener noreferrer"><xsl:value-of select="$url"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$url"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:function>

  <!-- A link around content ($external: to another site, rel="noopener noreferrer"); when the
       content holds a link already, the content with its attributes in a span and the link after it
       (il:marker-link), $label naming where it goes. -->
  <xsl:function name="il:link" as="item()+">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="external" as="xs:boolean"/>
    <xsl:param name="attributes" as="attribute()*"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:choose>
      <!-- the usual case (a name that is text alone, which holds neither a link nor a block): the
           link at once, as il:phrase would make it, without its checks (this runs for every name) -->
      <xsl:when test="every $item in $content satisfies $item instance of text()">
        <a>
          <xsl:sequence select="$attributes"/>
          <xsl:attribute name="href" select="$href"/>
          <xsl:if test="$external">
            <xsl:attribute name="rel" select="'noopener noreferrer'"/>
          </xsl:if>
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:when test="il:has-link($content)">
        <xsl:sequence select="il:phrase('span', $attributes, $content), il:marker-link($href, $external, $label)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="il:phrase('a', ($attributes, il:attribute('href', $href), if ($external) then il:attribute('rel', 'noopener noreferrer') else ()), $content)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A small link after a phrase (a space between), to where the phrase points, named by $label:
       "bibl." to its entry in the bibliography, an arrow to another site, "→" to another page of
       the edition. -->
  <xsl:function name="il:marker-link" as="item()+">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="external" as="xs:boolean"/>
    <xsl:param name="label" as="xs:string"/>
    <xsl:text> </xsl:text>
    <a class="marker-link{if ($external) then ' external' else ''}" href="{$href}" aria-label="{$label}" title="{$label}" data-pagefind-ignore="">
      <xsl:if test="$external">
        <xsl:attribute name="rel" select="'noopener noreferrer'"/>
      </xsl:if>
      <xsl:value-of select="if ($external) then '↗' else if (contains($href, 'bibliography.html#')) then 'bibl.' else '→'"/>
    </a>
  </xsl:function>

  <!-- ============================================================ where a link may go -->

  <!-- An address of the web that may be a live link: http, https or mailto, as il:safe-url allows
       (a relative address of a file of the source would lead nowhere in the site). -->
  <xsl:function name="il:is-web-address" as="xs:boolean" cache="yes">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="start" select="lower-case(substring(normalize-space($url), 1, 8))"/>
    <!-- the test of the scheme first: it rules out most values (pointers into registers) at no
         cost, before il:safe-url's regular expressions, which decide -->
    <xsl:sequence select="(starts-with($start, 'http://') or starts-with($start, 'https://') or starts-with($start, 'mailto:'))
        and il:safe-url($url)"/>
  </xsl:function>

  <!-- Is the element with this xml:id on the page (in the reading text, published, with its id)? -->
  <xsl:function name="il:is-on-page" as="xs:boolean">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="target" select="key('il:id', $id, root($context))[1]"/>
    <xsl:sequence select="exists($target) and exists($target/ancestor::tei:text)
        and empty($target/ancestor-or-self::*[local-name() = $il:not-on-page])
        and not($deletions = 'omit' and $target/ancestor-or-self::tei:del)"/>
  </xsl:function>

  <!-- Elements whose content is not on the page (annotations of the text, the header). -->
  <xsl:variable name="il:not-on-page" as="xs:string*" select="(
      'teiHeader', 'index', 'anchor', 'link', 'linkGrp', 'interp', 'interpGrp', 'span', 'spanGrp',
      'certainty', 'precision', 'respons', 'alt', 'altGrp', 'join', 'joinGrp', 'timeline', 'fs',
      'fLib', 'fvLib', 'handShift', 'addSpan', 'delSpan', 'damageSpan', 'lacunaStart', 'lacunaEnd',
      'witStart', 'witEnd', 'variantEncoding', 'rdg', 'witDetail')"/>

</xsl:stylesheet>
