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
      <xsl:if test="@mx:page"><xsl:attribute name="class">page-title</xsl:attribute></xsl:if>
      <xsl:if test="$label != ''">
        <span class="label"><xsl:value-of select="$label"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="." mode="title-markup"/>
      <xsl:if test="$anchor != '' and not(@mx:page)">
        <xsl:call-template name="heading-self-link"><xsl:with-param name="anchor" select="$anchor"/></xsl:call-template>
      </xsl:if>
    </xsl:element>
    <xsl:for-each select="(db:info/db:subtitle | db:subtitle)[1]">
      <p class="subtitle"><xsl:apply-templates/></p>
    </xsl:for-each>
  </xsl:template>

  <!-- Hook: what follows a section's title inside its heading (the site adds a link to it). -->
  <xsl:template name="heading-self-link">
    <xsl:param name="anchor"/>
  </xsl:template>

  <!-- Hook: the heading rank of a page's own title. Every page of the site is a document of its
       own (h1); the EPUB ranks pages by their depth in the book. -->
  <xsl:template match="*" mode="page-rank">1</xsl:template>

  <!-- The heading rank of the page this node is on. -->
  <xsl:template name="page-rank">
    <xsl:apply-templates select="ancestor-or-self::*[@mx:page][1]" mode="page-rank"/>
  </xsl:template>

  <!-- What a page holds: each kind of page root has a template in mode page-body. -->
  <xsl:template match="db:preface | db:chapter | db:appendix | db:glossary | db:bibliography
                       | db:colophon | db:dedication | db:acknowledgements | db:article | db:topic
                       | db:section | db:sect1 | db:simplesect"
                mode="page-body">
    <xsl:call-template name="heading">
      <xsl:with-param name="level"><xsl:apply-templates select="." mode="page-rank"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <xsl:template match="db:part" mode="page-body">
    <xsl:call-template name="heading">
      <xsl:with-param name="level"><xsl:apply-templates select="." mode="page-rank"/></xsl:with-param>
    </xsl:call-template>
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

  <!-- Heading level of a section: its depth below the page root (a long article's section may
       be the page root), plus the page's own rank. -->
  <xsl:template name="section-level">
    <xsl:variable name="page-rank"><xsl:call-template name="page-rank"/></xsl:variable>
    <xsl:variable name="depth" select="count(ancestor-or-self::db:section | ancestor-or-self::db:simplesect
        | ancestor-or-self::db:sect1 | ancestor-or-self::db:sect2 | ancestor-or-self::db:sect3
        | ancestor-or-self::db:sect4 | ancestor-or-self::db:sect5 | ancestor-or-self::db:glossdiv
        | ancestor-or-self::db:indexdiv | ancestor-or-self::db:refsection | ancestor-or-self::db:bibliodiv
        | ancestor-or-self::db:refentry[not(@mx:page)] | ancestor-or-self::db:refnamediv
        | ancestor-or-self::db:refsynopsisdiv | ancestor-or-self::db:refsect1 | ancestor-or-self::db:refsect2
        | ancestor-or-self::db:refsect3 | ancestor-or-self::db:bibliography[not(@mx:page)])
        - count(ancestor::*[@mx:page][self::db:section or self::db:sect1 or self::db:simplesect])"/>
    <xsl:choose>
      <xsl:when test="$depth + $page-rank &gt; 6">6</xsl:when>
      <xsl:otherwise><xsl:value-of select="$depth + $page-rank"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:section | db:simplesect | db:sect1 | db:sect2 | db:sect3 | db:sect4
                       | db:sect5 | db:refsection | db:bibliodiv | db:refsynopsisdiv | db:refsect1
                       | db:refsect2 | db:refsect3">
    <section>
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="body-children"/>
    </section>
  </xsl:template>

  <!-- Hook: what the title page offers after its abstract (the site: a way to start reading). -->
  <xsl:template name="titlepage-actions"/>

  <!-- A date as people write it: YYYY-MM-DD becomes "22 November 2026"; anything else as is. -->
  <xsl:template name="readable-date">
    <xsl:param name="date"/>
    <xsl:variable name="month" select="substring($date, 6, 2)"/>
    <xsl:choose>
      <xsl:when test="string-length($date) = 10 and substring($date, 5, 1) = '-' and substring($date, 8, 1) = '-'
                      and translate($date, '0123456789', '') = '--' and $month &gt;= 1 and $month &lt;= 12">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'date'"/>
          <xsl:with-param name="n" select="number(substring($date, 9, 2))"/>
          <xsl:with-param name="t">
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="concat('month-', $month)"/></xsl:call-template>
            <xsl:value-of select="concat(' ', substring($date, 1, 4))"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$date"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Hook: the cover at the head of the title page (the EPUB has a cover page of its own). -->
  <xsl:template name="titlepage-cover">
    <xsl:for-each select="(db:info/db:cover//db:imagedata[@mx:src] | db:info/db:mediaobject[@role = 'cover']//db:imagedata[@mx:src])[1]">
      <div class="cover"><xsl:apply-templates select="." mode="img"/></div>
    </xsl:for-each>
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

  <!-- The top element's page, and a book's own in a set. An article shows the text that is not
       on pages of its own (all of it when it is short); a set lists its books. -->
  <xsl:template match="/* | db:book" mode="page-body">
    <xsl:variable name="info" select="db:info"/>
    <div class="titlepage">
      <xsl:call-template name="titlepage-cover"/>
      <h1 class="book-title"><xsl:apply-templates select="." mode="title-markup"/></h1>
      <xsl:for-each select="$info/db:subtitle">
        <p class="subtitle"><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:call-template name="titlepage-credits"><xsl:with-param name="info" select="$info"/></xsl:call-template>
      <xsl:if test="normalize-space($info/db:edition) != '' or normalize-space($info/db:pubdate) != ''">
        <p class="edition">
          <xsl:value-of select="normalize-space($info/db:edition)"/>
          <xsl:if test="$info/db:edition and normalize-space($info/db:pubdate) != ''">, </xsl:if>
          <xsl:call-template name="readable-date"><xsl:with-param name="date" select="normalize-space($info/db:pubdate)"/></xsl:call-template>
        </p>
      </xsl:if>
      <xsl:apply-templates select="$info/db:abstract"/>
      <xsl:call-template name="titlepage-actions"/>
    </div>
    <xsl:if test="self::db:article">
      <xsl:call-template name="body-children"/>
      <xsl:call-template name="page-footnotes"/>
    </xsl:if>
    <xsl:if test="*[@mx:page]">
      <nav class="contents" id="contents">
        <xsl:attribute name="aria-label">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'full-contents'"/></xsl:call-template>
        </xsl:attribute>
        <h2><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></h2>
        <xsl:call-template name="book-toc">
          <xsl:with-param name="of" select="."/>
          <xsl:with-param name="depth" select="2"/>
        </xsl:call-template>
      </nav>
    </xsl:if>
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
