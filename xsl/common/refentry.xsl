<?xml version="1.0" encoding="UTF-8"?>
<!-- refentry.xsl: reference pages. A reference lists its entries with their purpose; each
     refentry (a page of its own inside a reference) is titled "name(1)" from its refmeta, or by
     its first refname, and shows its names and purpose, synopsis and sections. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template match="db:refentry" mode="default-title">
    <xsl:variable name="meta" select="db:refmeta"/>
    <xsl:choose>
      <xsl:when test="$meta/db:refentrytitle">
        <xsl:apply-templates select="$meta/db:refentrytitle" mode="plain"/>
        <xsl:if test="$meta/db:manvolnum">
          <xsl:value-of select="concat('(', normalize-space($meta/db:manvolnum), ')')"/>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="db:refnamediv/db:refname[1]" mode="plain"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="db:refnamediv" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'refname'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:refsynopsisdiv" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'synopsis'"/></xsl:call-template>
  </xsl:template>

  <!-- A reference: its introduction, then each entry's name and purpose. -->
  <xsl:template match="db:reference" mode="page-body">
    <xsl:call-template name="heading">
      <xsl:with-param name="level"><xsl:apply-templates select="." mode="page-rank"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:if test="db:refentry">
      <dl class="refentries">
        <xsl:for-each select="db:refentry">
          <dt>
            <a>
              <xsl:attribute name="href"><xsl:apply-templates select="." mode="href"/></xsl:attribute>
              <xsl:apply-templates select="." mode="title-text"/>
            </a>
          </dt>
          <dd><xsl:apply-templates select="db:refnamediv/db:refpurpose/node()"/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <xsl:template match="db:refentry" mode="page-body">
    <xsl:call-template name="heading">
      <xsl:with-param name="level"><xsl:apply-templates select="." mode="page-rank"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <!-- A refentry that is not a page of its own (in a chapter or section). -->
  <xsl:template match="db:refentry">
    <section class="refentry">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="body-children"/>
    </section>
  </xsl:template>

  <!-- The names and purpose: "audiotrim, audiocut — cut silence from recordings". -->
  <xsl:template match="db:refnamediv">
    <section class="refnamediv">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <p>
        <xsl:choose>
          <xsl:when test="db:refdescriptor">
            <span class="refname"><xsl:apply-templates select="db:refdescriptor/node()"/></span>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="db:refname">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <span class="refname"><xsl:apply-templates/></span>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text> — </xsl:text>
        <span class="refpurpose"><xsl:apply-templates select="db:refpurpose/node()"/></span>
      </p>
      <xsl:for-each select="db:refclass">
        <p class="refclass"><xsl:apply-templates/></p>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- A citation of a reference page, "tapetool-trim(1)": a link to that page when the book has
       it (by its title or one of its names, and its manual section when the citation gives
       one), plain text otherwise. -->
  <xsl:key name="refentry" match="db:refentry" use="db:refmeta/db:refentrytitle | db:refnamediv/db:refname"/>

  <xsl:template match="db:citerefentry">
    <xsl:variable name="volume" select="normalize-space(db:manvolnum)"/>
    <xsl:variable name="target" select="key('refentry', normalize-space(db:refentrytitle))
        [$volume = '' or normalize-space(db:refmeta/db:manvolnum) = $volume][1]"/>
    <xsl:variable name="citation">
      <span class="citerefentry">
        <xsl:call-template name="common-attributes"/>
        <span class="refentrytitle"><xsl:apply-templates select="db:refentrytitle/node()"/></span>
        <xsl:if test="$volume != ''"><xsl:value-of select="concat('(', $volume, ')')"/></xsl:if>
      </span>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$target and generate-id($target) != generate-id(ancestor::db:refentry[1])
                      and not(ancestor::db:link | ancestor::db:xref | ancestor::db:title)">
        <a>
          <xsl:attribute name="href"><xsl:apply-templates select="$target" mode="href"/></xsl:attribute>
          <xsl:copy-of select="$citation"/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:copy-of select="$citation"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:citerefentry" mode="plain-text">
    <xsl:value-of select="normalize-space(db:refentrytitle)"/>
    <xsl:if test="normalize-space(db:manvolnum) != ''">
      <xsl:value-of select="concat('(', normalize-space(db:manvolnum), ')')"/>
    </xsl:if>
  </xsl:template>

  <!-- The manual section and other metadata are in the title, not the body. -->
  <xsl:template match="db:refmeta"/>
</xsl:stylesheet>
