<?xml version="1.0" encoding="UTF-8"?>
<!-- tables.xsl: CALS tables (tgroup, colspec spans, morerows) and DocBook's HTML-model tables,
     each in a scrolling wrapper so wide tables fit small screens. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template match="db:table | db:informaltable">
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <div class="table-wrap">
      <xsl:if test="$anchor != ''">
        <xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$output = 'html'">
        <xsl:attribute name="role">region</xsl:attribute>
        <xsl:attribute name="tabindex">0</xsl:attribute>
        <xsl:attribute name="aria-label">
          <xsl:choose>
            <xsl:when test="db:title | db:info/db:title | db:caption"><xsl:apply-templates select="." mode="title-text"/></xsl:when>
            <xsl:otherwise><xsl:call-template name="gentext"><xsl:with-param name="key" select="'table-untitled'"/></xsl:call-template></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </xsl:if>
      <table>
        <xsl:if test="db:title | db:info/db:title | db:caption">
          <caption>
            <xsl:variable name="label"><xsl:apply-templates select="." mode="label-text"/></xsl:variable>
            <xsl:if test="$label != ''">
              <span class="label"><xsl:value-of select="$label"/>.</span>
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:choose>
              <xsl:when test="db:caption"><xsl:apply-templates select="db:caption/node()"/></xsl:when>
              <xsl:otherwise><xsl:apply-templates select="." mode="title-markup"/></xsl:otherwise>
            </xsl:choose>
          </caption>
        </xsl:if>
        <xsl:apply-templates select="db:tgroup/db:thead | db:tgroup/db:tbody | db:tgroup/db:tfoot
            | db:thead | db:tbody | db:tfoot | db:tr"/>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="db:thead | db:tbody | db:tfoot">
    <xsl:element name="{local-name()}">
      <xsl:apply-templates select="db:row | db:tr"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="db:row | db:tr">
    <tr><xsl:apply-templates select="db:entry | db:td | db:th"/></tr>
  </xsl:template>

  <!-- The column number of a colspec named name in the entry's tgroup. -->
  <xsl:template name="column-of">
    <xsl:param name="name"/>
    <xsl:variable name="spec" select="ancestor::db:tgroup[1]/db:colspec[@colname = $name]"/>
    <xsl:choose>
      <xsl:when test="$spec/@colnum"><xsl:value-of select="$spec/@colnum"/></xsl:when>
      <xsl:when test="$spec"><xsl:value-of select="count($spec/preceding-sibling::db:colspec) + 1"/></xsl:when>
      <xsl:otherwise>0</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:entry">
    <xsl:variable name="cell">
      <xsl:choose>
        <xsl:when test="ancestor::db:thead">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$cell}">
      <xsl:if test="$cell = 'th'"><xsl:attribute name="scope">col</xsl:attribute></xsl:if>
      <xsl:if test="@namest and @nameend">
        <xsl:variable name="first"><xsl:call-template name="column-of"><xsl:with-param name="name" select="@namest"/></xsl:call-template></xsl:variable>
        <xsl:variable name="last"><xsl:call-template name="column-of"><xsl:with-param name="name" select="@nameend"/></xsl:call-template></xsl:variable>
        <xsl:if test="$last &gt; $first">
          <xsl:attribute name="colspan"><xsl:value-of select="$last - $first + 1"/></xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:if test="@morerows &gt; 0">
        <xsl:attribute name="rowspan"><xsl:value-of select="@morerows + 1"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="db:td | db:th">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@colspan | @rowspan | @scope"/>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
