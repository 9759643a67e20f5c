<?xml version="1.0" encoding="UTF-8"?>
<!-- revhistory.xsl: a revision history as a table: number, date, author and what changed. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <xsl:template match="db:revhistory">
    <div class="table-wrap revhistory">
      <xsl:call-template name="table-wrap-attributes"/>
      <table>
        <xsl:call-template name="common-attributes"/>
        <caption><xsl:apply-templates select="." mode="title-markup"/></caption>
        <thead>
          <tr>
            <th scope="col"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'revnumber'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'revdate'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'revauthor'"/></xsl:call-template></th>
            <th scope="col"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'revremark'"/></xsl:call-template></th>
          </tr>
        </thead>
        <tbody><xsl:apply-templates select="db:revision"/></tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="db:revhistory" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'revhistory'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:revision">
    <tr>
      <xsl:call-template name="common-attributes"/>
      <td><xsl:apply-templates select="db:revnumber/node()"/></td>
      <td><xsl:call-template name="readable-date"><xsl:with-param name="date" select="normalize-space(db:date)"/></xsl:call-template></td>
      <td>
        <xsl:for-each select="db:authorinitials | db:author">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="." mode="name-text"/>
        </xsl:for-each>
      </td>
      <td><xsl:apply-templates select="db:revremark/node() | db:revdescription/node()"/></td>
    </tr>
  </xsl:template>
</xsl:stylesheet>
