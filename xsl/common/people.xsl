<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [
  <!-- The parts a personname may be made of instead of plain text. -->
  <!ENTITY name-parts "db:honorific | db:firstname | db:givenname | db:surname | db:lineage | db:othername">
]>
<!-- people.xsl: names of people and organisations, and the credits of the title page: authors,
     editors and other contributors, each under the label of their role. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <!-- A name in running text: its parts (honorific, given names, surname, lineage) one space
       apart, after the anchors of the index terms inside it. -->
  <xsl:template match="db:personname[&name-parts;]">
    <span class="personname">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="index-anchors"/>
      <xsl:apply-templates select="." mode="name-text"/>
    </span>
  </xsl:template>

  <!-- A credited person inside text: their name and, kept short, their organisation. -->
  <xsl:template match="db:author | db:editor | db:othercredit">
    <span class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="index-anchors"/>
      <xsl:apply-templates select="." mode="credit-text"/>
    </span>
  </xsl:template>

  <!-- Where a name is written as plain words, the index terms inside it still leave their
       anchors, which the index links to. -->
  <xsl:template name="index-anchors">
    <xsl:apply-templates select=".//db:indexterm"/>
  </xsl:template>

  <!-- The plain words of a name: each part's words once, one space apart, without the words of
       index terms, footnotes or remarks. -->
  <xsl:template match="db:personname[&name-parts;]" mode="name-text">
    <xsl:for-each select="&name-parts;">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="plain"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="db:author | db:editor | db:othercredit" mode="name-text">
    <xsl:apply-templates select="(db:personname | db:orgname)[1]" mode="name-text"/>
  </xsl:template>
  <xsl:template match="*" mode="name-text">
    <xsl:apply-templates select="." mode="plain"/>
  </xsl:template>

  <xsl:template match="db:personname[&name-parts;] | db:author | db:editor | db:othercredit" mode="plain-text">
    <xsl:apply-templates select="." mode="name-text"/>
  </xsl:template>

  <!-- "Name, Organisation": the first organisation of a person's affiliation, nothing more. -->
  <xsl:template match="*" mode="credit-text">
    <xsl:apply-templates select="." mode="name-text"/>
    <xsl:for-each select="db:personname/../db:affiliation[db:orgname][1]">
      <xsl:text>, </xsl:text><xsl:apply-templates select="db:orgname" mode="plain"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The title page's credits: the authors, then each other role under its label
       ("Edited by ...", "Illustrations: ..."). -->
  <xsl:template name="titlepage-credits">
    <xsl:param name="info"/>
    <xsl:variable name="credits" select="$info/db:author | $info/db:editor | $info/db:othercredit
        | $info/db:authorgroup/db:author | $info/db:authorgroup/db:editor | $info/db:authorgroup/db:othercredit"/>
    <xsl:for-each select="$credits[self::db:author]">
      <p class="author"><xsl:call-template name="index-anchors"/><xsl:apply-templates select="." mode="credit-text"/></p>
    </xsl:for-each>
    <xsl:for-each select="$credits[not(self::db:author)]">
      <p class="credit {local-name()}">
        <xsl:call-template name="index-anchors"/>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="concat('credit-', local-name(), substring(concat('-', @class), 1 div boolean(@class)))"/>
          <xsl:with-param name="t"><xsl:apply-templates select="." mode="credit-text"/></xsl:with-param>
        </xsl:call-template>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
