<?xml version="1.0" encoding="UTF-8"?>
<!-- fallback.xsl: any element no other module renders: warned about at its source line (by
     mixdown's mx:unknown()), and its content shown plainly rather than dropped. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:template match="*">
    <xsl:value-of select="mx:unknown()"/>
    <xsl:choose>
      <xsl:when test="not(ancestor::db:para or ancestor::db:simpara or ancestor::db:title
          or ancestor::db:term or ancestor::db:glossterm or ancestor::db:phrase
          or ancestor::db:entry[not(db:para or db:simpara)] or ancestor::db:attribution)">
        <div class="unknown {local-name()}"><xsl:call-template name="common-attributes"/><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise>
        <span class="unknown {local-name()}"><xsl:call-template name="common-attributes"/><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
