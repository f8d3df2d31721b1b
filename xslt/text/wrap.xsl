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
        <!-- line by line: the longest start of the rest that fits and ends before a space; a word
             longer than the line stands alone on it -->
        <xsl:variable name="words" select="normalize-space($text)"/>
        <xsl:variable name="length" select="string-length($words)"/>
        <xsl:variable name="lines" as="xs:string*">
          <xsl:iterate select="1 to $length">
            <xsl:param name="start" as="xs:integer" select="1"/>
            <xsl:param name="prefix" as="xs:string" select="$lead"/>
            <xsl:variable name="room" select="$wrap - string-length($prefix)"/>
            <xsl:choose>
              <xsl:when test="$length - $start + 1 le $room">
                <xsl:sequence select="$prefix || substring($words, $start)"/>
                <xsl:break/>
              </xsl:when>
              <xsl:otherwise>
                <xsl:variable name="spaces" select="index-of(string-to-codepoints(substring($words, $start, max(($room, 0)) + 1)), 32)"/>
                <xsl:variable name="cut" select="if (exists($spaces)) then $spaces[last()]
                    else (index-of(string-to-codepoints(substring($words, $start)), 32)[1], $length - $start + 2)[1]"/>
                <xsl:sequence select="$prefix || substring($words, $start, $cut - 1)"/>
                <xsl:choose>
                  <xsl:when test="$start + $cut gt $length">
                    <xsl:break/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:next-iteration>
                      <xsl:with-param name="start" select="$start + $cut"/>
                      <xsl:with-param name="prefix" select="$hanging"/>
                    </xsl:next-iteration>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:iterate>
        </xsl:variable>
        <xsl:sequence select="string-join($lines, '&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
