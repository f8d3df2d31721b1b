<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML form of the block roles (hook il:make-block, see xslt/common/hooks.xsl).
  PROVISIONAL: one generic rule for every role, to be replaced by a rule per role.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="il:format" as="xs:string" select="'html'"/>

  <xsl:template match="*" mode="il:make-block">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <div class="{local-name()}">
      <xsl:if test="$node/@xml:id"><xsl:attribute name="id" select="$node/@xml:id"/></xsl:if>
      <xsl:sequence select="$content"/>
    </div>
  </xsl:template>

</xsl:stylesheet>
