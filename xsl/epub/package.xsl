<?xml version="1.0" encoding="UTF-8"?>
<!-- package.xsl: the package document: metadata (with EPUB Accessibility 1.1), the manifest of
     every file, and the spine in reading order. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns="http://www.idpf.org/2007/opf" xmlns:dc="http://purl.org/dc/elements/1.1/"
                xmlns:mml="http://www.w3.org/1998/Math/MathML" exclude-result-prefixes="db mx mml">

  <xsl:key name="image" match="db:imagedata[@mx:src]" use="@mx:src"/>
  <!-- MathML formulas, by the page they are drawn on (its content document declares mathml). -->
  <xsl:key name="math-page" match="mml:math" use="generate-id(ancestor::*[@mx:page][1])"/>

  <xsl:template name="package">
    <xsl:variable name="info" select="$book/db:info"/>
    <xsl:variable name="images" select="//db:imagedata[@mx:src][count(. | key('image', @mx:src)[1]) = 1]"/>
    <package version="3.0" unique-identifier="pub-id" xml:lang="{$lang}">
      <metadata>
        <dc:identifier id="pub-id"><xsl:value-of select="$identifier"/></dc:identifier>
        <dc:title><xsl:value-of select="$book-title"/></dc:title>
        <xsl:for-each select="$info/db:author | $info/db:authorgroup/db:author">
          <dc:creator id="creator-{position()}"><xsl:apply-templates select="." mode="name-text"/></dc:creator>
          <meta refines="#creator-{position()}" property="role" scheme="marc:relators">aut</meta>
          <meta refines="#creator-{position()}" property="file-as"><xsl:apply-templates select="." mode="file-as"/></meta>
        </xsl:for-each>
        <xsl:for-each select="$info/db:publisher/db:publishername">
          <dc:publisher><xsl:value-of select="normalize-space(.)"/></dc:publisher>
        </xsl:for-each>
        <xsl:for-each select="$info/db:keywordset/db:keyword | $info/db:subjectset//db:subjectterm">
          <dc:subject><xsl:value-of select="normalize-space(.)"/></dc:subject>
        </xsl:for-each>
        <dc:language><xsl:value-of select="$lang"/></dc:language>
        <xsl:for-each select="$info/db:pubdate[normalize-space() != ''][1]">
          <dc:date><xsl:value-of select="normalize-space()"/></dc:date>
        </xsl:for-each>
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
        <xsl:if test="$images"><meta property="schema:accessModeSufficient">textual,visual</meta></xsl:if>
        <meta property="schema:accessibilityFeature">ARIA</meta>
        <meta property="schema:accessibilityFeature">structuralNavigation</meta>
        <meta property="schema:accessibilityFeature">tableOfContents</meta>
        <meta property="schema:accessibilityFeature">readingOrder</meta>
        <meta property="schema:accessibilityFeature">displayTransformability</meta>
        <xsl:if test="//db:index"><meta property="schema:accessibilityFeature">index</meta></xsl:if>
        <xsl:if test="$images"><meta property="schema:accessibilityFeature">alternativeText</meta></xsl:if>
        <meta property="schema:accessibilityHazard">none</meta>
        <!-- No conformance claim: that needs an evaluation this build cannot make. -->
        <meta property="schema:accessibilitySummary"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'accessibility-summary'"/></xsl:call-template></meta>
      </metadata>
      <manifest>
        <item id="nav" href="{$file-nav}" media-type="application/xhtml+xml" properties="nav"/>
        <item id="ncx" href="{$file-ncx}" media-type="application/x-dtbncx+xml"/>
        <item id="css" href="{$file-epub-css}" media-type="text/css"/>
        <xsl:if test="$cover-image">
          <item id="cover" href="{$file-cover}" media-type="application/xhtml+xml"/>
        </xsl:if>
        <xsl:for-each select="$pages">
          <item id="p-{@mx:page}" href="{@mx:page}.xhtml" media-type="application/xhtml+xml">
            <xsl:if test="key('math-page', generate-id())">
              <xsl:attribute name="properties">mathml</xsl:attribute>
            </xsl:if>
          </item>
        </xsl:for-each>
        <xsl:for-each select="$images">
          <item href="{@mx:src}">
            <xsl:attribute name="id">
              <xsl:choose>
                <xsl:when test="@mx:src = $cover-src">cover-image</xsl:when>
                <xsl:otherwise><xsl:value-of select="concat('img-', position())"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:attribute name="media-type"><xsl:value-of select="@mx:type"/></xsl:attribute>
            <xsl:if test="@mx:src = $cover-src">
              <xsl:attribute name="properties">cover-image</xsl:attribute>
            </xsl:if>
          </item>
        </xsl:for-each>
        <xsl:for-each select="$cover-image[@mx:raster]">
          <item id="cover-image" href="{@mx:raster}" media-type="image/png" properties="cover-image"/>
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

  <!-- A person's or organisation's name as sorted (surname first). -->
  <xsl:template match="*" mode="file-as">
    <xsl:variable name="name" select="(db:personname | .)[1]"/>
    <xsl:choose>
      <xsl:when test="$name/db:surname">
        <xsl:value-of select="normalize-space($name/db:surname)"/>
        <xsl:for-each select="$name/db:firstname | $name/db:givenname">
          <xsl:text>, </xsl:text><xsl:value-of select="normalize-space(.)"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
