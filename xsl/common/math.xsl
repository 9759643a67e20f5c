<?xml version="1.0" encoding="UTF-8"?>
<!-- math.xsl: equations: MathML copied into the page in its own namespace (with the equation's
     alt text as its alttext), and a mathphrase as text where there is no MathML. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mml="http://www.w3.org/1998/Math/MathML"
                exclude-result-prefixes="db mml">

  <xsl:template match="db:equation">
    <figure class="equation">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="equation-body"/>
      <xsl:call-template name="formal-caption"/>
    </figure>
  </xsl:template>

  <xsl:template match="db:informalequation">
    <div class="informalequation">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="equation-body"/>
    </div>
  </xsl:template>

  <xsl:template match="db:inlineequation">
    <span class="inlineequation">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="equation-body"/>
    </span>
  </xsl:template>

  <!-- The formula: MathML when there is some, else the mathphrase, else the image. -->
  <xsl:template name="equation-body">
    <xsl:choose>
      <xsl:when test="mml:math"><xsl:apply-templates select="mml:math"/></xsl:when>
      <xsl:when test="db:mathphrase"><xsl:apply-templates select="db:mathphrase"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="db:mediaobject | db:inlinemediaobject"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:mathphrase">
    <span class="mathphrase"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Hook: the namespace MathML is written in. XHTML (the EPUB) needs MathML's own, with an
       mml: prefix; the site's HTML writes it without one, and HTML parsers put it there. -->
  <xsl:template name="mathml-namespace">http://www.w3.org/1998/Math/MathML</xsl:template>

  <xsl:template match="mml:*">
    <xsl:variable name="namespace"><xsl:call-template name="mathml-namespace"/></xsl:variable>
    <xsl:element name="{substring('mml:', 1, 4 * boolean(string($namespace)))}{local-name()}" namespace="{$namespace}">
      <xsl:copy-of select="@*"/>
      <xsl:if test="self::mml:math">
        <xsl:if test="not(@display) and (parent::db:equation or parent::db:informalequation)">
          <xsl:attribute name="display">block</xsl:attribute>
        </xsl:if>
        <xsl:if test="not(@alttext) and ../db:alt">
          <xsl:attribute name="alttext"><xsl:value-of select="normalize-space(../db:alt)"/></xsl:attribute>
        </xsl:if>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
