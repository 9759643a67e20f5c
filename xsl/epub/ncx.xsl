<?xml version="1.0" encoding="UTF-8"?>
<!-- ncx.xsl: the NCX table of contents, for reading systems that predate EPUB 3's nav (Adobe's
     engine on sideloaded Kobo and Nook books reads only this). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns="http://www.daisy.org/z3986/2005/ncx/" exclude-result-prefixes="db mx">

  <xsl:template name="ncx">
    <ncx version="2005-1" xml:lang="{$lang}">
      <head>
        <meta name="dtb:uid" content="{$identifier}"/>
        <meta name="dtb:depth" content="{1 + count($book/db:book[1]) + count(($book | $book/db:book)/db:part[1])}"/>
        <meta name="dtb:totalPageCount" content="0"/>
        <meta name="dtb:maxPageNumber" content="0"/>
      </head>
      <docTitle><text><xsl:value-of select="$book-title"/></text></docTitle>
      <navMap>
        <xsl:apply-templates select="$book | $book/*[@mx:page]" mode="ncx"/>
      </navMap>
    </ncx>
  </xsl:template>

  <xsl:template match="*" mode="ncx">
    <navPoint id="ncx-{@mx:page}" playOrder="{@mx:order}">
      <navLabel>
        <!-- the same words as the nav document's entry -->
        <text>
          <xsl:variable name="label"><xsl:call-template name="toc-label"/></xsl:variable>
          <xsl:value-of select="$label"/>
          <xsl:apply-templates select="." mode="title-text"/>
        </text>
      </navLabel>
      <content src="{@mx:page}.xhtml"/>
      <xsl:apply-templates select="*[@mx:page]" mode="ncx"/>
    </navPoint>
  </xsl:template>

  <xsl:template match="/*" mode="ncx">
    <navPoint id="ncx-{@mx:page}" playOrder="{@mx:order}">
      <navLabel><text><xsl:value-of select="$book-title"/></text></navLabel>
      <content src="{@mx:page}.xhtml"/>
    </navPoint>
  </xsl:template>
</xsl:stylesheet>
