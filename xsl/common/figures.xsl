<?xml version="1.0" encoding="UTF-8"?>
<!-- figures.xsl: figures, media objects and images, with their text alternatives. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template match="db:figure | db:informalfigure">
    <figure class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="body-children"/>
      <xsl:call-template name="formal-caption"/>
    </figure>
  </xsl:template>

  <!-- The text alternative: the textobject's words, or the figure's title. -->
  <xsl:template name="alt-text">
    <xsl:variable name="text" select="(db:textobject[not(db:phrase/@role = 'nolongdesc')] | db:alt)[1]"/>
    <xsl:choose>
      <xsl:when test="db:alt"><xsl:value-of select="normalize-space(db:alt)"/></xsl:when>
      <xsl:when test="$text"><xsl:value-of select="normalize-space($text)"/></xsl:when>
      <xsl:when test="ancestor::db:figure"><xsl:apply-templates select="ancestor::db:figure[1]" mode="title-text"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:mediaobject">
    <xsl:variable name="image" select="(db:imageobject[db:imagedata/@mx:src])[1]/db:imagedata"/>
    <div class="mediaobject">
      <xsl:call-template name="common-attributes"/>
      <xsl:choose>
        <!-- On the site, a figure opens at full size, where small screens can zoom it. -->
        <xsl:when test="$output = 'html' and $image">
          <a class="full-size" href="{$image/@mx:src}">
            <xsl:apply-templates select="$image" mode="img"/>
          </a>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$image" mode="img"/></xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="db:caption"/>
    </div>
  </xsl:template>

  <xsl:template match="db:inlinemediaobject">
    <xsl:apply-templates select="(db:imageobject[db:imagedata/@mx:src])[1]/db:imagedata" mode="img"/>
  </xsl:template>

  <xsl:template match="db:imagedata" mode="img">
    <img src="{@mx:src}">
      <xsl:attribute name="alt">
        <xsl:for-each select="ancestor::*[self::db:mediaobject or self::db:inlinemediaobject][1]">
          <xsl:call-template name="alt-text"/>
        </xsl:for-each>
      </xsl:attribute>
    </img>
  </xsl:template>

  <xsl:template match="db:caption">
    <div class="caption"><xsl:apply-templates/></div>
  </xsl:template>
</xsl:stylesheet>
