<?xml version="1.0" encoding="UTF-8"?>
<!-- lists.xsl: itemized, ordered, variable and simple lists. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template name="list-title">
    <xsl:if test="db:title | db:info/db:title">
      <p class="list-title"><xsl:apply-templates select="." mode="title-markup"/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="db:itemizedlist">
    <xsl:call-template name="list-title"/>
    <ul>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:listitem"/>
    </ul>
  </xsl:template>

  <xsl:template match="db:orderedlist">
    <xsl:call-template name="list-title"/>
    <ol>
      <xsl:call-template name="common-attributes"/>
      <xsl:choose>
        <xsl:when test="@numeration = 'loweralpha'"><xsl:attribute name="type">a</xsl:attribute></xsl:when>
        <xsl:when test="@numeration = 'upperalpha'"><xsl:attribute name="type">A</xsl:attribute></xsl:when>
        <xsl:when test="@numeration = 'lowerroman'"><xsl:attribute name="type">i</xsl:attribute></xsl:when>
        <xsl:when test="@numeration = 'upperroman'"><xsl:attribute name="type">I</xsl:attribute></xsl:when>
      </xsl:choose>
      <xsl:if test="@startingnumber">
        <xsl:attribute name="start"><xsl:value-of select="@startingnumber"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="db:listitem"/>
    </ol>
  </xsl:template>

  <xsl:template match="db:listitem">
    <li>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <xsl:template match="db:variablelist">
    <xsl:call-template name="list-title"/>
    <dl>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:varlistentry"/>
    </dl>
  </xsl:template>

  <xsl:template match="db:varlistentry">
    <xsl:for-each select="db:term">
      <dt>
        <xsl:if test="position() = 1">
          <xsl:for-each select=".."><xsl:call-template name="common-attributes"/></xsl:for-each>
        </xsl:if>
        <xsl:apply-templates/>
      </dt>
    </xsl:for-each>
    <dd><xsl:apply-templates select="db:listitem/node()"/></dd>
  </xsl:template>

  <xsl:template match="db:simplelist[@type = 'inline']">
    <span class="simplelist">
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="db:member">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:apply-templates/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="db:simplelist">
    <ul class="simplelist">
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="db:member">
        <li><xsl:apply-templates/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>
</xsl:stylesheet>
