<?xml version="1.0" encoding="UTF-8"?>
<!-- tables.xsl: CALS tables (tgroup, colspec spans, morerows, first-column row headers) and
     DocBook's HTML-model tables, each in a wrapper the output layers dress. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template match="db:table | db:informaltable">
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <div class="table-wrap">
      <xsl:if test="$anchor != ''">
        <xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="table-wrap-attributes"/>
      <xsl:apply-templates select="." mode="table-element"/>
    </div>
  </xsl:template>

  <!-- Hook: what the wrapper of a table says about itself (the site makes it a scrollable
       region a keyboard can reach). -->
  <xsl:template name="table-wrap-attributes"/>

  <!-- The table's caption: its label and its caption or title. -->
  <xsl:template match="db:table | db:informaltable" mode="caption-markup">
    <xsl:variable name="label"><xsl:apply-templates select="." mode="label-text"/></xsl:variable>
    <xsl:if test="$label != ''">
      <span class="label"><xsl:value-of select="$label"/>.</span>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="db:caption"><xsl:apply-templates select="db:caption/node()"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="title-markup"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:table | db:informaltable" mode="table-element">
      <table>
        <xsl:if test="db:title | db:info/db:title | db:caption">
          <caption><xsl:apply-templates select="." mode="caption-markup"/></caption>
        </xsl:if>
        <xsl:apply-templates select="db:tgroup/db:thead | db:tgroup/db:tbody | db:tgroup/db:tfoot
            | db:thead | db:tbody | db:tfoot | db:tr"/>
      </table>
  </xsl:template>

  <!-- Is this entry a row header: in a table whose rowheader is firstcol, the first entry of a
       body row. -->
  <xsl:template name="is-row-header">
    <xsl:if test="ancestor::*[self::db:table or self::db:informaltable][1]/@rowheader = 'firstcol'
                  and not(ancestor::db:thead) and not(preceding-sibling::db:entry)">yes</xsl:if>
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
    <xsl:variable name="row-header"><xsl:call-template name="is-row-header"/></xsl:variable>
    <xsl:variable name="cell">
      <xsl:choose>
        <xsl:when test="ancestor::db:thead or $row-header = 'yes'">th</xsl:when>
        <xsl:otherwise>td</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$cell}">
      <xsl:choose>
        <xsl:when test="$row-header = 'yes'"><xsl:attribute name="scope">row</xsl:attribute></xsl:when>
        <xsl:when test="$cell = 'th'"><xsl:attribute name="scope">col</xsl:attribute></xsl:when>
      </xsl:choose>
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
