<?xml version="1.0" encoding="UTF-8"?>
<!--
  Records: bibliographic references and registers (persons, places, organisations, events, names,
  objects, relations; TEI core bibliography and namesdates), and the parts they are made of. A
  record whose content is elements only (biblStruct, person, place…) is read field by field: each
  child that has text is a field, fields are separated by the role field-separator (il:fields); a
  record with running text of its own (most bibl) is read as running text.

    role              element                                    content
    attribution       cit/bibl                                   running text (author, date)
    reference         bibl, biblStruct (among blocks)            its fields
    bibliography      listBibl                                   its blocks: references (a head)
    register          listPerson, listPlace, listOrg, listEvent, its blocks: entries (a head)
                      listNym, listObject, listRelation
    entry             person, personGrp, place, org, event,      its fields
                      nym, object, relation

  In running text:

    reference         bibl, biblStruct                           its fields
    record            analytic, monogr, series, imprint,         its fields
                      respStmt, person, personGrp, place, org,
                      event, nym, object, relation, location
    field-separator   between two fields                         none
    bibliographic     publisher, pubPlace, biblScope, citedRange, running text
                      edition, extent, idno, distributor,
                      textLang, meeting, sponsor, funder,
                      principal, resp
    phrase            birth, death, floruit, occupation,         running text
                      affiliation, education, residence, faith,
                      nationality, sex, gender, age,
                      langKnowledge, socecStatus, state, trait,
                      geo, desc, offset; a note among fields
-->
<xsl:stylesheet version="3.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:il="urn:interlinea:xslt"
  exclude-result-prefixes="#all">

  <!-- A record's content: its running text, or its fields (children with text), separated. -->
  <xsl:function name="il:fields" as="item()*">
    <xsl:param name="record" as="element()"/>
    <xsl:choose>
      <xsl:when test="il:holds-text($record)">
        <xsl:sequence select="il:inline($record)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$record/*[normalize-space() or self::tei:ptr]">
          <xsl:if test="position() gt 1">
            <xsl:sequence select="il:make-inline(., 'field-separator', ())"/>
          </xsl:if>
          <xsl:sequence select="if (self::tei:note) then il:make-inline(., 'phrase', il:inline(.)) else il:apply-inline(.)"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- ============================================================ among blocks -->

  <xsl:template match="tei:cit/tei:bibl" mode="il:block">
    <xsl:sequence select="il:make-block(., 'attribution', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:bibl | tei:biblStruct" mode="il:block">
    <xsl:sequence select="il:make-block(., 'reference', il:fields(.))"/>
  </xsl:template>

  <xsl:template match="tei:listBibl" mode="il:block">
    <xsl:sequence select="il:make-block(., 'bibliography', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent | tei:listNym
      | tei:listObject | tei:listRelation" mode="il:block">
    <xsl:sequence select="il:make-block(., 'register', il:blocks(node()))"/>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:nym
      | tei:object | tei:relation" mode="il:block">
    <xsl:sequence select="il:make-block(., 'entry', il:fields(.))"/>
  </xsl:template>

  <!-- ============================================================ in running text -->

  <xsl:template match="tei:bibl | tei:biblStruct" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'reference', il:fields(.))"/>
  </xsl:template>

  <xsl:template match="tei:analytic | tei:monogr | tei:series | tei:imprint | tei:respStmt
      | tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:nym | tei:object
      | tei:relation | tei:location" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'record', il:fields(.))"/>
  </xsl:template>

  <xsl:template match="tei:publisher | tei:pubPlace | tei:biblScope | tei:citedRange | tei:edition
      | tei:extent | tei:idno | tei:distributor | tei:textLang | tei:meeting | tei:sponsor
      | tei:funder | tei:principal | tei:resp" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'bibliographic', il:inline(.))"/>
  </xsl:template>

  <xsl:template match="tei:birth | tei:death | tei:floruit | tei:occupation | tei:affiliation
      | tei:education | tei:residence | tei:faith | tei:nationality | tei:sex | tei:gender | tei:age
      | tei:langKnowledge | tei:socecStatus | tei:state | tei:trait | tei:geo | tei:desc
      | tei:offset" mode="il:inline">
    <xsl:sequence select="il:make-inline(., 'phrase', il:inline(.))"/>
  </xsl:template>

</xsl:stylesheet>
