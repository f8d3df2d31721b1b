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
  xmlns:il="urn:interlinea:xslt"
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

  <!-- ======================================================== what the reading text holds -->

  <!-- Which reading of a choice is published: 'regularised' (corr, reg, expan: the editor's
       reading; ex shown, am not), 'original' (sic, orig, abbr: the source as written; am shown, ex
       not), or 'both' (the editor's reading, then the source's as an alternative). -->
  <xsl:param name="choice" as="xs:string" select="'regularised'"/>

  <!-- What an apparatus entry (app) in running text publishes: 'lemma' (its lemma only; the other
       readings, their witnesses and the app's notes are left out), or 'apparatus' (its lemma, and
       an apparatus entry with the readings, their witnesses and the notes, laid out as a note). An
       apparatus of its own (listApp) is always published with its readings. -->
  <xsl:param name="app" as="xs:string" select="'lemma'"/>

  <!-- Whether what the writer deleted (del) is published: 'omit' (the text as the writer left it)
       or 'show' (the deleted text too, marked as deleted). -->
  <xsl:param name="deletions" as="xs:string" select="'omit'"/>

  <!-- ======================================================== how it is laid out -->

  <!-- Where a note inside running text goes: 'after-block' (a mark where it stands, [^1], and the
       note after the block that holds it, as a footnote) or 'in-place' (the note itself where it
       stands, in brackets). A note standing among blocks, and one with place="inline", stays where
       it is either way. -->
  <xsl:param name="notes" as="xs:string" select="'after-block'"/>

  <!-- Line breaks of the source (lb): 'keep' (each starts a new line of the block, as the source
       has it) or 'ignore' (running text flows; a line break is a space). A break inside a word
       (break="no") never breaks the word. -->
  <xsl:param name="line-breaks" as="xs:string" select="'keep'"/>

  <!-- Mark the page breaks of the source (pb) in the text, as [p. 12]. -->
  <xsl:param name="page-breaks" as="xs:boolean" select="false()"/>

  <!-- ======================================================== the web edition (xslt/html/) -->

  <!-- The page being made, as a path from the top of the site ("texts/organise-en.html"). -->
  <xsl:param name="page" as="xs:string" select="''"/>

  <!-- The relative URL of the top of the site from the page ("" or "../"): every link of the site
       is relative, so that it works from disk (file://) and from any server. -->
  <xsl:param name="root" as="xs:string" select="''"/>

  <!-- The edition document, made by src/interlinea/publish/site_data.py: the edition's metadata, every
       text's summary, the alignments, the relations of the works and the registers. Empty when a
       stylesheet is run on a TEI document alone. -->
  <xsl:param name="edition" as="document-node()?" select="()"/>

  <!-- For the pages made from the edition document by xslt/html/site.xsl: which page ("index",
       "registers", "map", "timeline", "bibliography", "about", "search", "entry"). -->
  <xsl:param name="site-page" as="xs:string" select="'index'"/>

  <!-- For an entry's page: the register's file name without ".xml" ("persons"). -->
  <xsl:param name="register" as="xs:string" select="''"/>

  <!-- For an entry's page: the entry's xml:id ("putin"). -->
  <xsl:param name="entry" as="xs:string" select="''"/>

  <!-- For the parallel view (xslt/html/parallel.xsl): the TEI of the text holding the alignment's
       first work. -->
  <xsl:param name="text-a" as="document-node()?" select="()"/>

  <!-- For the parallel view: the TEI of the text holding the second work (the same tree as
       $text-a when one text holds both). -->
  <xsl:param name="text-b" as="document-node()?" select="()"/>

  <!-- The values each parameter above accepts, for il:check-parameters (functions.xsl). -->
  <xsl:variable name="il:parameter-values" as="map(xs:string, xs:string*)" select="map {
      'choice': ('regularised', 'original', 'both'), 'app': ('lemma', 'apparatus'),
      'deletions': ('omit', 'show'), 'notes': ('after-block', 'in-place'),
      'line-breaks': ('keep', 'ignore') }"/>

</xsl:stylesheet>
