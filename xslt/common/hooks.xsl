<?xml version="1.0" encoding="UTF-8"?>
<!--
  The hooks: the contract between the common layer, which decides what each TEI element means, and a
  format (text, HTML), which decides what it looks like. The common templates (blocks.xsl,
  inline.xsl) find the role an element plays and hand it to a hook; a format implements the hooks
  and nothing else of the TEI's meaning.

  Hooks:

    il:make-block($node as element(), $role as xs:string, $content as item()*) as item()*
        the form of one block. $node is the element that plays the role (its @xml:id, @n and
        language are there to be used; il:citation-number() says which number cites it); $content is
        what it holds, already in the format's form: for a block of running text (heading,
        paragraph, note, byline, trailer, navigation, signature, dateline, caption, quotation,
        attribution, link-item) the result of mode il:inline over its children; for a block made of
        blocks (division, figure, closer, quoted-post, link-list) the results of mode il:block over
        its parts; for a separator the line as the source draws it.
    il:make-inline($node as element(), $role as xs:string, $content as item()*) as item()*
        the form of one phrase inside running text (name, link, title, date, author, line-break);
        $content is the result of mode il:inline over its children (empty for a line-break). Text
        itself reaches the format as the TEI's own text nodes.

  A format implements a hook with one template rule per role in the mode of the same name, applied
  to the role (a string), with the parameters $node and $content:

    <xsl:template match=".[. = 'heading']" mode="il:make-block">
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
    <xsl:apply-templates select="$role" mode="il:make-block">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:apply-templates>
  </xsl:function>

  <xsl:function name="il:make-inline" as="item()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:apply-templates select="$role" mode="il:make-inline">
      <xsl:with-param name="node" select="$node"/>
      <xsl:with-param name="content" select="$content"/>
    </xsl:apply-templates>
  </xsl:function>

  <!-- The defaults: a role the format does not lay out. -->

  <xsl:template match="." mode="il:make-block">
    <xsl:param name="node" as="element()" required="yes"/>
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> format does not lay out the block role "<xsl:value-of select="."/>" of &lt;<xsl:value-of select="name($node)"/>&gt; at <xsl:value-of select="il:where($node)"/></xsl:message>
  </xsl:template>

  <xsl:template match="." mode="il:make-inline">
    <xsl:param name="node" as="element()" required="yes"/>
    <xsl:message terminate="yes">the <xsl:value-of select="$il:format"/> format does not lay out the inline role "<xsl:value-of select="."/>" of &lt;<xsl:value-of select="name($node)"/>&gt; at <xsl:value-of select="il:where($node)"/></xsl:message>
  </xsl:template>

</xsl:stylesheet>
