<?xml version="1.0" encoding="UTF-8"?>
<!-- sections.xsl: the body of each page (title page, part, chapter-like components) and the
     sections inside them, with headings that carry their anchors. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx epub">

  <!-- Children that are rendered in the body (titles and metadata are drawn by headings). -->
  <xsl:template name="body-children">
    <xsl:apply-templates select="node()[not(self::db:title or self::db:subtitle or self::db:titleabbrev or self::db:info or @mx:page)]"/>
  </xsl:template>

  <!-- The heading of a page or section: label, title, and a link to itself. -->
  <xsl:template name="heading">
    <xsl:param name="level"/>
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <xsl:variable name="label"><xsl:apply-templates select="." mode="label-text"/></xsl:variable>
    <xsl:element name="h{$level}">
      <xsl:if test="$label != ''">
        <span class="label"><xsl:value-of select="$label"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="." mode="title-markup"/>
      <xsl:if test="$output = 'html' and $anchor != '' and not(@mx:page)">
        <xsl:text> </xsl:text>
        <a class="self-link" href="#{$anchor}">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="'link-to-section'"/></xsl:call-template>
          </xsl:attribute>
          <xsl:text>#</xsl:text>
        </a>
      </xsl:if>
    </xsl:element>
    <xsl:for-each select="(db:info/db:subtitle | db:subtitle)[1]">
      <p class="subtitle"><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- What a page holds: each kind of page root has a template in mode page-body. -->
  <xsl:template match="db:preface | db:chapter | db:appendix | db:glossary | db:bibliography
                       | db:colophon | db:dedication | db:acknowledgements | db:article | db:reference"
                mode="page-body">
    <xsl:call-template name="heading"><xsl:with-param name="level" select="1"/></xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <xsl:template match="db:part" mode="page-body">
    <xsl:call-template name="heading"><xsl:with-param name="level" select="1"/></xsl:call-template>
    <xsl:call-template name="body-children"/>
    <nav class="part-contents">
      <xsl:attribute name="aria-label"><xsl:apply-templates select="." mode="title-text"/></xsl:attribute>
      <ol class="toc">
        <xsl:apply-templates select="*[@mx:page]" mode="toc-entry">
          <xsl:with-param name="depth" select="1"/>
        </xsl:apply-templates>
      </ol>
    </nav>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <xsl:template match="db:partintro">
    <div class="partintro">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="body-children"/>
    </div>
  </xsl:template>

  <!-- Heading level of a section: its depth below the page root, plus one. -->
  <xsl:template name="section-level">
    <xsl:variable name="depth" select="count(ancestor-or-self::db:section | ancestor-or-self::db:simplesect
        | ancestor-or-self::db:sect1 | ancestor-or-self::db:sect2 | ancestor-or-self::db:sect3
        | ancestor-or-self::db:sect4 | ancestor-or-self::db:sect5 | ancestor-or-self::db:glossdiv
        | ancestor-or-self::db:indexdiv | ancestor-or-self::db:refsection | ancestor-or-self::db:bibliodiv)"/>
    <xsl:choose>
      <xsl:when test="$depth + 1 &gt; 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$depth + 1"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:section | db:simplesect | db:sect1 | db:sect2 | db:sect3 | db:sect4
                       | db:sect5 | db:refsection | db:bibliodiv">
    <section>
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="body-children"/>
    </section>
  </xsl:template>

  <!-- The title page: cover, title, authors, edition, abstract, the full contents, legal notice. -->
  <xsl:template match="db:copyright" mode="line">
    <xsl:text>© </xsl:text>
    <xsl:for-each select="db:year">
      <xsl:if test="position() &gt; 1">, </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
    <xsl:for-each select="db:holder">
      <xsl:text> </xsl:text><xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="db:book" mode="page-body">
    <xsl:variable name="info" select="db:info"/>
    <div class="titlepage">
      <xsl:for-each select="($info/db:cover//db:imagedata[@mx:src] | $info/db:mediaobject[@role = 'cover']//db:imagedata[@mx:src])[1]">
        <div class="cover"><xsl:apply-templates select="." mode="img"/></div>
      </xsl:for-each>
      <h1 class="book-title"><xsl:apply-templates select="." mode="title-markup"/></h1>
      <xsl:for-each select="$info/db:subtitle">
        <p class="subtitle"><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:for-each select="$info/db:author | $info/db:authorgroup/db:author | $info/db:editor | $info/db:authorgroup/db:editor">
        <p class="author"><xsl:value-of select="normalize-space(.)"/></p>
      </xsl:for-each>
      <xsl:if test="$info/db:edition | $info/db:pubdate">
        <p class="edition">
          <xsl:value-of select="normalize-space($info/db:edition)"/>
          <xsl:if test="$info/db:edition and $info/db:pubdate">, </xsl:if>
          <xsl:value-of select="normalize-space($info/db:pubdate)"/>
        </p>
      </xsl:if>
      <xsl:apply-templates select="$info/db:abstract"/>
    </div>
    <nav class="contents" id="contents">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'full-contents'"/></xsl:call-template>
      </xsl:attribute>
      <h2><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h2>
      <xsl:call-template name="book-toc"><xsl:with-param name="depth" select="2"/></xsl:call-template>
    </nav>
    <xsl:if test="$info/db:legalnotice | $info/db:copyright">
      <div class="legal">
        <xsl:if test="$info/db:copyright"><p><xsl:apply-templates select="$info/db:copyright" mode="line"/></p></xsl:if>
        <xsl:apply-templates select="$info/db:legalnotice"/>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- Titles are drawn by headings and captions; metadata is not body text. -->
  <xsl:template match="db:title | db:subtitle | db:titleabbrev | db:info"/>
</xsl:stylesheet>
