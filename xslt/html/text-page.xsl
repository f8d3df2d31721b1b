<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parts of a text's page: the title (h1, in the text's language); the panel beside the text:
  the header panel (text-header.xsl), the parallel views of its works, the cite box and the
  downloads (text-cite.xsl); and the reading text itself. The reading text is an article
  in the text's language (lang, and dir="rtl" for a right-to-left one) marked for the search
  (data-pagefind-body); its blocks are made by the hooks (blocks.xsl, phrases.xsl). A teiCorpus
  gives all its documents, each an article of its own in it.

  HTML form only; implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- The content of the page (what main holds): the title; the panel beside the text (what the
       text is, its parallel views, how to cite it, its files), which a wide screen shows beside the
       reading text and a narrow one around it (text.css); the reading text. -->
  <xsl:function name="il:text-content" as="element()">
    <xsl:param name="root" as="element()"/>
    <xsl:variable name="title" select="il:titles($root)[1]"/>
    <div class="text-page">
      <h1 data-pagefind-meta="title">
        <xsl:sequence select="$title ! il:language-of-container(il:lang(.))"/>
        <xsl:value-of select="il:page-title($root)"/>
      </h1>
      <div class="text-side">
        <xsl:sequence select="il:text-header($root), il:parallel-views($root), il:cite-box($root), il:downloads($root)"/>
      </div>
      <article class="reading-text" data-pagefind-body="">
        <xsl:sequence select="il:language-of-container(il:document-language($root))"/>
        <xsl:sequence select="il:blocks(il:reading-nodes($root, ()))"/>
      </article>
    </div>
  </xsl:function>

  <!-- The title of the page: the text's main title, else its identifier, else its root's name. -->
  <xsl:function name="il:page-title" as="xs:string">
    <xsl:param name="root" as="element()"/>
    <xsl:sequence select="(il:main-title($root)[.], string($root/@xml:id)[.], 'Untitled ' || local-name($root))[1]"/>
  </xsl:function>

</xsl:stylesheet>
