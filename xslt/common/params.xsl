<?xml version="1.0" encoding="UTF-8"?>
<!--
  The parameters every Interlinea output understands. The publisher (src/interlinea/publish/) sets
  them for each document; nothing here is specific to one edition. Every stylesheet parameter of
  every layer and format is declared here, each with its doc comment, and nowhere else. Decides no
  meaning and no form; implements no hook.
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  exclude-result-prefixes="#all">

  <!-- Number each citable block with its @n, as "[12] ", so that passages can be cited. -->
  <xsl:param name="numbered" as="xs:boolean" select="false()"/>

  <!-- Wrap lines at this many characters (0: do not wrap). A URL is never broken. -->
  <xsl:param name="wrap" as="xs:integer" select="0"/>

  <!-- Publish only the work with this @n (a division with its own language); empty: the whole text. -->
  <xsl:param name="work" as="xs:string" select="''"/>

  <!-- Where the edition is published (the manifest's edition.url), for citations; empty if unknown. -->
  <xsl:param name="edition-url" as="xs:string" select="''"/>

  <!-- The name and version of the program that publishes, for the colophon. -->
  <xsl:param name="generator" as="xs:string" select="'Interlinea'"/>

</xsl:stylesheet>
