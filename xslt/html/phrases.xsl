<?xml version="1.0" encoding="UTF-8"?>
<!--
  The HTML form of the inline roles (hook il:make-inline, see xslt/common/hooks.xsl).
  PROVISIONAL: one generic rule for every role, to be replaced by a rule per role.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <xsl:template match="*" mode="il:make-inline">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="content" as="item()*"/>
    <span class="{local-name()}"><xsl:sequence select="$content"/></span>
  </xsl:template>

</xsl:stylesheet>
