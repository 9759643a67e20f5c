<?xml version="1.0" encoding="UTF-8"?>
<!-- footnotes.xsl: footnote markers in the text and the notes themselves, collected at the end
     of their page in both outputs. -->
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

  <!-- Hook: what else a note marker says it is (the EPUB adds epub:type). -->
  <xsl:template name="noteref-semantics"/>

  <xsl:template name="noteref">
    <xsl:param name="note"/>
    <xsl:param name="ref-id" select="''"/>
    <a class="noteref">
      <xsl:if test="$ref-id != ''"><xsl:attribute name="id"><xsl:value-of select="$ref-id"/></xsl:attribute></xsl:if>
      <xsl:attribute name="href"><xsl:apply-templates select="$note" mode="href"/></xsl:attribute>
      <xsl:attribute name="role">doc-noteref</xsl:attribute>
      <xsl:call-template name="noteref-semantics"/>
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'footnote'"/>
          <xsl:with-param name="n" select="$note/@mx:label"/>
        </xsl:call-template>
      </xsl:attribute>
      <sup><xsl:value-of select="$note/@mx:label"/></sup>
    </a>
  </xsl:template>

  <!-- The note's own text; its number, a link back to its marker, opens its first paragraph. -->
  <xsl:template match="db:footnote" mode="note-body">
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <xsl:variable name="back">
      <a class="footnote-back" href="#{$anchor}-ref" role="doc-backlink">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="'back-to-note-ref'"/>
            <xsl:with-param name="n" select="@mx:label"/>
          </xsl:call-template>
        </xsl:attribute>
        <xsl:value-of select="@mx:label"/>
      </a>
      <xsl:text>. </xsl:text>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="*[1][self::db:para or self::db:simpara]">
        <!-- A first para holding a list or another block is a div, as in the text. -->
        <xsl:variable name="blocks"><xsl:for-each select="*[1]"><xsl:call-template name="has-blocks"/></xsl:for-each></xsl:variable>
        <xsl:element name="{substring('div', 1, 3 * ($blocks = 'yes'))}{substring('p', 1, $blocks != 'yes')}">
          <xsl:if test="$blocks = 'yes'"><xsl:attribute name="class">para</xsl:attribute></xsl:if>
          <xsl:copy-of select="$back"/>
          <xsl:apply-templates select="*[1]/node()"/>
        </xsl:element>
        <xsl:apply-templates select="*[position() &gt; 1]"/>
      </xsl:when>
      <xsl:otherwise>
        <p><xsl:copy-of select="$back"/></p>
        <xsl:apply-templates/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Hook: one note in the page's notes. The site lists them; the EPUB overrides this with
       pop-up footnotes. -->
  <xsl:template match="db:footnote" mode="note-item">
    <li value="{@mx:label}">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="." mode="note-body"/>
    </li>
  </xsl:template>

  <!-- Hook: the element that holds the notes' items. -->
  <xsl:template name="notes-list">
    <xsl:param name="notes"/>
    <ol><xsl:apply-templates select="$notes" mode="note-item"/></ol>
  </xsl:template>

  <!-- Every note of the page, at its end, where no reading system interrupts the text with it. -->
  <xsl:template name="page-footnotes">
    <xsl:variable name="page" select="generate-id()"/>
    <xsl:variable name="notes" select=".//db:footnote[generate-id(ancestor::*[@mx:page][1]) = $page]"/>
    <xsl:if test="$notes">
      <xsl:variable name="rank"><xsl:apply-templates select="." mode="page-rank"/></xsl:variable>
      <section class="footnotes" role="doc-endnotes">
        <xsl:element name="h{$rank + 1}">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'notes'"/></xsl:call-template>
        </xsl:element>
        <xsl:call-template name="notes-list"><xsl:with-param name="notes" select="$notes"/></xsl:call-template>
      </section>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
