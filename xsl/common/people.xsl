<?xml version="1.0" encoding="UTF-8"?>
<!-- people.xsl: names of people and organisations, and the credits of the title page: authors,
     editors and other contributors, each under the label of their role. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <!-- A name in running text: its parts (honorific, given names, surname, lineage) one space apart. -->
  <xsl:template match="db:personname[*]">
    <span class="personname">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="." mode="name-text"/>
    </span>
  </xsl:template>

  <!-- A credited person inside text: their name and, kept short, their organisation. -->
  <xsl:template match="db:author | db:editor | db:othercredit">
    <span class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="." mode="credit-text"/>
    </span>
  </xsl:template>

  <!-- The plain words of a name: each part's words once, one space apart. -->
  <xsl:template match="db:personname[*]" mode="name-text">
    <xsl:for-each select="*">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="db:author | db:editor | db:othercredit" mode="name-text">
    <xsl:apply-templates select="(db:personname | db:orgname)[1]" mode="name-text"/>
  </xsl:template>
  <xsl:template match="*" mode="name-text">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>

  <xsl:template match="db:personname[*] | db:author | db:editor | db:othercredit" mode="plain-text">
    <xsl:apply-templates select="." mode="name-text"/>
  </xsl:template>

  <!-- "Name, Organisation": the first organisation of a person's affiliation, nothing more. -->
  <xsl:template match="*" mode="credit-text">
    <xsl:apply-templates select="." mode="name-text"/>
    <xsl:for-each select="db:personname/../db:affiliation[db:orgname][1]">
      <xsl:text>, </xsl:text><xsl:value-of select="normalize-space(db:orgname)"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The title page's credits: the authors, then each other role under its label
       ("Edited by ...", "Illustrations: ..."). -->
  <xsl:template name="titlepage-credits">
    <xsl:param name="info"/>
    <xsl:variable name="credits" select="$info/db:author | $info/db:editor | $info/db:othercredit
        | $info/db:authorgroup/db:author | $info/db:authorgroup/db:editor | $info/db:authorgroup/db:othercredit"/>
    <xsl:for-each select="$credits[self::db:author]">
      <p class="author"><xsl:apply-templates select="." mode="credit-text"/></p>
    </xsl:for-each>
    <xsl:for-each select="$credits[not(self::db:author)]">
      <p class="credit {local-name()}">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="concat('credit-', local-name(), substring(concat('-', @class), 1 div boolean(@class)))"/>
          <xsl:with-param name="t"><xsl:apply-templates select="." mode="credit-text"/></xsl:with-param>
        </xsl:call-template>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
