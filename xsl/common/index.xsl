<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [
  <!-- The grouping keys, from the folded words mixdown's plan put on each indexterm. -->
  <!ENTITY primary-key "@mx:group">
  <!ENTITY primary-sort "@mx:sort">
  <!ENTITY letter-key "@mx:letter">
  <!ENTITY secondary-key "concat(@mx:group, '|', @mx:sub)">
  <!-- Is the term the first of its group, in document order (mx:leads, from the plan)? -->
  <!ENTITY leads-letter "contains(@mx:leads, 'letter')">
  <!ENTITY leads-primary "contains(@mx:leads, 'primary')">
  <!ENTITY leads-secondary "contains(@mx:leads, 'secondary')">
  <!ENTITY leads-section "contains(@mx:leads, 'section')">
]>
<!-- index.xsl: the back-of-book index, built from every indexterm: grouped by letter, primary
     and secondary terms (case and accents folded by mixdown's plan), links to the exact spot
     in the text, see and see-also. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx epub">

  <xsl:key name="ix-letter" match="db:indexterm" use="&letter-key;"/>
  <xsl:key name="ix-primary" match="db:indexterm" use="&primary-key;"/>
  <xsl:key name="ix-secondary" match="db:indexterm[db:primary and db:secondary]" use="&secondary-key;"/>
  <!-- Each key is asked once per group, never once per term: key() copies its whole group. -->

  <xsl:template match="db:index" mode="page-body">
    <xsl:variable name="rank"><xsl:apply-templates select="." mode="page-rank"/></xsl:variable>
    <xsl:call-template name="heading"><xsl:with-param name="level" select="$rank"/></xsl:call-template>
    <xsl:call-template name="body-children"/>
    <xsl:variable name="terms" select="//db:indexterm[db:primary]"/>
    <xsl:variable name="letters" select="$terms[&leads-letter;]"/>
    <nav class="letters">
      <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'letters'"/></xsl:call-template></xsl:attribute>
      <xsl:for-each select="$letters">
        <xsl:sort select="&letter-key;"/>
        <a href="#ix-letter-{&letter-key;}"><xsl:value-of select="&letter-key;"/></a>
        <xsl:text> </xsl:text>
      </xsl:for-each>
    </nav>
    <xsl:call-template name="index-letters">
      <xsl:with-param name="letters">
        <xsl:for-each select="$letters">
          <xsl:sort select="&letter-key;"/>
          <xsl:call-template name="index-letter">
            <xsl:with-param name="heading">
              <xsl:element name="h{$rank + 1}"><xsl:attribute name="id">ix-letter-<xsl:value-of select="&letter-key;"/></xsl:attribute><xsl:value-of select="&letter-key;"/></xsl:element>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The index's letters, in order ($letters, each made by index-letter); an output may hold
       them in another list. -->
  <xsl:template name="index-letters">
    <xsl:param name="letters"/>
    <div class="index"><xsl:copy-of select="$letters"/></div>
  </xsl:template>

  <!-- One letter of the index, the context term leading it: its heading, then its entries. -->
  <xsl:template name="index-letter">
    <xsl:param name="heading"/>
    <section class="index-letter">
      <xsl:copy-of select="$heading"/>
      <ul class="index-entries"><xsl:call-template name="index-letter-entries"/></ul>
    </section>
  </xsl:template>

  <!-- The entries of the context term's letter, sorted. -->
  <xsl:template name="index-letter-entries">
    <xsl:for-each select="key('ix-letter', &letter-key;)[&leads-primary;]">
      <xsl:sort select="&primary-sort;"/>
      <xsl:call-template name="index-entry">
        <xsl:with-param name="key" select="&primary-key;"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="index-entry">
    <xsl:param name="key"/>
    <xsl:variable name="group" select="key('ix-primary', $key)"/>
    <xsl:variable name="subs" select="$group[db:secondary]"/>
    <li id="ix-entry.{translate($key, ' ', '_')}">
      <span class="index-term"><xsl:value-of select="normalize-space(db:primary)"/></span>
      <xsl:call-template name="index-links">
        <xsl:with-param name="terms" select="$group[not(db:secondary) and not(db:see)]"/>
      </xsl:call-template>
      <xsl:call-template name="index-see"><xsl:with-param name="group" select="$group[not(db:secondary)]"/></xsl:call-template>
      <xsl:if test="$subs">
        <ul>
          <xsl:for-each select="$subs[&leads-secondary;]">
            <xsl:sort select="@mx:sub"/>
            <xsl:variable name="subgroup" select="key('ix-secondary', &secondary-key;)"/>
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

  <!-- One link per section the term appears in, named after that section: the first term of
       each (entry, section) group. -->
  <xsl:template name="index-links">
    <xsl:param name="terms"/>
    <xsl:for-each select="$terms[&leads-section;]">
      <xsl:choose>
        <xsl:when test="position() = 1"><xsl:text>: </xsl:text></xsl:when>
        <xsl:otherwise><xsl:text>; </xsl:text></xsl:otherwise>
      </xsl:choose>
      <a>
        <xsl:attribute name="href"><xsl:apply-templates select="." mode="href"/></xsl:attribute>
        <xsl:apply-templates select="." mode="locator-text"/>
      </a>
    </xsl:for-each>
  </xsl:template>

  <!-- "(see X)" and "(see also Y; Z)": each target once, linked when it is an entry. -->
  <xsl:template name="index-see">
    <xsl:param name="group"/>
    <xsl:call-template name="index-references">
      <xsl:with-param name="refs" select="$group/db:see"/>
      <xsl:with-param name="word" select="'see'"/>
    </xsl:call-template>
    <xsl:call-template name="index-references">
      <xsl:with-param name="refs" select="$group/db:seealso"/>
      <xsl:with-param name="word" select="'see-also'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="index-references">
    <xsl:param name="refs"/>
    <xsl:param name="word"/>
    <xsl:if test="$refs">
      <xsl:text> (</xsl:text>
      <em><xsl:call-template name="gentext"><xsl:with-param name="key" select="$word"/></xsl:call-template></em>
      <xsl:text> </xsl:text>
      <xsl:for-each select="$refs">
        <xsl:variable name="pos" select="position()"/>
        <xsl:variable name="key" select="string(@mx:group)"/>
        <xsl:if test="not($refs[position() &lt; $pos][@mx:group = $key])">
          <xsl:if test="$refs[position() &lt; $pos]">; </xsl:if>
          <xsl:choose>
            <xsl:when test="key('ix-primary', $key)">
              <a href="#ix-entry.{translate($key, ' ', '_')}"><xsl:value-of select="normalize-space(.)"/></a>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:if>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
