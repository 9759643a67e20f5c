<?xml version="1.0" encoding="UTF-8"?>
<!-- tabular-lists.xsl: lists laid out in rows and columns: a segmented list as a table headed by
     its segment titles, and a simple list in columns (type="vert" fills column by column,
     type="horiz" row by row). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <xsl:template match="db:segmentedlist">
    <div class="table-wrap segmentedlist">
      <xsl:call-template name="table-wrap-attributes"/>
      <table>
        <xsl:call-template name="common-attributes"/>
        <xsl:if test="db:title | db:info/db:title">
          <caption><xsl:apply-templates select="." mode="title-markup"/></caption>
        </xsl:if>
        <xsl:if test="db:segtitle">
          <thead>
            <tr>
              <xsl:for-each select="db:segtitle"><th scope="col"><xsl:apply-templates/></th></xsl:for-each>
            </tr>
          </thead>
        </xsl:if>
        <tbody>
          <xsl:for-each select="db:seglistitem">
            <tr>
              <xsl:for-each select="db:seg"><td><xsl:apply-templates/></td></xsl:for-each>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="db:simplelist[not(@type = 'inline')][@columns &gt; 1]">
    <xsl:variable name="columns" select="floor(@columns)"/>
    <xsl:variable name="rows" select="ceiling(count(db:member) div $columns)"/>
    <xsl:variable name="down" select="not(@type = 'horiz')"/>
    <xsl:variable name="members" select="db:member"/>
    <table class="simplelist" role="presentation">
      <xsl:call-template name="common-attributes"/>
      <tbody>
        <xsl:for-each select="$members[position() &lt;= $rows]">
          <xsl:variable name="row" select="position()"/>
          <tr>
            <xsl:for-each select="$members[position() &lt;= $columns]">
              <xsl:variable name="column" select="position()"/>
              <xsl:variable name="n">
                <xsl:choose>
                  <xsl:when test="$down"><xsl:value-of select="($column - 1) * $rows + $row"/></xsl:when>
                  <xsl:otherwise><xsl:value-of select="($row - 1) * $columns + $column"/></xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <td><xsl:apply-templates select="$members[position() = $n]/node()"/></td>
            </xsl:for-each>
          </tr>
        </xsl:for-each>
      </tbody>
    </table>
  </xsl:template>
</xsl:stylesheet>
