<?xml version="1.0" encoding="UTF-8"?>
<!-- search.xsl: the records of the site's search index, read from each page's rendered body so
     that a record holds what the reader sees there (link and cross-reference text included):
     one record for the page's own text, one for each section and one for each glossary entry.
     Each is an <mx:record>, made in an <out:records> beside the page's <out:file>; mixdown
     takes each as it is made, and writes the index from them (tools/search.c). Attributes: href, kind (page, section or term), title, trail (the
     page and enclosing section titles), terms (the index terms placed there, "; " between)
     and text. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db">

  <!-- Called with a page element as context and its rendered body. -->
  <xsl:template name="search-records">
    <xsl:param name="body"/>
    <xsl:variable name="href" select="concat(@mx:page, '.html')"/>
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="not(parent::*)"><xsl:value-of select="$book-title"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="." mode="title-text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <mx:record href="{$href}" kind="page" title="{$title}" trail="">
      <xsl:call-template name="search-fields">
        <xsl:with-param name="terms" select="$body//span[@class = 'indexterm'][not(ancestor::section)]"/>
        <xsl:with-param name="content" select="$body/node()"/>
      </xsl:call-template>
    </mx:record>
    <xsl:apply-templates select="$body//section[@id] | $body//dl[@class = 'glossary']/dt[@id]" mode="search-record">
      <xsl:with-param name="href" select="$href"/>
      <xsl:with-param name="page-title" select="$title"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="section" mode="search-record">
    <xsl:param name="href"/>
    <xsl:param name="page-title"/>
    <mx:record href="{$href}#{@id}" kind="section">
      <xsl:attribute name="title"><xsl:call-template name="search-source-title"/></xsl:attribute>
      <xsl:attribute name="trail">
        <xsl:value-of select="$page-title"/>
        <xsl:for-each select="ancestor::section[@id]">
          <xsl:text> › </xsl:text>
          <xsl:call-template name="search-source-title"/>
        </xsl:for-each>
      </xsl:attribute>
      <xsl:call-template name="search-fields">
        <xsl:with-param name="terms" select=".//span[@class = 'indexterm'][generate-id(ancestor::section[1]) = generate-id(current())]"/>
        <xsl:with-param name="content" select="node()"/>
      </xsl:call-template>
    </mx:record>
  </xsl:template>

  <!-- A glossary entry: its term as the page shows it, and its definition. -->
  <xsl:template match="dt" mode="search-record">
    <xsl:param name="href"/>
    <xsl:param name="page-title"/>
    <mx:record href="{$href}#{@id}" kind="term" title="{normalize-space(.)}" trail="{$page-title}">
      <xsl:call-template name="search-fields">
        <xsl:with-param name="terms" select="following-sibling::dd[1]//span[@class = 'indexterm']"/>
        <xsl:with-param name="content" select="following-sibling::dd[1]"/>
      </xsl:call-template>
    </mx:record>
  </xsl:template>

  <!-- The title of the DocBook element the rendered element came from, as its heading says: the
       page's ids are the book's xml:id and mx:id (the plan registers those as ids). -->
  <xsl:template name="search-source-title">
    <xsl:variable name="id" select="@id"/>
    <xsl:for-each select="$book">
      <xsl:apply-templates select="id($id)" mode="title-text"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="search-fields">
    <xsl:param name="terms"/>
    <xsl:param name="content"/>
    <xsl:attribute name="terms">
      <xsl:for-each select="$terms">
        <xsl:variable name="id" select="@id"/>
        <xsl:if test="position() &gt; 1">; </xsl:if>
        <xsl:for-each select="$book">
          <xsl:for-each select="id($id)/*[self::db:primary or self::db:secondary or self::db:tertiary]">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space(.)"/>
          </xsl:for-each>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:attribute>
    <xsl:attribute name="text"><xsl:apply-templates select="$content" mode="search-text"/></xsl:attribute>
  </xsl:template>

  <!-- The words a record's text is made of: blocks are kept apart by a space, so neighbouring
       texts are never glued together; what has a record of its own, headings, navigation, the
       index's list of entries, the glossary's "First used in" links and footnote marks are
       left out. -->
  <xsl:template match="*" mode="search-text">
    <xsl:apply-templates mode="search-text"/>
  </xsl:template>
  <!-- The classes are tested inside the templates, not in their patterns: libxslt counts a
       node's position among all its siblings to match a pattern with a predicate, which in a
       rendered page (never cached there) costs time that grows with the square of a long
       chapter's paragraphs. -->
  <xsl:template match="p | li | dt | dd | td | th | caption | figcaption | pre | blockquote | div | aside
                       | table | tr | ul | ol | dl | figure | br" mode="search-text">
    <xsl:if test="not(@class = 'glossary' or @class = 'index' or @class = 'first-use')">
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="search-text"/>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
  <xsl:template match="a" mode="search-text">
    <xsl:if test="not(@class = 'self-link')">
      <xsl:apply-templates mode="search-text"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="section | nav | h1 | h2 | h3 | h4 | h5 | h6 | sup" mode="search-text"/>
</xsl:stylesheet>
