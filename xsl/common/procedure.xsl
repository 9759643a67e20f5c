<?xml version="1.0" encoding="UTF-8"?>
<!-- procedure.xsl: procedures with their titles, numbered steps, substeps (a, b, c, then i, ii,
     iii, in turn), alternative steps, and tasks built around a procedure. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <xsl:template match="db:procedure">
    <div class="procedure">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="block-title"/>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info or self::db:step)]"/>
      <ol class="steps"><xsl:apply-templates select="db:step"/></ol>
    </div>
  </xsl:template>

  <xsl:template match="db:step">
    <li class="step">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="block-title"/>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info)]"/>
    </li>
  </xsl:template>

  <xsl:template match="db:substeps">
    <ol class="substeps" type="{substring('ai', count(ancestor::db:substeps) mod 2 + 1, 1)}">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:step"/>
    </ol>
  </xsl:template>

  <!-- Steps of which the reader takes one. -->
  <xsl:template match="db:stepalternatives">
    <ul class="stepalternatives">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:step"/>
    </ul>
  </xsl:template>

  <!-- A task: its summary, what must be true before, its procedure, examples and what is related. -->
  <xsl:template match="db:task">
    <div class="task">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="block-title"/>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info)]"/>
    </div>
  </xsl:template>

  <xsl:template match="db:tasksummary | db:taskprerequisites | db:taskrelated">
    <div class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="block-title"/>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info)]"/>
    </div>
  </xsl:template>

  <!-- The title of a block that is not a formal object: its own, else a generated one. -->
  <xsl:template name="block-title">
    <xsl:variable name="title"><xsl:apply-templates select="." mode="block-title-text"/></xsl:variable>
    <xsl:if test="db:title | db:info/db:title or $title != ''">
      <p class="{local-name()}-title">
        <xsl:choose>
          <xsl:when test="db:title | db:info/db:title"><xsl:apply-templates select="." mode="title-markup"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
        </xsl:choose>
      </p>
    </xsl:if>
  </xsl:template>
  <xsl:template match="db:taskprerequisites" mode="block-title-text">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'task-prerequisites'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:taskrelated" mode="block-title-text">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'task-related'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="*" mode="block-title-text"/>
</xsl:stylesheet>
