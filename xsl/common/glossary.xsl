<?xml version="1.0" encoding="UTF-8"?>
<!-- glossary.xsl: the glossary as a definition list; each entry links to related entries and
     back to where the book first uses its term. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx epub">

  <xsl:template name="glossary-content">
    <xsl:apply-templates select="node()[not(self::db:title or self::db:info or self::db:glossentry
        or self::db:glossdiv or self::db:subtitle or self::db:titleabbrev)]"/>
    <xsl:apply-templates select="db:glossdiv"/>
    <xsl:if test="count(db:glossentry) &gt; 20">
      <xsl:call-template name="glossary-letters"/>
    </xsl:if>
    <xsl:if test="db:glossentry">
      <dl class="glossary">
        <xsl:apply-templates select="db:glossentry"/>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- A bar of initial letters over a long glossary, each linking to its first entry. -->
  <xsl:template name="glossary-letters">
    <nav class="letters">
      <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'letters'"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="db:glossentry">
        <xsl:variable name="letter" select="translate(substring(normalize-space(db:glossterm), 1, 1), $lower, $upper)"/>
        <xsl:variable name="before" select="preceding-sibling::db:glossentry[1]"/>
        <xsl:if test="not($before) or translate(substring(normalize-space($before/db:glossterm), 1, 1), $lower, $upper) != $letter">
          <a><xsl:attribute name="href"><xsl:apply-templates select="." mode="href"/></xsl:attribute><xsl:value-of select="$letter"/></a>
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:for-each>
    </nav>
  </xsl:template>

  <xsl:template match="db:glossary" mode="page-body">
    <xsl:call-template name="heading">
      <xsl:with-param name="level"><xsl:apply-templates select="." mode="page-rank"/></xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="glossary-content"/>
    <xsl:call-template name="page-footnotes"/>
  </xsl:template>

  <xsl:template match="db:glossary | db:glossdiv">
    <section class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="glossary-content"/>
    </section>
  </xsl:template>

  <!-- A list of terms among the text: its entries as the glossary's. -->
  <xsl:template match="db:glosslist">
    <xsl:call-template name="list-title"/>
    <dl class="glosslist">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:glossentry"/>
    </dl>
  </xsl:template>

  <xsl:template match="db:glossentry">
    <dt>
      <xsl:call-template name="common-attributes"/>
      <dfn><xsl:apply-templates select="db:glossterm/node()"/></dfn>
      <xsl:for-each select="db:acronym | db:abbrev">
        <xsl:text> (</xsl:text><xsl:apply-templates select="."/><xsl:text>)</xsl:text>
      </xsl:for-each>
    </dt>
    <dd>
      <xsl:apply-templates select="db:glossdef/node()[not(self::db:glossseealso)] | db:glosssee"/>
      <xsl:if test="db:glossdef/db:glossseealso">
        <p class="glossseealso">
          <xsl:call-template name="gentext"><xsl:with-param name="key" select="'glossary-see-also'"/></xsl:call-template>
          <xsl:text> </xsl:text>
          <xsl:for-each select="db:glossdef/db:glossseealso">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:call-template name="glossary-reference"/>
          </xsl:for-each>
          <xsl:text>.</xsl:text>
        </p>
      </xsl:if>
      <xsl:if test="@mx:first">
        <xsl:variable name="first" select="id(@mx:first)"/>
        <p class="first-use">
          <a>
            <xsl:attribute name="href"><xsl:apply-templates select="$first" mode="href"/></xsl:attribute>
            <xsl:call-template name="gentext">
              <xsl:with-param name="key" select="'first-use'"/>
              <xsl:with-param name="t"><xsl:apply-templates select="$first" mode="titled-ancestor-text"/></xsl:with-param>
            </xsl:call-template>
          </a>
        </p>
      </xsl:if>
    </dd>
  </xsl:template>

  <xsl:template match="db:glosssee">
    <xsl:variable name="words"><xsl:call-template name="gentext-raw"><xsl:with-param name="key" select="'glossary-see'"/></xsl:call-template></xsl:variable>
    <p class="glosssee">
      <xsl:value-of select="substring-before($words, '%t')"/>
      <xsl:call-template name="glossary-reference"/>
      <xsl:value-of select="substring-after($words, '%t')"/>
    </p>
  </xsl:template>

  <!-- A link to the entry a glossseealso names, or its own words. -->
  <xsl:template name="glossary-reference">
    <xsl:variable name="entry" select="id(@otherterm)"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <a>
          <xsl:attribute name="href"><xsl:apply-templates select="$entry" mode="href"/></xsl:attribute>
          <xsl:apply-templates select="$entry" mode="xref-text"/>
        </a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
