<?xml version="1.0" encoding="UTF-8"?>
<!--
  The hooks: the contract between the common layer, which decides what each TEI element means, and a
  format (text, HTML), which decides what it looks like. The modules of the common layer find the
  role an element plays and hand it to a hook; a format implements the hooks and nothing else of
  the TEI's meaning.

  Hooks:

    il:make-block($node as element(), $role as xs:string, $content as item()*) as item()*
        the form of one block. $node is the element that plays the role (its @xml:id, @n and
        language are there to be used; il:citation-number() says which number cites it; for the
        roles run and stanza made of loose text or loose verse lines, it is their container);
        $content is what it holds, already in the format's form: for a block of running text the
        result of mode il:inline over its children; for a block made of blocks (division, figure,
        list, speech…) the results of mode il:block over its parts; for a record (reference, entry,
        apparatus-entry) its fields; for a few roles a string (separator, page-break, graphic,
        example, document-title, inclusion). The roles, element by element, are listed at the top of
        each module: structure.xsl, blocks.xsl, verse-drama.xsl, records.xsl, apparatus.xsl,
        fallback.xsl, and flow.xsl (run, stanza).
    il:make-inline($node as element(), $role as xs:string, $content as item()*) as item()*
        the form of one phrase inside running text (name, link, emphasis, reading, footnote…);
        $content is the result of mode il:inline over its children (empty for a line break; a
        string for pointer, graphic, page-break…), or, for embedded-block, the block in mode
        il:block. Text itself reaches the format as the TEI's own text nodes. The roles are listed
        at the top of inline.xsl, transcription.xsl, apparatus.xsl, records.xsl, blocks.xsl,
        structure.xsl, verse-drama.xsl and fallback.xsl.

  What a block or a phrase holds is decided by the common layer (which reading of a choice, which
  of an apparatus, whether a deletion is published: the parameters in params.xsl); where it goes
  and how it looks (a note printed after its block or where it stands, brackets, indentation) is
  the format's.

  A format implements a hook with template rules in the mode of the same name, matching the role as
  an element of the il: namespace (the role "heading" is <il:heading/>; one rule may match several:
  match="il:heading | il:paragraph"), with the parameters $node and $content:

    <xsl:template match="il:heading" mode="il:make-block">
      <xsl:param name="node" as="element()"/>
      <xsl:param name="content" as="item()*"/>
      …
    </xsl:template>

  Its rules win over the defaults below by import precedence (a format imports common.xsl first,
  then its own modules). A role a format does not lay out falls to the default here, which stops
  the transformation naming the format, the role and the element: a format that forgets a role
  fails loudly instead of dropping text.

  A format also names itself in $il:format ("text"), for the messages of the common layer.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The name of the format, as messages say it ("the text stylesheet does not handle <hi> …");
       each format sets its own. -->
  <xsl:variable name="il:format" as="xs:string" select="'unnamed'"/>

  <xsl:function name="il:make-block" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:apply-templates select="il:role($role)" mode="il:make-block">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:apply-templates>
  </xsl:function>

  <xsl:function name="il:make-inline" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:apply-templates select="il:role($role)" mode="il:make-inline">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:apply-templates>
  </xsl:function>

  <!-- A role as an element of the namespace il: (heading: <il:heading/>), which the format's
       template rules match by name. Made once per role (cache): dispatching on element names is
       what XSLT processors index, unlike predicates on strings. -->
  <xsl:function name="il:role" as="element()" cache="yes">
    <xsl:param name="role" as="xs:string"/>
    <xsl:element name="il:{$role}"/>
  </xsl:function>

  <!-- The defaults: a role the format does not lay out. -->

  <xsl:template match="*" mode="il:make-block">
    <xsl:param name="node" as="element()" required="yes"/>
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> format does not lay out the block role "<xsl:value-of select="local-name()"/>" of &lt;<xsl:value-of select="name($node)"/>&gt; at <xsl:value-of select="il:where($node)"/></xsl:message>
  </xsl:template>

  <xsl:template match="*" mode="il:make-inline">
    <xsl:param name="node" as="element()" required="yes"/>
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> format does not lay out the inline role "<xsl:value-of select="local-name()"/>" of &lt;<xsl:value-of select="name($node)"/>&gt; at <xsl:value-of select="il:where($node)"/></xsl:message>
  </xsl:template>

</xsl:stylesheet>
