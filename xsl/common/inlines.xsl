<?xml version="1.0" encoding="UTF-8"?>
<!-- inlines.xsl: emphasis, terms, code-like text, quotations, links and cross-references. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:xlink="http://www.w3.org/1999/xlink" exclude-result-prefixes="db mx xlink">

  <!-- An inline element rendered as the given HTML element, with an optional class. -->
  <xsl:template name="inline">
    <xsl:param name="element" select="'span'"/>
    <xsl:param name="class" select="''"/>
    <xsl:element name="{$element}">
      <xsl:if test="$class != ''"><xsl:attribute name="class"><xsl:value-of select="$class"/></xsl:attribute></xsl:if>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="db:emphasis">
    <xsl:call-template name="inline">
      <xsl:with-param name="element">
        <xsl:choose>
          <xsl:when test="@role = 'bold' or @role = 'strong'">strong</xsl:when>
          <xsl:otherwise>em</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:phrase | db:personname | db:orgname | db:productname | db:application">
    <xsl:call-template name="inline">
      <xsl:with-param name="class" select="normalize-space(concat(local-name(), ' ', @role))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:citetitle">
    <xsl:call-template name="inline"><xsl:with-param name="element" select="'cite'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:abbrev | db:acronym">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'abbr'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:literal | db:code | db:filename | db:command | db:option | db:varname
                       | db:function | db:parameter | db:classname | db:envar | db:systemitem
                       | db:prompt | db:markup | db:uri[not(@xlink:href)]">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'code'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:replaceable">
    <xsl:call-template name="inline"><xsl:with-param name="element" select="'var'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:subscript">
    <xsl:call-template name="inline"><xsl:with-param name="element" select="'sub'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:superscript">
    <xsl:call-template name="inline"><xsl:with-param name="element" select="'sup'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:foreignphrase | db:wordasword">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'i'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:trademark">
    <xsl:call-template name="inline"><xsl:with-param name="class" select="'trademark'"/></xsl:call-template>
    <xsl:choose>
      <xsl:when test="@class = 'registered'">®</xsl:when>
      <xsl:when test="@class = 'copyright'">©</xsl:when>
      <xsl:when test="@class = 'service'">℠</xsl:when>
      <xsl:otherwise>™</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:quote">
    <span class="quote">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-open'"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-close'"/></xsl:call-template>
    </span>
  </xsl:template>

  <!-- Terms: linked to their glossary entry when the plan found one. -->
  <xsl:template match="db:firstterm | db:glossterm">
    <xsl:variable name="entry" select="id(@mx:gloss)"/>
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="self::db:firstterm">dfn</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$entry">
        <a class="{local-name()}">
          <xsl:attribute name="href"><xsl:apply-templates select="$entry" mode="href"/></xsl:attribute>
          <xsl:call-template name="common-attributes"/>
          <xsl:element name="{$element}"><xsl:apply-templates/></xsl:element>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="inline">
          <xsl:with-param name="element" select="$element"/>
          <xsl:with-param name="class" select="local-name()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An index term leaves an anchor where it stands, for the index to link to. -->
  <xsl:template match="db:indexterm">
    <span class="indexterm">
      <xsl:attribute name="id"><xsl:apply-templates select="." mode="anchor"/></xsl:attribute>
    </span>
  </xsl:template>

  <xsl:template match="db:anchor">
    <span><xsl:call-template name="common-attributes"/></span>
  </xsl:template>

  <xsl:template match="db:xref">
    <xsl:variable name="target" select="id(@linkend)"/>
    <a class="xref">
      <xsl:attribute name="href"><xsl:apply-templates select="$target" mode="href"/></xsl:attribute>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="." mode="plain-text"/>
    </a>
  </xsl:template>

  <!-- A link to a place in the book: linkend, or an xlink:href of "#id" (mx:linkend). -->
  <xsl:template match="db:link[@linkend] | db:link[@mx:linkend]">
    <xsl:variable name="target" select="id((@linkend | @mx:linkend)[1])"/>
    <a class="link">
      <xsl:attribute name="href"><xsl:apply-templates select="$target" mode="href"/></xsl:attribute>
      <xsl:call-template name="common-attributes"/>
      <xsl:choose>
        <xsl:when test="node()"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$target" mode="xref-text"/></xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <!-- A reference to an id the book does not have (a build that goes on despite errors):
       marked where it stands, never a link that leads nowhere. -->
  <xsl:template match="db:xref[not(id(@linkend))] | db:link[@linkend][not(id(@linkend))]
                       | db:biblioref[not(id(@linkend))] | db:synopfragmentref[not(id(@linkend))]"
                priority="2">
    <span class="broken-link">
      <xsl:attribute name="title">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'unknown-id'"/>
          <xsl:with-param name="t" select="@linkend"/>
        </xsl:call-template>
      </xsl:attribute>
      <xsl:choose>
        <xsl:when test="self::db:link and node()"><xsl:apply-templates/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat('[', @linkend, ']')"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Web and mail links become links, to the address the plan allowed (mx:href); any other
       scheme stays plain text. -->
  <xsl:template match="db:link[@xlink:href][not(@mx:linkend)] | db:uri[@xlink:href] | db:email">
    <xsl:choose>
      <xsl:when test="@mx:href">
        <a class="ulink" href="{@mx:href}">
          <xsl:call-template name="common-attributes"/>
          <xsl:choose>
            <xsl:when test="node()"><xsl:apply-templates/></xsl:when>
            <xsl:otherwise><xsl:value-of select="@mx:href"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="link"><xsl:call-template name="common-attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
