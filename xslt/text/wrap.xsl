<?xml version="1.0" encoding="UTF-8"?>
<!--
  Line wrapping for plain text: greedy, at spaces only, so that a URL (or any word longer than the
  line) is never broken: it goes on a line of its own. With $wrap = 0 a paragraph is one line.
  Text form only, used by the header block (header.xsl) and by the laying out of running text
  (running.xsl); decides no meaning and implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!--
    $lead: the first line's prefix (indent, label, number), kept as it is; $text: the text, its white
    space normalised to single spaces; $hanging: the prefix of every following line.
  -->
  <xsl:function name="il:wrap-hanging" as="xs:string">
    <xsl:param name="lead" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="hanging" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$wrap le 0">
        <xsl:sequence select="$lead || normalize-space($text)"/>
      </xsl:when>
      <xsl:when test="string-length($lead) + string-length($text) le $wrap">
        <xsl:sequence select="$lead || normalize-space($text)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="lines" as="xs:string*">
          <xsl:iterate select="tokenize(normalize-space($text), ' ')">
            <xsl:param name="line" as="xs:string" select="$lead"/>
            <xsl:param name="started" as="xs:boolean" select="false()"/>
            <xsl:on-completion>
              <xsl:sequence select="$line"/>
            </xsl:on-completion>
            <xsl:choose>
              <xsl:when test="not($started)">
                <xsl:next-iteration>
                  <xsl:with-param name="line" select="$line || ."/>
                  <xsl:with-param name="started" select="true()"/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:when test="string-length($line) + 1 + string-length(.) le $wrap">
                <xsl:next-iteration>
                  <xsl:with-param name="line" select="$line || ' ' || ."/>
                </xsl:next-iteration>
              </xsl:when>
              <xsl:otherwise>
                <xsl:sequence select="$line"/>
                <xsl:next-iteration>
                  <xsl:with-param name="line" select="$hanging || ."/>
                </xsl:next-iteration>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:variable>
        <xsl:sequence select="string-join($lines, '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
