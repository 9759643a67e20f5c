<?xml version="1.0" encoding="UTF-8"?>
<!-- toc.xsl: lists of contents: the pages (parts with their chapters, appendices, glossary,
     index) and, where asked, each page's top-level sections. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">


  <!-- A short label for lists: "1.", "A.", "II." -->
  <xsl:template name="toc-label">
    <xsl:if test="(self::db:chapter or self::db:appendix or self::db:part) and @mx:label">
      <span class="label"><xsl:value-of select="@mx:label"/>.</span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- One entry: a link to the page or section, then what it holds when depth allows. -->
  <xsl:template match="*" mode="toc-entry">
    <xsl:param name="depth" select="1"/>
    <li class="toc-{local-name()}">
      <a>
        <xsl:attribute name="href"><xsl:apply-templates select="." mode="href"/></xsl:attribute>
        <xsl:call-template name="toc-label"/>
        <xsl:apply-templates select="." mode="title-text"/>
      </a>
      <xsl:variable name="pages" select="*[@mx:page]"/>
      <xsl:variable name="sections" select="(db:section | db:sect1 | db:simplesect | db:glossdiv | db:refsection | db:refsynopsisdiv | db:refsect1)[not(@mx:page)][$depth &gt; 1]"/>
      <xsl:if test="$pages | $sections">
        <ol>
          <xsl:apply-templates select="$pages" mode="toc-entry">
            <xsl:with-param name="depth" select="$depth"/>
          </xsl:apply-templates>
          <xsl:apply-templates select="$sections" mode="toc-entry">
            <xsl:with-param name="depth" select="$depth - 1"/>
          </xsl:apply-templates>
        </ol>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- The whole book's contents, or those of one book of a set. -->
  <xsl:template name="book-toc">
    <xsl:param name="of" select="$book"/>
    <xsl:param name="depth" select="1"/>
    <ol class="toc">
      <xsl:apply-templates select="$of/*[@mx:page]" mode="toc-entry">
        <xsl:with-param name="depth" select="$depth"/>
      </xsl:apply-templates>
    </ol>
  </xsl:template>
</xsl:stylesheet>
