<?xml version="1.0" encoding="UTF-8"?>
<!-- footnotes.xsl: footnote markers in the text and the notes themselves: collected at the end
     of the page on the site; right after their paragraph in the EPUB (pop-up footnotes). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx">

  <xsl:template match="db:footnote">
    <xsl:call-template name="noteref">
      <xsl:with-param name="note" select="."/>
      <xsl:with-param name="ref-id"><xsl:apply-templates select="." mode="anchor"/>-ref</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:footnoteref">
    <xsl:variable name="note" select="id(@linkend)"/>
    <xsl:if test="$note">
      <xsl:call-template name="noteref"><xsl:with-param name="note" select="$note"/></xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="noteref">
    <xsl:param name="note"/>
    <xsl:param name="ref-id" select="''"/>
    <a class="noteref">
      <xsl:if test="$ref-id != ''"><xsl:attribute name="id"><xsl:value-of select="$ref-id"/></xsl:attribute></xsl:if>
      <xsl:attribute name="href"><xsl:apply-templates select="$note" mode="href"/></xsl:attribute>
      <xsl:attribute name="role">doc-noteref</xsl:attribute>
      <xsl:if test="$output = 'epub'"><xsl:attribute name="epub:type">noteref</xsl:attribute></xsl:if>
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'footnote'"/>
          <xsl:with-param name="n" select="$note/@mx:label"/>
        </xsl:call-template>
      </xsl:attribute>
      <sup><xsl:value-of select="$note/@mx:label"/></sup>
    </a>
  </xsl:template>

  <!-- The note's own text, ending with a link back to its marker. -->
  <xsl:template match="db:footnote" mode="note-body">
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <xsl:apply-templates/>
    <p class="footnote-back">
      <a href="#{$anchor}-ref" role="doc-backlink">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'back-to-text'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:text>↩︎</xsl:text>
      </a>
    </p>
  </xsl:template>

  <!-- EPUB: the footnotes of this paragraph, right after it. -->
  <xsl:template name="block-footnotes">
    <xsl:if test="$output = 'epub'">
      <xsl:variable name="me" select="generate-id()"/>
      <xsl:for-each select=".//db:footnote[generate-id(ancestor::*[self::db:para or self::db:simpara or self::db:formalpara][1]) = $me]">
        <aside class="footnote" epub:type="footnote" role="doc-footnote">
          <xsl:call-template name="common-attributes"/>
          <p class="footnote-label"><xsl:value-of select="@mx:label"/></p>
          <xsl:apply-templates select="." mode="note-body"/>
        </aside>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The site: every note of the page, at its end. The EPUB: the notes not in a paragraph. -->
  <xsl:template name="page-footnotes">
    <xsl:variable name="page" select="generate-id()"/>
    <xsl:variable name="notes" select=".//db:footnote[generate-id(ancestor::*[@mx:page][1]) = $page]
        [$output = 'html' or not(ancestor::db:para or ancestor::db:simpara or ancestor::db:formalpara)]"/>
    <xsl:if test="$notes">
      <section class="footnotes" role="doc-endnotes">
        <h2>
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'notes'"/></xsl:call-template>
        </h2>
        <ol>
          <xsl:for-each select="$notes">
            <li value="{@mx:label}">
              <xsl:call-template name="common-attributes"/>
              <xsl:if test="$output = 'epub'"><xsl:attribute name="epub:type">footnote</xsl:attribute></xsl:if>
              <xsl:apply-templates select="." mode="note-body"/>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
