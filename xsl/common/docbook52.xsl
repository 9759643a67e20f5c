<?xml version="1.0" encoding="UTF-8"?>
<!-- docbook52.xsl: the elements DocBook 5.1 and 5.2 added: the danger admonition, names of
     code, the enumeration synopsis and groups of formal objects. (givenname is a part of
     personname, in inlines.xsl; topic is a page, in sections.xsl; meta, like the rest of
     info, is read by the title page only and never shown.) -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <!-- The strongest admonition, shown as the others are. -->
  <xsl:template match="db:danger">
    <xsl:call-template name="admonition"/>
  </xsl:template>

  <xsl:template match="db:buildtarget | db:templatename | db:enumname | db:enumidentifier
                       | db:enumvalue">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'code'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An enumeration: its name, then each item's identifier = value with its description. -->
  <xsl:template match="db:enumsynopsis">
    <div class="enumsynopsis">
      <xsl:call-template name="common-attributes"/>
      <xsl:if test="db:enumname">
        <p class="enumsynopsis-name"><xsl:apply-templates select="db:enumname"/></p>
      </xsl:if>
      <dl>
        <xsl:apply-templates select="db:enumitem"/>
      </dl>
    </div>
  </xsl:template>

  <xsl:template match="db:enumitem">
    <dt>
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:enumidentifier"/>
      <xsl:for-each select="db:enumvalue">
        <xsl:text> = </xsl:text>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </dt>
    <dd><xsl:apply-templates select="db:enumitemdescription/node()"/></dd>
  </xsl:template>

  <!-- Figures, tables, examples or equations shown together under the group's own title. -->
  <xsl:template match="db:formalgroup">
    <figure class="formalgroup">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="formal-caption"/>
      <xsl:call-template name="body-children"/>
    </figure>
  </xsl:template>
</xsl:stylesheet>
