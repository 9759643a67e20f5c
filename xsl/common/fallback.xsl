<?xml version="1.0" encoding="UTF-8"?>
<!-- fallback.xsl: any element no other module renders: warned about at its source line (by
     mixdown's mx:unknown()), and its content shown plainly rather than dropped. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <!-- A span where only phrasing content is allowed, a div among blocks. -->
  <xsl:template match="*">
    <xsl:value-of select="mx:unknown()"/>
    <xsl:variable name="inline"><xsl:call-template name="inline-context"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$inline = 'yes'">
        <span class="unknown {local-name()}"><xsl:call-template name="common-attributes"/><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="unknown {local-name()}"><xsl:call-template name="common-attributes"/><xsl:apply-templates/></div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
