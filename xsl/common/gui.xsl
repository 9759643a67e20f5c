<?xml version="1.0" encoding="UTF-8"?>
<!-- gui.xsl: interface labels, menu choices, keys and key combinations. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <xsl:template match="db:guimenu | db:guisubmenu | db:guimenuitem | db:guibutton | db:guilabel
                       | db:guiicon | db:mousebutton | db:accel">
    <xsl:call-template name="inline"><xsl:with-param name="class" select="local-name()"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:keycap | db:keysym | db:keycode">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'kbd'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The parts of a choice or combination, joined by a generated separator. -->
  <xsl:template name="joined-parts">
    <xsl:param name="element"/>
    <xsl:param name="separator-key"/>
    <xsl:element name="{$element}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="*[not(self::db:shortcut)]">
        <xsl:if test="position() &gt; 1">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="$separator-key"/></xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </xsl:element>
    <xsl:apply-templates select="db:shortcut"/>
  </xsl:template>

  <xsl:template match="db:menuchoice">
    <xsl:call-template name="joined-parts">
      <xsl:with-param name="element" select="'span'"/>
      <xsl:with-param name="separator-key" select="'menuchoice-separator'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:keycombo">
    <xsl:call-template name="joined-parts">
      <xsl:with-param name="element" select="'kbd'"/>
      <xsl:with-param name="separator-key" select="'keycombo-separator'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:shortcut">
    <xsl:text> (</xsl:text>
    <xsl:call-template name="inline"><xsl:with-param name="class" select="'shortcut'"/></xsl:call-template>
    <xsl:text>)</xsl:text>
  </xsl:template>
</xsl:stylesheet>
