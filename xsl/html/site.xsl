<?xml version="1.0" encoding="UTF-8"?>
<!-- site.xsl: the website layer: wraps each planned page's body in the site's frame (header,
     contents sidebar, previous/next links) and adds the 404 page. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db">
  <xsl:import href="../common/all.xsl"/>

  <xsl:param name="output" select="'html'"/>
  <xsl:param name="ext" select="'.html'"/>

  <xsl:template match="/">
    <mx:files>
      <xsl:for-each select="//*[@mx:page]">
        <mx:file href="{@mx:page}.html" method="html">
          <xsl:apply-templates select="." mode="page"/>
        </mx:file>
      </xsl:for-each>
      <mx:file href="404.html" method="html">
        <xsl:call-template name="not-found-page"/>
      </mx:file>
    </mx:files>
  </xsl:template>

  <!-- the frame -->

  <xsl:template name="frame">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <xsl:param name="current" select="/.."/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:if test="$current[self::db:book] and $book/db:info/db:abstract">
          <meta name="description" content="{normalize-space($book/db:info/db:abstract)}"/>
        </xsl:if>
        <link rel="stylesheet" href="assets/site.css"/>
        <xsl:for-each select="$current[@mx:prev]"><link rel="prev" href="{@mx:prev}.html"/></xsl:for-each>
        <xsl:for-each select="$current[@mx:next]"><link rel="next" href="{@mx:next}.html"/></xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#content">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'skip'"/></xsl:call-template>
        </a>
        <header class="site-header">
          <a class="book-title" href="index.html"><xsl:value-of select="$book-title"/></a>
        </header>
        <div class="layout">
          <nav class="sidebar">
            <xsl:attribute name="aria-label">
              <xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template>
            </xsl:attribute>
            <xsl:call-template name="book-toc">
              <xsl:with-param name="current" select="$current"/>
            </xsl:call-template>
          </nav>
          <main id="content">
            <xsl:copy-of select="$body"/>
          </main>
        </div>
        <xsl:for-each select="$current">
          <xsl:call-template name="pager"/>
        </xsl:for-each>
        <footer class="site-footer">
          <p><xsl:apply-templates select="$book/db:info/db:copyright" mode="line"/></p>
        </footer>
        <script src="assets/site.js"></script>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="*" mode="page">
    <xsl:variable name="page-title"><xsl:apply-templates select="." mode="title-text"/></xsl:variable>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat($page-title, ' — ', $book-title)"/>
      <xsl:with-param name="current" select="."/>
      <xsl:with-param name="body"><xsl:apply-templates select="." mode="page-body"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:book" mode="page">
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="$book-title"/>
      <xsl:with-param name="current" select="."/>
      <xsl:with-param name="body"><xsl:apply-templates select="." mode="page-body"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Previous and next pages, in reading order. -->
  <xsl:template name="pager">
    <nav class="pager">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'pages'"/></xsl:call-template>
      </xsl:attribute>
      <xsl:for-each select="key('page', current()/@mx:prev)">
        <a class="prev" rel="prev" href="{@mx:page}.html">
          <span class="pager-dir"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'previous'"/></xsl:call-template></span>
          <span class="pager-title"><xsl:apply-templates select="." mode="title-text"/></span>
        </a>
      </xsl:for-each>
      <xsl:for-each select="key('page', current()/@mx:next)">
        <a class="next" rel="next" href="{@mx:page}.html">
          <span class="pager-dir"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'next'"/></xsl:call-template></span>
          <span class="pager-title"><xsl:apply-templates select="." mode="title-text"/></span>
        </a>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <!-- 404 -->

  <xsl:template name="not-found-page">
    <xsl:variable name="title"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'page-not-found'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat($title, ' — ', $book-title)"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:call-template name="gentext"><xsl:with-param name="key" select="'page-not-found-text'"/></xsl:call-template></p>
        <xsl:call-template name="book-toc"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
