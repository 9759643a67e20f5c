<?xml version="1.0" encoding="UTF-8"?>
<!-- epub.xsl: the EPUB layer: one XHTML content document per planned page, the cover page, the
     nav document (contents and landmarks), the NCX for older readers and the package document. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:out="urn:x-mixdown:output" extension-element-prefixes="out"
                xmlns:epub="http://www.idpf.org/2007/ops" xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="db mx exsl">
  <xsl:import href="../common/all.xsl"/>
  <xsl:include href="package.xsl"/>
  <xsl:include href="ncx.xsl"/>

  <!-- The names of the files the EPUB's content folder has beside its pages; mixdown gives them
       (tools/layout.c). -->
  <xsl:param name="file-cover"/>
  <xsl:param name="file-nav"/>
  <xsl:param name="file-ncx"/>
  <xsl:param name="file-package"/>
  <xsl:param name="file-epub-css"/>

  <xsl:param name="ext" select="'.xhtml'"/>
  <xsl:param name="identifier"/>
  <xsl:param name="modified"/>

  <!-- EPUB Indexes: one index-entry-list for the whole index, letters as its headings. -->
  <xsl:template name="index-letters">
    <xsl:param name="letters"/>
    <ul class="index-entries" epub:type="index-entry-list"><xsl:copy-of select="$letters"/></ul>
  </xsl:template>

  <xsl:template name="index-letter">
    <xsl:param name="heading"/>
    <li class="index-letter"><xsl:copy-of select="$heading"/></li>
    <xsl:call-template name="index-letter-entries"/>
  </xsl:template>

  <xsl:variable name="pages" select="//*[@mx:page]"/>
  <!-- The cover: the first raster image of the book's cover (reading systems' library views
       want one), else its first image. -->
  <xsl:variable name="cover-images" select="$book/db:info/db:cover//db:imagedata[@mx:src]
      | $book/db:info/db:mediaobject[@role = 'cover']//db:imagedata[@mx:src]"/>
  <xsl:variable name="raster-covers" select="$cover-images[@mx:type = 'image/png' or @mx:type = 'image/jpeg' or @mx:raster]"/>
  <xsl:variable name="cover-image" select="($raster-covers | $cover-images[not($raster-covers)])[1]"/>
  <!-- The cover's file: the PNG mixdown drew from an SVG cover, else the image itself. -->
  <xsl:variable name="cover-src" select="string(($cover-image/@mx:raster | $cover-image[not(@mx:raster)]/@mx:src)[1])"/>

  <!-- Each <out:file> is written into the EPUB as soon as it is made, and freed (tools/render.c). -->
  <xsl:template match="/">
    <mx:files>
      <xsl:if test="$cover-image">
        <out:file href="{$file-cover}" method="xhtml"><xsl:call-template name="cover-page"/></out:file>
      </xsl:if>
      <xsl:for-each select="$pages">
        <out:file href="{@mx:page}.xhtml" method="xhtml">
          <xsl:apply-templates select="." mode="content-document"/>
        </out:file>
      </xsl:for-each>
      <out:file href="{$file-nav}" method="xhtml"><xsl:call-template name="nav-document"/></out:file>
      <out:file href="{$file-ncx}" method="xml"><xsl:call-template name="ncx"/></out:file>
      <out:file href="{$file-package}" method="xml"><xsl:call-template name="package"/></out:file>
    </mx:files>
  </xsl:template>

  <xsl:template name="xhtml">
    <xsl:param name="title"/>
    <xsl:param name="body"/>
    <html lang="{$lang}" xml:lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" type="text/css" href="{$file-epub-css}"/>
      </head>
      <body><xsl:copy-of select="$body"/></body>
    </html>
  </xsl:template>

  <!-- The structural semantics of each kind of page: epub:type and its ARIA role. -->
  <xsl:template match="db:chapter" mode="semantics">chapter doc-chapter</xsl:template>
  <xsl:template match="db:appendix" mode="semantics">appendix doc-appendix</xsl:template>
  <xsl:template match="db:preface" mode="semantics">preface doc-preface</xsl:template>
  <xsl:template match="db:part" mode="semantics">part doc-part</xsl:template>
  <xsl:template match="db:glossary" mode="semantics">glossary doc-glossary</xsl:template>
  <xsl:template match="db:index" mode="semantics">index doc-index</xsl:template>
  <xsl:template match="db:bibliography" mode="semantics">bibliography doc-bibliography</xsl:template>
  <xsl:template match="db:colophon" mode="semantics">colophon doc-colophon</xsl:template>
  <xsl:template match="db:dedication" mode="semantics">dedication doc-dedication</xsl:template>
  <xsl:template match="db:acknowledgements" mode="semantics">acknowledgments doc-acknowledgments</xsl:template>
  <xsl:template match="/* | db:book" mode="semantics">titlepage</xsl:template>
  <xsl:template match="*" mode="semantics">bodymatter</xsl:template>

  <xsl:template match="*" mode="content-document">
    <xsl:variable name="semantics"><xsl:apply-templates select="." mode="semantics"/></xsl:variable>
    <xsl:variable name="title"><xsl:apply-templates select="." mode="title-text"/></xsl:variable>
    <xsl:call-template name="xhtml">
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="body">
        <section epub:type="{substring-before(concat($semantics, ' '), ' ')}">
          <xsl:if test="contains($semantics, ' ')">
            <xsl:attribute name="role"><xsl:value-of select="substring-after($semantics, ' ')"/></xsl:attribute>
          </xsl:if>
          <xsl:if test="not(@xml:id)"><xsl:attribute name="id"><xsl:value-of select="concat('page-', @mx:page)"/></xsl:attribute></xsl:if>
          <xsl:call-template name="common-attributes"/>
          <xsl:apply-templates select="." mode="page-body"/>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="cover-page">
    <xsl:call-template name="xhtml">
      <xsl:with-param name="title"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'cover'"/></xsl:call-template></xsl:with-param>
      <xsl:with-param name="body">
        <section class="cover-page" epub:type="cover">
          <xsl:for-each select="$cover-image">
            <img role="doc-cover" src="{$cover-src}">
              <xsl:attribute name="alt">
                <xsl:for-each select="ancestor::db:mediaobject[1]"><xsl:call-template name="alt-text"/></xsl:for-each>
              </xsl:attribute>
            </img>
          </xsl:for-each>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="nav-document">
    <xsl:variable name="contents"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'contents'"/></xsl:call-template></xsl:variable>
    <xsl:call-template name="xhtml">
      <xsl:with-param name="title" select="$contents"/>
      <xsl:with-param name="body">
        <nav epub:type="toc" id="toc" role="doc-toc">
          <h1><xsl:value-of select="$contents"/></h1>
          <ol>
            <xsl:apply-templates select="$book" mode="toc-entry"/>
            <xsl:apply-templates select="$book/*[@mx:page] | $book[self::db:article]/db:section
                | $book[self::db:article]/db:sect1 | $book[self::db:article]/db:simplesect" mode="toc-entry">
              <xsl:with-param name="depth" select="2"/>
            </xsl:apply-templates>
          </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
          <h2><xsl:call-template name="gentext"><xsl:with-param name="key" select="'landmarks'"/></xsl:call-template></h2>
          <ol>
            <xsl:if test="$cover-image">
              <li><a epub:type="cover" href="{$file-cover}"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'cover'"/></xsl:call-template></a></li>
            </xsl:if>
            <li><a epub:type="titlepage" href="index.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'title-page'"/></xsl:call-template></a></li>
            <xsl:if test="$book/*[@mx:page]">
              <li><a epub:type="toc" href="index.xhtml#contents"><xsl:value-of select="$contents"/></a></li>
            </xsl:if>
            <xsl:for-each select="($pages[self::db:chapter or self::db:part])[1]">
              <li><a epub:type="bodymatter" href="{@mx:page}.xhtml"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'start'"/></xsl:call-template></a></li>
            </xsl:for-each>
            <xsl:for-each select="$pages[self::db:glossary]">
              <li><a epub:type="glossary" href="{@mx:page}.xhtml"><xsl:apply-templates select="." mode="title-text"/></a></li>
            </xsl:for-each>
            <!-- epubcheck-ts takes any epub:type="index" for an index that needs one
                 index-entry-list; the span satisfies it and reading systems ignore it. -->
            <xsl:for-each select="$pages[self::db:index]">
              <li><a epub:type="index" href="{@mx:page}.xhtml"><span epub:type="index-entry-list"><xsl:apply-templates select="." mode="title-text"/></span></a></li>
            </xsl:for-each>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Headings rank by depth in the book, across files: the title page h1, parts and
       components h2, chapters in a part h3. -->
  <xsl:template match="*" mode="page-rank">
    <xsl:variable name="rank" select="count(ancestor::*[@mx:page]) + 1"/>
    <xsl:choose>
      <xsl:when test="$rank &gt; 5">5</xsl:when>
      <xsl:otherwise><xsl:value-of select="$rank"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cover has its own page before the title page: the title page does not repeat it. -->
  <xsl:template name="titlepage-cover"/>

  <!-- Bibliography entries and the references to them, named as such for reading systems. -->
  <xsl:template name="biblioentry-semantics">
    <xsl:attribute name="epub:type">biblioentry</xsl:attribute>
  </xsl:template>
  <xsl:template name="biblioref-semantics">
    <xsl:attribute name="epub:type">biblioref</xsl:attribute>
    <xsl:attribute name="role">doc-biblioref</xsl:attribute>
  </xsl:template>

  <!-- Footnotes: pop-up notes where reading systems support them, and plain paragraphs at the
       end of the chapter where they do not. -->
  <xsl:template name="noteref-semantics">
    <xsl:attribute name="epub:type">noteref</xsl:attribute>
  </xsl:template>

  <xsl:template name="notes-list">
    <xsl:param name="notes"/>
    <xsl:apply-templates select="$notes" mode="note-item"/>
  </xsl:template>

  <xsl:template match="db:footnote" mode="note-item">
    <aside class="footnote" epub:type="footnote" role="doc-footnote">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="." mode="note-body"/>
    </aside>
  </xsl:template>

  <!-- A table of more than three columns is too wide for a phone's page, and a scroll box
       cannot be split across pages: it becomes one block per row, the row's first cell as a
       heading and the others as a definition list under their column headers. -->
  <xsl:template match="db:table[db:tgroup[@cols &gt; 3 and db:thead]] | db:informaltable[db:tgroup[@cols &gt; 3 and db:thead]]">
    <xsl:variable name="anchor"><xsl:apply-templates select="." mode="anchor"/></xsl:variable>
    <xsl:variable name="level"><xsl:call-template name="section-level"/></xsl:variable>
    <xsl:variable name="heads" select="db:tgroup/db:thead/db:row[last()]/db:entry"/>
    <!-- Each column header rendered once; rows after the first repeat it without its ids (a
         footnote marker's, an index term's), which the first keeps. -->
    <xsl:variable name="head-cells">
      <xsl:for-each select="$heads"><cell><xsl:apply-templates/></cell></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="cells" select="exsl:node-set($head-cells)/cell"/>
    <div class="table-rows">
      <xsl:if test="$anchor != ''"><xsl:attribute name="id"><xsl:value-of select="$anchor"/></xsl:attribute></xsl:if>
      <xsl:if test="db:title | db:info/db:title | db:caption">
        <p class="table-caption"><xsl:apply-templates select="." mode="caption-markup"/></p>
      </xsl:if>
      <xsl:for-each select="db:tgroup/db:tbody/db:row">
        <xsl:variable name="row" select="position()"/>
        <section class="table-row">
          <xsl:call-template name="common-attributes"/>
          <xsl:element name="h{1 + ($level &gt; 5) * 5 + ($level &lt;= 5) * $level}">
            <xsl:apply-templates select="db:entry[1]/node()"/>
          </xsl:element>
          <dl>
            <xsl:for-each select="db:entry[position() &gt; 1]">
              <xsl:variable name="column" select="count(preceding-sibling::db:entry) + 1"/>
              <dt>
                <xsl:choose>
                  <xsl:when test="$row = 1"><xsl:copy-of select="$cells[$column]/node()"/></xsl:when>
                  <xsl:otherwise><xsl:apply-templates select="$cells[$column]/node()" mode="without-ids"/></xsl:otherwise>
                </xsl:choose>
              </dt>
              <dd><xsl:apply-templates/></dd>
            </xsl:for-each>
          </dl>
        </section>
      </xsl:for-each>
    </div>
  </xsl:template>

  <!-- A copy of rendered markup without its id attributes. -->
  <xsl:template match="*" mode="without-ids">
    <xsl:copy>
      <xsl:copy-of select="@*[local-name() != 'id']"/>
      <xsl:apply-templates mode="without-ids"/>
    </xsl:copy>
  </xsl:template>

  <!-- In the nav document the top element itself is the title page, listed without its children. -->
  <xsl:template match="/*" mode="toc-entry">
    <li><a href="index.xhtml"><xsl:value-of select="$book-title"/></a></li>
  </xsl:template>
</xsl:stylesheet>
