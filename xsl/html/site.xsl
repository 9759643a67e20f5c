<?xml version="1.0" encoding="UTF-8"?>
<!-- site.xsl: the website layer: wraps each planned page's body in the site's frame (header
     with search and theme switch, contents sidebar, breadcrumbs, "On this page", previous and
     next links), and adds the 404 page and, given a base URL, the sitemap. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan" xmlns:out="urn:x-mixdown:output"
                extension-element-prefixes="out"
                xmlns:exsl="http://exslt.org/common" exclude-result-prefixes="db mx exsl">
  <xsl:import href="../common/all.xsl"/>
  <xsl:include href="search.xsl"/>

  <!-- The names of the files the site has beside its pages; mixdown gives them (tools/layout.c). -->
  <xsl:param name="file-not-found"/>
  <xsl:param name="file-search"/>
  <xsl:param name="file-sitemap"/>
  <xsl:param name="file-site-css"/>
  <xsl:param name="file-site-js"/>
  <xsl:param name="file-favicon-svg"/>
  <xsl:param name="file-favicon-png"/>
  <xsl:param name="file-toc-js"/>
  <xsl:param name="file-search-js"/>
  <xsl:param name="file-stemmer-js"/>
  <xsl:param name="file-search-index"/>
  <!-- " name name ": only the pages of these names, for a live preview to show first; empty:
       the whole site. -->
  <xsl:param name="only-pages" select="''"/>

  <!-- The title page leads to the first page after it. -->
  <!-- A page of the site and its search records (but for pages a preview shows first); the
       page's body is freed when it is done. -->
  <xsl:template match="*" mode="site-page">
    <xsl:variable name="body"><xsl:apply-templates select="." mode="page-body"/></xsl:variable>
    <out:file href="{@mx:page}.html" method="html">
      <xsl:apply-templates select="." mode="page">
        <xsl:with-param name="body" select="$body"/>
      </xsl:apply-templates>
    </out:file>
    <xsl:if test="$only-pages = ''">
      <out:records>
        <xsl:call-template name="search-records">
          <xsl:with-param name="body" select="exsl:node-set($body)"/>
        </xsl:call-template>
      </out:records>
    </xsl:if>
  </xsl:template>

  <xsl:template name="titlepage-actions">
    <xsl:for-each select="key('page', current()/@mx:next)">
      <p class="start-reading">
        <a rel="next" href="{@mx:page}.html">
          <xsl:call-template name="word-with-title">
            <xsl:with-param name="key" select="'start-reading'"/>
            <xsl:with-param name="title"><xsl:apply-templates select="." mode="title-text"/></xsl:with-param>
          </xsl:call-template>
        </a>
      </p>
    </xsl:for-each>
  </xsl:template>

  <!-- MathML in HTML has no namespace written: the HTML parser gives <math> its own. -->
  <xsl:template name="mathml-namespace"/>

  <xsl:template name="word-with-title">
    <xsl:param name="key"/>
    <xsl:param name="title"/>
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/><xsl:with-param name="t" select="$title"/></xsl:call-template>
  </xsl:template>

  <!-- On the site, a figure opens at full size, where small screens can zoom it. -->
  <xsl:template name="media-image">
    <xsl:param name="image"/>
    <xsl:if test="$image">
      <a class="full-size" href="{$image/@mx:src}"><xsl:apply-templates select="$image" mode="img"/></a>
    </xsl:if>
  </xsl:template>

  <!-- A table scrolls sideways inside its wrapper, which the keyboard can reach and which
       screen readers announce by the table's name. -->
  <xsl:template name="table-wrap-attributes">
    <xsl:attribute name="role">region</xsl:attribute>
    <xsl:attribute name="tabindex">0</xsl:attribute>
    <xsl:attribute name="aria-label">
      <xsl:choose>
        <xsl:when test="db:title | db:info/db:title | db:caption"><xsl:apply-templates select="." mode="title-text"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="gentext"><xsl:with-param name="key" select="'table-untitled'"/></xsl:call-template></xsl:otherwise>
      </xsl:choose>
    </xsl:attribute>
  </xsl:template>

  <!-- Headings of sections carry a link to themselves, kept on the title's last line. -->
  <xsl:template name="heading-self-link">
    <xsl:param name="anchor"/>
    <xsl:text>&#160;</xsl:text>
    <a class="self-link" href="#{$anchor}">
      <xsl:attribute name="aria-label">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'link-to-section'"/></xsl:call-template>
      </xsl:attribute>
      <xsl:text>#</xsl:text>
    </a>
  </xsl:template>

  <xsl:param name="ext" select="'.html'"/>
  <!-- The site's public address (canonical links, sitemap), and the prefix of "Edit this
       page" links; both empty when not given. -->
  <xsl:param name="base-url" select="''"/>
  <xsl:param name="edit-url" select="''"/>

  <xsl:variable name="base">
    <xsl:if test="$base-url != ''">
      <xsl:value-of select="$base-url"/>
      <xsl:if test="substring($base-url, string-length($base-url)) != '/'">/</xsl:if>
    </xsl:if>
  </xsl:variable>

  <!-- Books with more pages than this get their sidebar from assets/toc.js, written once,
       instead of a copy of the whole contents in every page. -->
  <xsl:param name="inline-toc-max" select="200"/>
  <xsl:variable name="inline-toc" select="count(//*[@mx:page]) &lt;= $inline-toc-max"/>

  <!-- Sets the theme before the page is drawn, so a dark page never flashes light. -->
  <xsl:variable name="theme-script">document.documentElement.classList.add("js");try{var t=localStorage.getItem("mixdown-theme");if(t==="dark"||t==="light")document.documentElement.setAttribute("data-theme",t)}catch(e){}</xsl:variable>

  <!-- Each <out:file> is written as soon as it is made, and freed, and so are the search
       records of each <out:records> (tools/render.c): the result keeps nothing. -->
  <xsl:template match="/">
    <mx:files>
      <xsl:choose>
        <xsl:when test="$only-pages != ''">
          <xsl:apply-templates mode="site-page"
              select="//*[@mx:page][contains($only-pages, concat(' ', @mx:page, ' '))]"/>
        </xsl:when>
        <xsl:otherwise><xsl:call-template name="whole-site"/></xsl:otherwise>
      </xsl:choose>
    </mx:files>
  </xsl:template>

  <!-- Every page, the search and not-found pages, and the sitemap when the address is known. -->
  <xsl:template name="whole-site">
    <xsl:apply-templates select="//*[@mx:page]" mode="site-page"/>
    <out:file href="{$file-search}" method="html">
      <xsl:call-template name="search-page"/>
    </out:file>
    <out:file href="{$file-not-found}" method="html">
      <xsl:call-template name="not-found-page"/>
    </out:file>
    <xsl:if test="$base != ''">
      <out:file href="{$file-sitemap}" method="xml">
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <xsl:for-each select="//*[@mx:page]">
            <url><loc><xsl:apply-templates select="." mode="page-url"/></loc></url>
          </xsl:for-each>
        </urlset>
      </out:file>
    </xsl:if>
  </xsl:template>

  <!-- A page's public address under base-url; the title page is the folder itself. -->
  <xsl:template match="*" mode="page-url">
    <xsl:value-of select="concat($base, @mx:page, '.html')"/>
  </xsl:template>
  <xsl:template match="/*" mode="page-url">
    <xsl:value-of select="$base"/>
  </xsl:template>

  <!-- The paragraphs of each page (outside info), by the page element's generate-id(): built once,
       where asking each page for its first one walked all the paragraphs below it. -->
  <xsl:key name="page-paras" match="db:para"
           use="generate-id(self::*[not(ancestor::db:info)]/ancestor::*[@mx:page][1])"/>

  <!-- What a page is about, for search engines and link previews: its abstract, or the start
       of its first paragraph, cut at a word near 160 characters. -->
  <xsl:template name="page-description">
    <xsl:variable name="text">
      <xsl:choose>
        <xsl:when test="db:info/db:abstract | db:abstract">
          <xsl:apply-templates select="(db:info/db:abstract | db:abstract)[1]" mode="plain"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="key('page-paras', generate-id())[1]" mode="plain"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="all" select="normalize-space($text)"/>
    <xsl:choose>
      <xsl:when test="string-length($all) &lt;= 160"><xsl:value-of select="$all"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head" select="substring($all, 1, 160)"/>
        <xsl:call-template name="before-last-space"><xsl:with-param name="text" select="$head"/></xsl:call-template>
        <xsl:text>…</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="before-last-space">
    <xsl:param name="text"/>
    <xsl:if test="contains($text, ' ')">
      <xsl:value-of select="substring-before($text, ' ')"/>
      <xsl:if test="contains(substring-after($text, ' '), ' ')">
        <xsl:text> </xsl:text>
        <xsl:call-template name="before-last-space"><xsl:with-param name="text" select="substring-after($text, ' ')"/></xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template name="word">
    <xsl:param name="key"/>
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="$key"/></xsl:call-template>
  </xsl:template>

  <!-- The frame -->

  <xsl:template name="frame">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <xsl:param name="current" select="/.."/>
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:variable name="own-description">
          <xsl:for-each select="$current"><xsl:call-template name="page-description"/></xsl:for-each>
        </xsl:variable>
        <!-- A page with no prose of its own (a part, the index, 404) is described by the book. -->
        <xsl:variable name="description">
          <xsl:choose>
            <xsl:when test="$own-description != ''"><xsl:value-of select="$own-description"/></xsl:when>
            <xsl:otherwise><xsl:for-each select="$book"><xsl:call-template name="page-description"/></xsl:for-each></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:if test="$description != ''">
          <meta name="description" content="{$description}"/>
        </xsl:if>
        <xsl:if test="not($current)"><meta name="robots" content="noindex"/></xsl:if>
        <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)"/>
        <meta name="theme-color" content="#15171b" media="(prefers-color-scheme: dark)"/>
        <xsl:if test="$base != '' and $current">
          <xsl:variable name="url"><xsl:apply-templates select="$current" mode="page-url"/></xsl:variable>
          <link rel="canonical" href="{$url}"/>
          <meta property="og:type" content="book"/>
          <meta property="og:site_name" content="{$book-title}"/>
          <meta property="og:title" content="{$title}"/>
          <meta property="og:url" content="{$url}"/>
          <xsl:if test="$description != ''"><meta property="og:description" content="{$description}"/></xsl:if>
          <xsl:for-each select="($book/db:info/db:cover//db:imagedata[@mx:raster] | $book/db:info/db:mediaobject[@role = 'cover']//db:imagedata[@mx:raster])[1]">
            <meta property="og:image" content="{$base}{@mx:raster}"/>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$base != '' and not($current)">
          <base href="{$base}"/>
        </xsl:if>
        <script><xsl:value-of select="$theme-script"/></script>
        <link rel="stylesheet" href="{$file-site-css}"/>
        <link rel="icon" href="{$file-favicon-svg}" type="image/svg+xml"/>
        <link rel="icon" href="{$file-favicon-png}" type="image/png" sizes="180x180"/>
        <link rel="apple-touch-icon" href="{$file-favicon-png}"/>
        <xsl:for-each select="$current[@mx:prev]"><link rel="prev" href="{@mx:prev}.html"/></xsl:for-each>
        <xsl:for-each select="$current[@mx:next]"><link rel="next" href="{@mx:next}.html"/></xsl:for-each>
      </head>
      <body>
        <a class="skip-link" href="#content"><xsl:call-template name="word"><xsl:with-param name="key" select="'skip'"/></xsl:call-template></a>
        <xsl:copy-of select="$site-header"/>
        <div class="layout">
          <nav class="sidebar" id="sidebar">
            <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></xsl:attribute>
            <xsl:choose>
              <xsl:when test="$inline-toc">
                <xsl:apply-templates select="exsl:node-set($sidebar-toc)/*" mode="sidebar-toc">
                  <xsl:with-param name="current" select="$current"/>
                  <xsl:with-param name="href" select="concat($current/@mx:page, '.html')"/>
                </xsl:apply-templates>
              </xsl:when>
              <xsl:otherwise>
                <xsl:attribute name="data-toc"><xsl:value-of select="$file-toc-js"/></xsl:attribute>
                <p><a href="index.html#contents"><xsl:call-template name="word"><xsl:with-param name="key" select="'full-contents'"/></xsl:call-template></a></p>
              </xsl:otherwise>
            </xsl:choose>
          </nav>
          <main id="content">
            <xsl:for-each select="$current[parent::*]"><xsl:call-template name="breadcrumbs"/></xsl:for-each>
            <xsl:copy-of select="$body"/>
            <xsl:for-each select="$current[$edit-url != '']">
              <p class="edit-page"><a href="{$edit-url}{@mx:source}"><xsl:call-template name="word"><xsl:with-param name="key" select="'edit'"/></xsl:call-template></a></p>
            </xsl:for-each>
          </main>
          <xsl:for-each select="$current"><xsl:call-template name="on-this-page"/></xsl:for-each>
        </div>
        <xsl:for-each select="$current"><xsl:call-template name="pager"/></xsl:for-each>
        <footer class="site-footer">
          <xsl:variable name="licence" select="$book/db:info/db:legalnotice[@xml:id][1]"/>
          <xsl:if test="$book/db:info/db:copyright or $licence">
            <p>
              <xsl:apply-templates select="$book/db:info/db:copyright" mode="line"/>
              <xsl:if test="$book/db:info/db:copyright and $licence"><xsl:text> · </xsl:text></xsl:if>
              <xsl:for-each select="$licence">
                <a href="index.html#{@xml:id}"><xsl:call-template name="word"><xsl:with-param name="key" select="'licence'"/></xsl:call-template></a>
              </xsl:for-each>
            </p>
          </xsl:if>
        </footer>
        <script src="{$file-site-js}"></script>
      </body>
    </html>
  </xsl:template>

  <!-- The sidebar's contents: the same on every page but for the page's own entry, so they are
       rendered once and copied through mode sidebar-toc, which marks that entry and lists the
       page's sections under it, for screens without an "On this page" column. Empty for a
       book too large to repeat them (libxslt evaluates every global variable at the start). -->
  <xsl:variable name="sidebar-toc">
    <xsl:if test="$inline-toc"><xsl:call-template name="book-toc"/></xsl:if>
  </xsl:variable>

  <xsl:template match="*" mode="sidebar-toc">
    <xsl:param name="current"/>
    <xsl:param name="href"/>
    <xsl:copy>
      <xsl:copy-of select="@*"/>
      <xsl:if test="self::a and @href = $href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
      <xsl:apply-templates select="node()" mode="sidebar-toc">
        <xsl:with-param name="current" select="$current"/>
        <xsl:with-param name="href" select="$href"/>
      </xsl:apply-templates>
      <xsl:if test="self::li and a/@href = $href">
        <xsl:for-each select="$current">
          <xsl:variable name="here" select="(db:section | db:sect1 | db:simplesect | db:glossdiv | db:refsection | db:refsynopsisdiv | db:refsect1)[not(@mx:page)]"/>
          <xsl:if test="count($here) &gt; 1">
            <ol class="toc-here">
              <xsl:apply-templates select="$here" mode="toc-entry"/>
            </ol>
          </xsl:if>
        </xsl:for-each>
      </xsl:if>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="text()" mode="sidebar-toc"><xsl:copy/></xsl:template>

  <xsl:variable name="site-header"><xsl:call-template name="site-header"/></xsl:variable>

  <!-- The header: the book's title, the search box and the theme switch. They need JavaScript:
       the stylesheet shows them only when the page's first script has marked <html> with "js",
       before the first paint, so the header never grows after it. -->
  <xsl:template name="site-header">
    <header class="site-header">
      <button class="nav-toggle" type="button" aria-controls="sidebar" aria-expanded="false">
        <span aria-hidden="true">☰</span>
        <span class="visually-hidden"><xsl:call-template name="word"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></span>
      </button>
      <a class="book-title" href="index.html"><xsl:value-of select="$book-title"/></a>
      <div class="search" role="search" data-engine="{$file-search-js}" data-stemmer="{$file-stemmer-js}"
           data-index="{$file-search-index}" data-page="{$file-search}">
        <xsl:attribute name="data-none"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'search-none'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-count"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'search-count'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-one"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'search-one'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-all"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'search-all'"/></xsl:call-template></xsl:attribute>
        <xsl:attribute name="data-suggest"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'search-suggest'"/></xsl:call-template></xsl:attribute>
        <label class="visually-hidden" for="search-input"><xsl:call-template name="word"><xsl:with-param name="key" select="'search'"/></xsl:call-template></label>
        <input id="search-input" type="text" autocomplete="off" spellcheck="false" role="combobox"
               aria-autocomplete="list" aria-expanded="false" aria-controls="search-results">
          <xsl:attribute name="placeholder"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-placeholder'"/></xsl:call-template></xsl:attribute>
        </input>
        <ul id="search-results" role="listbox" hidden="hidden">
          <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-results'"/></xsl:call-template></xsl:attribute>
        </ul>
        <p class="search-status visually-hidden" role="status" aria-live="polite"></p>
      </div>
      <button class="theme-toggle" type="button">
        <xsl:attribute name="data-labels">
          <xsl:call-template name="word"><xsl:with-param name="key" select="'theme-system'"/></xsl:call-template>|<xsl:call-template name="word"><xsl:with-param name="key" select="'theme-light'"/></xsl:call-template>|<xsl:call-template name="word"><xsl:with-param name="key" select="'theme-dark'"/></xsl:call-template>
        </xsl:attribute>
        <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'theme-system'"/></xsl:call-template></xsl:attribute>
        <span aria-hidden="true">◐</span>
      </button>
    </header>
  </xsl:template>

  <!-- Where the page sits: the title page, its part, itself. -->
  <xsl:template name="breadcrumbs">
    <nav class="breadcrumbs">
      <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'breadcrumbs'"/></xsl:call-template></xsl:attribute>
      <ol>
        <li><a href="index.html"><xsl:value-of select="$book-title"/></a></li>
        <xsl:for-each select="ancestor::*[@mx:page][parent::*]">
          <li><a href="{@mx:page}.html"><xsl:apply-templates select="." mode="title-text"/></a></li>
        </xsl:for-each>
        <li><a href="{@mx:page}.html" aria-current="page"><xsl:apply-templates select="." mode="title-text"/></a></li>
      </ol>
    </nav>
  </xsl:template>

  <!-- The page's sections, two levels deep, for wide screens. -->
  <xsl:template name="on-this-page">
    <xsl:variable name="sections" select="(db:section | db:sect1 | db:simplesect | db:glossdiv | db:refsection | db:refsynopsisdiv | db:refsect1)[not(@mx:page)]"/>
    <xsl:if test="count($sections) &gt; 1">
      <nav class="on-this-page">
        <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'on-this-page'"/></xsl:call-template></xsl:attribute>
        <h2><xsl:call-template name="word"><xsl:with-param name="key" select="'on-this-page'"/></xsl:call-template></h2>
        <ol>
          <xsl:apply-templates select="$sections" mode="toc-entry">
            <xsl:with-param name="depth" select="2"/>
          </xsl:apply-templates>
        </ol>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- A page, given its body as mode page-body renders it. -->
  <xsl:template match="*" mode="page">
    <xsl:param name="body"/>
    <xsl:variable name="page-title"><xsl:apply-templates select="." mode="title-text"/></xsl:variable>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat($page-title, ' — ', $book-title)"/>
      <xsl:with-param name="current" select="."/>
      <xsl:with-param name="body" select="$body"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="/*" mode="page">
    <xsl:param name="body"/>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="$book-title"/>
      <xsl:with-param name="current" select="."/>
      <xsl:with-param name="body" select="$body"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Previous and next pages, in reading order. -->
  <xsl:template name="pager">
    <nav class="pager">
      <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'pages'"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="key('page', current()/@mx:prev)">
        <a class="prev" rel="prev" href="{@mx:page}.html">
          <span class="pager-dir"><xsl:call-template name="word"><xsl:with-param name="key" select="'previous'"/></xsl:call-template></span>
          <span class="pager-title"><xsl:apply-templates select="." mode="title-text"/></span>
        </a>
      </xsl:for-each>
      <xsl:for-each select="key('page', current()/@mx:next)">
        <a class="next" rel="next" href="{@mx:page}.html">
          <span class="pager-dir"><xsl:call-template name="word"><xsl:with-param name="key" select="'next'"/></xsl:call-template></span>
          <span class="pager-title"><xsl:apply-templates select="." mode="title-text"/></span>
        </a>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <!-- The search results page: the results of search.html?q=..., which the script lists, a
       page of them at a time. -->
  <xsl:template name="search-page">
    <xsl:variable name="title"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-results'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat($title, ' — ', $book-title)"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <form class="search-page" action="{$file-search}" method="get" role="search">
          <xsl:attribute name="aria-label"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-results'"/></xsl:call-template></xsl:attribute>
          <label for="search-page-input"><xsl:call-template name="word"><xsl:with-param name="key" select="'search'"/></xsl:call-template></label>
          <input id="search-page-input" name="q" type="search" autocomplete="off" spellcheck="false"/>
          <button type="submit"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-go'"/></xsl:call-template></button>
        </form>
        <p class="search-page-status" role="status" aria-live="polite"></p>
        <ol class="search-page-results"></ol>
        <button class="search-page-more" type="button" hidden="hidden"><xsl:call-template name="word"><xsl:with-param name="key" select="'search-more'"/></xsl:call-template></button>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- 404 -->

  <xsl:template name="not-found-page">
    <xsl:variable name="title"><xsl:call-template name="word"><xsl:with-param name="key" select="'page-not-found'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="frame">
      <xsl:with-param name="title" select="concat($title, ' — ', $book-title)"/>
      <xsl:with-param name="body">
        <h1><xsl:value-of select="$title"/></h1>
        <p><xsl:call-template name="word"><xsl:with-param name="key" select="'page-not-found-text'"/></xsl:call-template></p>
        <xsl:call-template name="book-toc"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
