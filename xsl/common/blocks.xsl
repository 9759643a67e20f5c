<?xml version="1.0" encoding="UTF-8"?>
<!-- blocks.xsl: paragraphs, admonitions, sidebars, quotations, epigraphs, examples and
     verbatim text. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:epub="http://www.idpf.org/2007/ops" exclude-result-prefixes="db mx epub">

  <!-- The block elements a DocBook para may hold, which an HTML <p> may not. -->
  <xsl:template name="has-blocks">
    <xsl:if test="db:itemizedlist | db:orderedlist | db:variablelist
        | db:simplelist[not(@type = 'inline')] | db:table | db:informaltable | db:figure
        | db:informalfigure | db:mediaobject | db:programlisting | db:screen | db:literallayout
        | db:note | db:tip | db:important | db:caution | db:warning | db:blockquote | db:example
        | db:informalexample | db:sidebar | db:address | db:procedure | db:segmentedlist
        | db:equation | db:informalequation | db:revhistory | db:task
        | db:danger | db:formalgroup | db:enumsynopsis">yes</xsl:if>
  </xsl:template>

  <!-- A para holding a list, table or other block cannot be an HTML <p>. -->
  <xsl:template match="db:para | db:simpara">
    <xsl:variable name="blocks"><xsl:call-template name="has-blocks"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$blocks = 'yes'">
        <div class="para">
          <xsl:call-template name="common-attributes"/>
          <xsl:apply-templates/>
        </div>
      </xsl:when>
      <xsl:otherwise>
        <p>
          <xsl:call-template name="common-attributes"/>
          <xsl:apply-templates/>
        </p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:formalpara">
    <xsl:variable name="blocks"><xsl:for-each select="db:para"><xsl:call-template name="has-blocks"/></xsl:for-each></xsl:variable>
    <div class="formalpara">
      <xsl:call-template name="common-attributes"/>
      <xsl:variable name="element">
        <xsl:choose>
          <xsl:when test="$blocks = 'yes'">div</xsl:when>
          <xsl:otherwise>p</xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:element name="{$element}">
        <xsl:for-each select="db:para"><xsl:call-template name="common-attributes"/></xsl:for-each>
        <strong class="formalpara-title"><xsl:apply-templates select="." mode="title-markup"/></strong>
        <xsl:text> </xsl:text>
        <xsl:apply-templates select="db:para/node()"/>
      </xsl:element>
    </div>
  </xsl:template>

  <xsl:template match="db:note | db:tip | db:important | db:caution | db:warning" name="admonition">
    <div class="admonition {local-name()}" role="note">
      <xsl:call-template name="common-attributes"/>
      <p class="admonition-title">
        <xsl:choose>
          <xsl:when test="db:title | db:info/db:title"><xsl:apply-templates select="." mode="title-markup"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="local-name()"/></xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </p>
      <xsl:call-template name="body-children"/>
    </div>
  </xsl:template>

  <xsl:template match="db:sidebar">
    <aside class="sidebar">
      <xsl:call-template name="common-attributes"/>
      <xsl:if test="db:title | db:info/db:title">
        <p class="sidebar-title"><xsl:apply-templates select="." mode="title-markup"/></p>
      </xsl:if>
      <xsl:call-template name="body-children"/>
    </aside>
  </xsl:template>

  <xsl:template match="db:blockquote | db:epigraph">
    <figure class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:if test="db:title | db:info/db:title">
        <p class="blockquote-title"><xsl:apply-templates select="." mode="title-markup"/></p>
      </xsl:if>
      <blockquote>
        <xsl:apply-templates select="node()[not(self::db:attribution or self::db:title or self::db:info)]"/>
      </blockquote>
      <xsl:for-each select="db:attribution">
        <figcaption class="attribution">— <xsl:apply-templates/></figcaption>
      </xsl:for-each>
    </figure>
  </xsl:template>

  <xsl:template match="db:example | db:informalexample">
    <figure class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="formal-caption"/>
      <xsl:call-template name="body-children"/>
    </figure>
  </xsl:template>

  <!-- "Figure 3.1. Title" as a figcaption, for formal objects that have a title. -->
  <xsl:template name="formal-caption">
    <xsl:if test="db:title | db:info/db:title">
      <figcaption>
        <xsl:variable name="label"><xsl:apply-templates select="." mode="label-text"/></xsl:variable>
        <xsl:if test="$label != ''">
          <span class="label"><xsl:value-of select="$label"/>.</span>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="." mode="title-markup"/>
      </figcaption>
    </xsl:if>
  </xsl:template>

  <xsl:template match="db:programlisting | db:screen | db:synopsis">
    <pre class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <code><xsl:apply-templates/></code>
    </pre>
  </xsl:template>

  <!-- Lines kept as written: a block, or a span inside running text (an address inside an
       org inside a para); a para holding one directly is a div (has-blocks). -->
  <xsl:template match="db:literallayout | db:address">
    <xsl:variable name="inline">
      <xsl:if test="not(parent::db:para or parent::db:simpara)"><xsl:call-template name="inline-context"/></xsl:if>
    </xsl:variable>
    <xsl:element name="{substring('div', 1, 3 * ($inline != 'yes'))}{substring('span', 1, 4 * ($inline = 'yes'))}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/> verbatim</xsl:attribute>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A note on a line of a listing, inside its pre. -->
  <xsl:template match="db:lineannotation">
    <span class="lineannotation">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <xsl:template match="db:abstract">
    <div class="abstract">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="body-children"/>
    </div>
  </xsl:template>

  <xsl:template match="db:legalnotice">
    <div class="legalnotice">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="body-children"/>
    </div>
  </xsl:template>

  <xsl:template match="db:bridgehead">
    <p class="bridgehead">
      <xsl:call-template name="common-attributes"/>
      <strong><xsl:apply-templates/></strong>
    </p>
  </xsl:template>

  <!-- Remarks are notes between authors, not text for readers. -->
  <xsl:template match="db:remark"/>
</xsl:stylesheet>
