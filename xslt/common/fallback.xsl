<?xml version="1.0" encoding="UTF-8"?>
<!--
  The fallback: what becomes of an element no module knows (a TEI element without a rendering of
  its own, an element of another namespace). It never fails and never drops text:

    role        where                                       content
    unknown     among blocks, holding running text, or      running text
                inside running text (mode il:inline)
    division    among blocks, holding only elements         its blocks

  Whether an unknown element stands among blocks or in running text is decided by its context
  (flow.xsl): it is running text where its container holds running text itself. Each element
  rendered here is reported with il:warn (rule "fallback"), so that a run lists the elements it
  did not know, with their counts (the publisher collects the messages, src/interlinea/publish/).

  il:warn is how any module reports something to the publisher without stopping: an xsl:message
  that starts with $il:warning-marker, then the rule, the element's path (path()) and the message,
  separated by tabs.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- How a message that is a warning starts (src/interlinea/publish/xslt.py reads it). -->
  <xsl:variable name="il:warning-marker" as="xs:string" select="'[interlinea:warning]'"/>

  <!-- Report a warning about an element; returns nothing. -->
  <xsl:function name="il:warn" as="empty-sequence()">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="rule" as="xs:string"/>
    <xsl:param name="message" as="xs:string"/>
    <xsl:message select="string-join(($il:warning-marker, $rule, path($node), $message), '&#9;')"/>
  </xsl:function>

  <!-- An element's name as a warning gives it: its prefixed name, and its namespace when it is not
       TEI's. -->
  <xsl:function name="il:element-name" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="name($element) || (if (namespace-uri($element) = ($il:tei, '')) then '' else ' (' || namespace-uri($element) || ')')"/>
  </xsl:function>

  <xsl:template match="*" mode="il:block" priority="-1">
    <xsl:sequence select="il:warn(., 'fallback', il:element-name(.))"/>
    <xsl:sequence select="if (il:holds-text(.)) then il:make-block(., 'unknown', il:inline(.))
        else il:make-block(., 'division', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="*" mode="il:inline" priority="-1">
    <xsl:sequence select="il:warn(., 'fallback', il:element-name(.))"/>
    <xsl:sequence select="il:make-inline(., 'unknown', il:inline(.))"/>
  </xsl:template>

</xsl:stylesheet>
