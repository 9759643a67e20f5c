<?xml version="1.0" encoding="UTF-8"?>
<!-- qanda.xsl: questions and answers: a set (with a list of its questions when it has more than
     three), its divisions, and each entry as a question and its answer under Q: and A: labels. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <xsl:template match="db:qandaset">
    <div class="qandaset">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="qanda-title"/>
      <xsl:if test="count(.//db:qandaentry) &gt; 3">
        <nav class="qanda-questions">
          <xsl:attribute name="aria-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="'questions'"/></xsl:call-template></xsl:attribute>
          <ol><xsl:apply-templates select=".//db:qandaentry" mode="qanda-question-link"/></ol>
        </nav>
      </xsl:if>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info)]"/>
    </div>
  </xsl:template>

  <xsl:template match="db:qandadiv">
    <div class="qandadiv">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="qanda-title"/>
      <xsl:apply-templates select="node()[not(self::db:title or self::db:info)]"/>
    </div>
  </xsl:template>

  <xsl:template name="qanda-title">
    <xsl:if test="db:title | db:info/db:title">
      <p class="{local-name()}-title"><xsl:apply-templates select="." mode="title-markup"/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="db:qandaentry" mode="qanda-question-link">
    <li><a><xsl:attribute name="href">#<xsl:apply-templates select="." mode="anchor"/></xsl:attribute><xsl:apply-templates select="db:question" mode="plain"/></a></li>
  </xsl:template>

  <xsl:template match="db:qandaentry">
    <dl class="qandaentry">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:question | db:answer"/>
    </dl>
  </xsl:template>

  <xsl:template match="db:question">
    <dt class="question">
      <xsl:call-template name="qanda-label"/>
      <xsl:apply-templates select="node()[not(self::db:label)]"/>
    </dt>
  </xsl:template>

  <xsl:template match="db:answer">
    <dd class="answer">
      <xsl:call-template name="qanda-label"/>
      <xsl:apply-templates select="node()[not(self::db:label)]"/>
    </dd>
  </xsl:template>

  <!-- The label: the author's own, else Q:/A:, or the question's number with defaultlabel="number";
       none with defaultlabel="none". -->
  <xsl:template name="qanda-label">
    <xsl:variable name="style" select="ancestor::db:qandaset[1]/@defaultlabel"/>
    <xsl:choose>
      <xsl:when test="db:label"><span class="qanda-label"><xsl:apply-templates select="db:label/node()"/></span></xsl:when>
      <xsl:when test="$style = 'none'"/>
      <xsl:when test="$style = 'number' and self::db:question">
        <span class="qanda-label"><xsl:value-of select="count(../preceding::db:qandaentry) - count(ancestor::db:qandaset[1]/preceding::db:qandaentry) + 1"/>.</span>
      </xsl:when>
      <xsl:when test="$style = 'number'"/>
      <xsl:otherwise>
        <span class="qanda-label"><xsl:call-template name="gentext"><xsl:with-param name="key" select="concat(local-name(), '-label')"/></xsl:call-template></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
