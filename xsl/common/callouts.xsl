<?xml version="1.0" encoding="UTF-8"?>
<!-- callouts.xsl: numbered marks in verbatim text (co, coref, and the areas of an areaspec
     drawn at the end of their line) and the calloutlist that explains them, linked both ways.
     A mark is an inline link, so a listing's <pre> holds no block. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:set="http://exslt.org/sets" exclude-result-prefixes="db mx set">

  <!-- The callouts that explain a mark, by the mark's (or its areaset's) xml:id. -->
  <xsl:key name="callout" match="db:callout" use="id(@arearefs)/@xml:id"/>

  <!-- A mark (co or area): its number, linked to the callout that explains it. The number is
       the callout's place in its list, else the mark's place among the marks. -->
  <xsl:template match="db:co | db:area" mode="callout-mark">
    <xsl:param name="with-id" select="true()"/>
    <xsl:variable name="callout" select="(id(@linkends)[self::db:callout] | key('callout', @xml:id)
                                          | key('callout', parent::db:areaset/@xml:id))[1]"/>
    <xsl:variable name="number">
      <xsl:choose>
        <xsl:when test="$callout"><xsl:value-of select="count($callout/preceding-sibling::db:callout) + 1"/></xsl:when>
        <xsl:when test="self::db:area">
          <xsl:value-of select="count(ancestor-or-self::*[parent::db:areaspec]/preceding-sibling::*) + 1"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:number level="any" count="db:co" from="db:programlisting | db:screen | db:literallayout | db:synopsis"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="$callout">a</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:attribute name="class">co</xsl:attribute>
      <xsl:if test="$with-id"><xsl:call-template name="common-attributes"/></xsl:if>
      <xsl:if test="$callout">
        <xsl:attribute name="href"><xsl:apply-templates select="$callout" mode="href"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'callout'"/>
          <xsl:with-param name="n" select="$number"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:value-of select="$number"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="db:co">
    <xsl:apply-templates select="." mode="callout-mark"/>
  </xsl:template>

  <xsl:template match="db:coref">
    <xsl:apply-templates select="id(@linkend)" mode="callout-mark">
      <xsl:with-param name="with-id" select="false()"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- The list: each callout's number links back to the mark it explains. -->
  <xsl:template match="db:calloutlist">
    <xsl:call-template name="list-title"/>
    <dl class="calloutlist">
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="db:callout">
        <xsl:variable name="mark" select="id(@arearefs)[1]"/>
        <dt>
          <xsl:call-template name="common-attributes"/>
          <a class="co">
            <xsl:attribute name="href">
              <xsl:apply-templates select="($mark[not(self::db:areaset)] | $mark/db:area)[1]" mode="href"/>
            </xsl:attribute>
            <xsl:value-of select="position()"/>
          </a>
        </dt>
        <dd><xsl:apply-templates/></dd>
      </xsl:for-each>
    </dl>
  </xsl:template>

  <!-- A listing with an areaspec: the listing with its marks, then its callout lists. -->
  <xsl:template match="db:programlistingco | db:screenco">
    <div class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="*[not(self::db:areaspec or self::db:info)]"/>
    </div>
  </xsl:template>

  <!-- Text of such a listing: an area's mark goes at the end of the line its coords name
       (linecolumn, linerange and linecolumnpair units; other units have no place in text). -->
  <xsl:template match="db:programlistingco/db:programlisting//text() | db:screenco/db:screen//text()">
    <xsl:variable name="listing" select="ancestor::*[parent::db:programlistingco or parent::db:screenco][1]"/>
    <xsl:variable name="areas" select="$listing/../db:areaspec//db:area[not(@units) or @units = 'linecolumn'
                                       or @units = 'linerange' or @units = 'linecolumnpair']"/>
    <xsl:variable name="before">
      <xsl:for-each select="set:leading($listing//text(), .)"><xsl:value-of select="."/></xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="lines-with-marks">
      <xsl:with-param name="text" select="."/>
      <xsl:with-param name="line" select="1 + string-length($before) - string-length(translate($before, '&#10;', ''))"/>
      <xsl:with-param name="areas" select="$areas"/>
      <xsl:with-param name="last" select="not(set:trailing($listing//text(), .))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="lines-with-marks">
    <xsl:param name="text"/>
    <xsl:param name="line"/>
    <xsl:param name="areas"/>
    <xsl:param name="last"/>
    <xsl:choose>
      <xsl:when test="contains($text, '&#10;')">
        <xsl:value-of select="substring-before($text, '&#10;')"/>
        <xsl:call-template name="line-marks">
          <xsl:with-param name="areas" select="$areas"/>
          <xsl:with-param name="line" select="$line"/>
        </xsl:call-template>
        <xsl:text>&#10;</xsl:text>
        <xsl:call-template name="lines-with-marks">
          <xsl:with-param name="text" select="substring-after($text, '&#10;')"/>
          <xsl:with-param name="line" select="$line + 1"/>
          <xsl:with-param name="areas" select="$areas"/>
          <xsl:with-param name="last" select="$last"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$text"/>
        <xsl:if test="$last">
          <xsl:call-template name="line-marks">
            <xsl:with-param name="areas" select="$areas"/>
            <xsl:with-param name="line" select="$line"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="line-marks">
    <xsl:param name="areas"/>
    <xsl:param name="line"/>
    <xsl:for-each select="$areas[substring-before(concat(normalize-space(@coords), ' '), ' ') = $line]">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="callout-mark"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
