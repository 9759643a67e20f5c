<?xml version="1.0" encoding="UTF-8"?>
<!-- index.xsl: the back-of-book index, built from every indexterm: grouped by letter, primary
     and secondary terms, links to the exact spot in the text, see and see-also. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx epub">

  <!-- Keys cannot use variables, so the case folding is spelled out in each. -->
  <xsl:key name="ix-letter" match="db:indexterm[db:primary]"
           use="translate(substring(normalize-space(db:primary/@sortas | db:primary[not(@sortas)]), 1, 1),
                'abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüý', 'ABCDEFGHIJKLMNOPQRSTUVWXYZAAAAAACEEEEIIIINOOOOOOUUUUY')"/>
  <xsl:key name="ix-primary" match="db:indexterm[db:primary]"
           use="translate(normalize-space(db:primary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
  <xsl:key name="ix-secondary" match="db:indexterm[db:primary and db:secondary]"
           use="concat(translate(normalize-space(db:primary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '|',
                translate(normalize-space(db:secondary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"/>

  <xsl:template name="fold">
    <xsl:param name="text"/>
    <xsl:value-of select="translate(normalize-space($text), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
  </xsl:template>

  <xsl:template match="db:index" mode="page-body">
    <xsl:call-template name="heading"><xsl:with-param name="level" select="1"/></xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:variable name="terms" select="//db:indexterm[db:primary]"/>
    <div class="index">
      <xsl:for-each select="$terms[count(. | key('ix-letter', translate(substring(normalize-space(db:primary/@sortas | db:primary[not(@sortas)]), 1, 1),
                'abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüý', 'ABCDEFGHIJKLMNOPQRSTUVWXYZAAAAAACEEEEIIIINOOOOOOUUUUY'))[1]) = 1]">
        <xsl:sort select="translate(substring(normalize-space(db:primary/@sortas | db:primary[not(@sortas)]), 1, 1),
                'abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüý', 'ABCDEFGHIJKLMNOPQRSTUVWXYZAAAAAACEEEEIIIINOOOOOOUUUUY')"/>
        <xsl:variable name="letter" select="translate(substring(normalize-space(db:primary/@sortas | db:primary[not(@sortas)]), 1, 1),
                'abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüý', 'ABCDEFGHIJKLMNOPQRSTUVWXYZAAAAAACEEEEIIIINOOOOOOUUUUY')"/>
        <xsl:call-template name="index-letter">
          <xsl:with-param name="letter" select="$letter"/>
          <xsl:with-param name="terms" select="key('ix-letter', $letter)"/>
        </xsl:call-template>
      </xsl:for-each>
    </div>
  </xsl:template>

  <xsl:template name="index-letter">
    <xsl:param name="letter"/>
    <xsl:param name="terms"/>
    <section class="index-letter">
      <h2 id="ix-letter-{$letter}"><xsl:value-of select="$letter"/></h2>
      <ul class="index-entries">
        <xsl:for-each select="$terms[count(. | key('ix-primary', translate(normalize-space(db:primary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))[1]) = 1]">
          <xsl:sort select="translate(normalize-space(db:primary/@sortas | db:primary[not(@sortas)]), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
          <xsl:variable name="key"><xsl:call-template name="fold"><xsl:with-param name="text" select="db:primary"/></xsl:call-template></xsl:variable>
          <xsl:call-template name="index-entry">
            <xsl:with-param name="key" select="$key"/>
            <xsl:with-param name="group" select="key('ix-primary', $key)"/>
          </xsl:call-template>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <xsl:template name="index-entry">
    <xsl:param name="key"/>
    <xsl:param name="group"/>
    <li id="ix-entry.{translate($key, ' ', '-')}">
      <span class="index-term"><xsl:value-of select="normalize-space(db:primary)"/></span>
      <xsl:call-template name="index-links">
        <xsl:with-param name="terms" select="$group[not(db:secondary) and not(db:see)]"/>
      </xsl:call-template>
      <xsl:call-template name="index-see"><xsl:with-param name="group" select="$group[not(db:secondary)]"/></xsl:call-template>
      <xsl:variable name="subs" select="$group[db:secondary]"/>
      <xsl:if test="$subs">
        <ul>
          <xsl:for-each select="$subs[count(. | key('ix-secondary', concat($key, '|', translate(normalize-space(db:secondary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')))[1]) = 1]">
            <xsl:sort select="translate(normalize-space(db:secondary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
            <xsl:variable name="subgroup" select="key('ix-secondary', concat($key, '|', translate(normalize-space(db:secondary), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')))"/>
            <li>
              <span class="index-term"><xsl:value-of select="normalize-space(db:secondary)"/></span>
              <xsl:call-template name="index-links">
                <xsl:with-param name="terms" select="$subgroup[not(db:see)]"/>
              </xsl:call-template>
              <xsl:call-template name="index-see"><xsl:with-param name="group" select="$subgroup"/></xsl:call-template>
            </li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- One link per section the term appears in, named after that section. -->
  <xsl:template name="index-links">
    <xsl:param name="terms"/>
    <xsl:for-each select="$terms">
      <xsl:variable name="pos" select="position()"/>
      <xsl:variable name="section" select="generate-id(ancestor::*[db:title or db:info/db:title][1])"/>
      <xsl:if test="not($terms[position() &lt; $pos][generate-id(ancestor::*[db:title or db:info/db:title][1]) = $section])">
        <xsl:choose>
          <xsl:when test="$pos = 1"><xsl:text>: </xsl:text></xsl:when>
          <xsl:otherwise><xsl:text>; </xsl:text></xsl:otherwise>
        </xsl:choose>
        <a>
          <xsl:attribute name="href"><xsl:apply-templates select="." mode="href"/></xsl:attribute>
          <xsl:apply-templates select="." mode="titled-ancestor-text"/>
        </a>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="index-see">
    <xsl:param name="group"/>
    <xsl:for-each select="$group/db:see[1] | $group/db:seealso">
      <xsl:variable name="key"><xsl:call-template name="fold"><xsl:with-param name="text" select="."/></xsl:call-template></xsl:variable>
      <xsl:text> (</xsl:text>
      <em>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key"><xsl:choose><xsl:when test="self::db:see">see</xsl:when><xsl:otherwise>see-also</xsl:otherwise></xsl:choose></xsl:with-param>
        </xsl:call-template>
      </em>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="key('ix-primary', $key)">
          <a href="#ix-entry.{translate($key, ' ', '-')}"><xsl:value-of select="normalize-space(.)"/></a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>)</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
