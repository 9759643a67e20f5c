<?xml version="1.0" encoding="UTF-8"?>
<!-- figures.xsl: figures, media objects and images, with their text alternatives. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <!-- The image a media object shows: the one mixdown planned (its choice among the
       imageobjects for screens, any output and print is in tools/book.c). -->
  <xsl:key name="shown-image" use="generate-id(../..)" match="db:imageobject/db:imagedata[@mx:src]"/>

  <xsl:template match="db:figure | db:informalfigure">
    <figure class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="body-children"/>
      <xsl:call-template name="formal-caption"/>
    </figure>
  </xsl:template>

  <!-- The text alternative: alt, else a textobject that is a phrase (short), else the only
       textobject's words, else the figure's title. -->
  <xsl:template name="alt-text">
    <xsl:variable name="text" select="(db:textobject[db:phrase] | db:textobject[not(../db:textobject/db:phrase)])[1]"/>
    <xsl:choose>
      <xsl:when test="db:alt"><xsl:value-of select="normalize-space(db:alt)"/></xsl:when>
      <xsl:when test="$text"><xsl:value-of select="normalize-space($text)"/></xsl:when>
      <xsl:when test="ancestor::db:figure"><xsl:apply-templates select="ancestor::db:figure[1]" mode="title-text"/></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:mediaobject">
    <xsl:variable name="image" select="key('shown-image', generate-id())[1]"/>
    <div class="mediaobject">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="media-image"><xsl:with-param name="image" select="$image"/></xsl:call-template>
      <xsl:apply-templates select="db:caption"/>
      <xsl:call-template name="long-description"/>
    </div>
  </xsl:template>

  <!-- The image of a media object (imagedata $image, if any); an output may wrap it. -->
  <xsl:template name="media-image">
    <xsl:param name="image"/>
    <xsl:apply-templates select="$image" mode="img"/>
  </xsl:template>

  <!-- A long description, when a media object has a short alternative (alt or a phrase) and
       a textobject of paragraphs besides: one press away, and tied to the image. -->
  <xsl:template name="long-description">
    <xsl:variable name="long" select="db:textobject[not(db:phrase)][../db:alt or ../db:textobject/db:phrase][1]"/>
    <xsl:if test="$long">
      <details class="long-description">
        <xsl:attribute name="id"><xsl:call-template name="long-description-id"/></xsl:attribute>
        <summary><xsl:call-template name="gentext"><xsl:with-param name="key" select="'long-description'"/></xsl:call-template></summary>
        <xsl:apply-templates select="$long/node()"/>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- The long description's id: from its figure's anchor, else from the media object's place. -->
  <xsl:template name="long-description-id">
    <xsl:variable name="anchor"><xsl:apply-templates select="(ancestor::db:figure | ancestor::db:informalfigure)[last()]" mode="anchor"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$anchor != ''"><xsl:value-of select="concat($anchor, '-description')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat('media-', count(preceding::db:mediaobject) + 1, '-description')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:inlinemediaobject">
    <xsl:apply-templates select="key('shown-image', generate-id())[1]" mode="img"/>
  </xsl:template>

  <xsl:template match="db:imagedata" mode="img">
    <xsl:variable name="media" select="ancestor::*[self::db:mediaobject or self::db:inlinemediaobject][1]"/>
    <img src="{@mx:src}">
      <xsl:if test="@mx:width and @mx:height">
        <xsl:attribute name="width"><xsl:value-of select="@mx:width"/></xsl:attribute>
        <xsl:attribute name="height"><xsl:value-of select="@mx:height"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="alt">
        <xsl:for-each select="$media"><xsl:call-template name="alt-text"/></xsl:for-each>
      </xsl:attribute>
      <xsl:for-each select="$media[self::db:mediaobject][db:textobject[not(db:phrase)]][db:alt or db:textobject/db:phrase]">
        <xsl:attribute name="aria-details"><xsl:call-template name="long-description-id"/></xsl:attribute>
      </xsl:for-each>
    </img>
  </xsl:template>

  <xsl:template match="db:caption">
    <div class="caption"><xsl:apply-templates/></div>
  </xsl:template>
</xsl:stylesheet>
