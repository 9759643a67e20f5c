<?xml version="1.0" encoding="UTF-8"?>
<!-- package.xsl: the package document: metadata (with EPUB Accessibility 1.1), the manifest of
     every file, and the spine in reading order. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/"
                exclude-result-prefixes="db mx">

  <xsl:key name="image" match="db:imagedata[@mx:src]" use="@mx:src"/>

  <xsl:template name="package">
    <xsl:variable name="info" select="$book/db:info"/>
    <xsl:variable name="images" select="//db:imagedata[@mx:src][count(. | key('image', @mx:src)[1]) = 1]"/>
    <package version="3.0" unique-identifier="pub-id" xml:lang="{$lang}">
      <metadata>
        <dc:identifier id="pub-id"><xsl:value-of select="$identifier"/></dc:identifier>
        <dc:title><xsl:value-of select="$book-title"/></dc:title>
        <xsl:for-each select="$info/db:author | $info/db:authorgroup/db:author">
          <dc:creator><xsl:value-of select="normalize-space(.)"/></dc:creator>
        </xsl:for-each>
        <dc:language><xsl:value-of select="$lang"/></dc:language>
        <xsl:if test="$info/db:pubdate">
          <dc:date><xsl:value-of select="normalize-space($info/db:pubdate)"/></dc:date>
        </xsl:if>
        <xsl:if test="$info/db:legalnotice">
          <dc:rights><xsl:apply-templates select="$info/db:legalnotice" mode="plain"/></dc:rights>
        </xsl:if>
        <xsl:if test="$info/db:abstract">
          <dc:description><xsl:apply-templates select="$info/db:abstract" mode="plain"/></dc:description>
        </xsl:if>
        <meta property="dcterms:modified"><xsl:value-of select="$modified"/></meta>
        <xsl:if test="$cover-image"><meta name="cover" content="cover-image"/></xsl:if>
        <meta property="schema:accessMode">textual</meta>
        <xsl:if test="$images"><meta property="schema:accessMode">visual</meta></xsl:if>
        <meta property="schema:accessModeSufficient">textual</meta>
        <meta property="schema:accessibilityFeature">structuralNavigation</meta>
        <meta property="schema:accessibilityFeature">tableOfContents</meta>
        <meta property="schema:accessibilityFeature">readingOrder</meta>
        <meta property="schema:accessibilityFeature">displayTransformability</meta>
        <xsl:if test="//db:index"><meta property="schema:accessibilityFeature">index</meta></xsl:if>
        <xsl:if test="$images"><meta property="schema:accessibilityFeature">alternativeText</meta></xsl:if>
        <meta property="schema:accessibilityHazard">none</meta>
        <meta property="schema:accessibilitySummary">This publication meets WCAG 2.2 Level AA. Every image has a text alternative; headings, a table of contents, landmarks and an index make it navigable; text can be resized and restyled.</meta>
        <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>
      </metadata>
      <manifest>
        <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="css" href="assets/epub.css" media-type="text/css"/>
        <xsl:if test="$cover-image">
          <item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
        </xsl:if>
        <xsl:for-each select="$pages">
          <item id="p-{@mx:page}" href="{@mx:page}.xhtml" media-type="application/xhtml+xml"/>
        </xsl:for-each>
        <xsl:for-each select="$images">
          <item href="{@mx:src}">
            <xsl:attribute name="id">
              <xsl:choose>
                <xsl:when test="@mx:src = $cover-image/@mx:src">cover-image</xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('img-', position())"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:attribute name="media-type"><xsl:value-of select="@mx:type"/></xsl:attribute>
            <xsl:if test="@mx:src = $cover-image/@mx:src">
              <xsl:attribute name="properties">cover-image</xsl:attribute>
            </xsl:if>
          </item>
        </xsl:for-each>
      </manifest>
      <spine toc="ncx">
        <xsl:if test="$cover-image"><itemref idref="cover"/></xsl:if>
        <xsl:for-each select="$pages">
          <itemref idref="p-{@mx:page}"/>
        </xsl:for-each>
      </spine>
    </package>
  </xsl:template>
</xsl:stylesheet>
