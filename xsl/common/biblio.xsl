<?xml version="1.0" encoding="UTF-8"?>
<!-- biblio.xsl: bibliographies and their entries (biblioentry, whose parts are punctuated here;
     bibliomixed, punctuated by its author), and the references to them: biblioref with its
     generated "[label]", and citation, matched to an entry by abbrev, xml:id or xreflabel. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                exclude-result-prefixes="db mx">

  <xsl:key name="biblio-entry" match="db:biblioentry | db:bibliomixed"
           use="db:abbrev[1] | @xml:id | @xreflabel"/>

  <!-- Hook: attributes marking an entry as such (the EPUB gives its structural semantics). -->
  <xsl:template name="biblioentry-semantics"/>
  <!-- Hook: attributes marking a link as a reference to an entry. -->
  <xsl:template name="biblioref-semantics"/>

  <!-- A bibliography inside a chapter or section, and a list of entries among other blocks. -->
  <xsl:template match="db:bibliography">
    <section class="bibliography">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="heading">
        <xsl:with-param name="level"><xsl:call-template name="section-level"/></xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="body-children"/>
    </section>
  </xsl:template>

  <xsl:template match="db:bibliolist">
    <div class="bibliolist">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="list-title"/>
      <xsl:call-template name="body-children"/>
    </div>
  </xsl:template>

  <xsl:template match="db:bibliography" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'bibliography'"/></xsl:call-template>
  </xsl:template>

  <!-- An entry's label: its leading abbrev, its xreflabel, or its number in the bibliography. -->
  <xsl:template match="db:biblioentry | db:bibliomixed" mode="biblio-label">
    <xsl:choose>
      <xsl:when test="*[1][self::db:abbrev]"><xsl:value-of select="normalize-space(*[1])"/></xsl:when>
      <xsl:when test="@xreflabel"><xsl:value-of select="@xreflabel"/></xsl:when>
      <xsl:otherwise>
        <xsl:number count="db:biblioentry | db:bibliomixed" level="any" from="db:bibliography | db:bibliolist"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="db:biblioentry | db:bibliomixed" mode="xref-text">
    <xsl:text>[</xsl:text><xsl:apply-templates select="." mode="biblio-label"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- An entry: its label in brackets, then its parts. -->
  <xsl:template match="db:biblioentry | db:bibliomixed">
    <p class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="biblioentry-semantics"/>
      <span class="biblio-label"><xsl:apply-templates select="." mode="xref-text"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="biblio-parts"/>
    </p>
  </xsl:template>

  <!-- biblioentry: each part in document order, ended by a full stop unless it ends in one. -->
  <xsl:template match="db:biblioentry | db:biblioset" mode="biblio-parts">
    <xsl:for-each select="*[not(self::db:abbrev or self::db:abstract or self::db:remark or self::db:indexterm
                              or (self::db:pubdate and normalize-space(.) = ''))]">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates select="." mode="biblio-part"/>
      <xsl:variable name="words" select="normalize-space(.)"/>
      <xsl:if test="not(self::db:biblioset or contains('.?!', substring($words, string-length($words))))">
        <xsl:text>.</xsl:text>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- bibliomixed: its own text and punctuation, its parts marked. -->
  <xsl:template match="db:bibliomixed" mode="biblio-parts">
    <xsl:apply-templates select="node()[not(self::db:abbrev)]" mode="biblio-mixed"/>
  </xsl:template>

  <!-- The parts of an entry. -->
  <xsl:template match="db:title | db:citetitle" mode="biblio-part">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>
  <xsl:template match="db:biblioset[@relation = 'article' or @relation = 'part' or @relation = 'chapter']/db:title"
                mode="biblio-part">
    <span class="quote">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-open'"/></xsl:call-template>
      <xsl:apply-templates/>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-close'"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="db:authorgroup" mode="biblio-part">
    <span class="authorgroup">
      <xsl:for-each select="*">
        <xsl:if test="position() &gt; 1">
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="concat('biblio-names-', substring('last', 1, 4 * (position() = last())))"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:apply-templates select="." mode="biblio-part"/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="db:author | db:othercredit" mode="biblio-part">
    <span class="{local-name()}"><xsl:apply-templates select="db:personname | db:orgname"/></span>
  </xsl:template>

  <xsl:template match="db:editor" mode="biblio-part">
    <span class="editor">
      <xsl:apply-templates select="db:personname | db:orgname"/>
      <xsl:text> </xsl:text>
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'biblio-editor'"/></xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="db:publisher" mode="biblio-part">
    <span class="publisher">
      <xsl:apply-templates select="db:publishername" mode="biblio-part"/>
      <xsl:for-each select="db:address">
        <xsl:text>, </xsl:text><xsl:value-of select="normalize-space(.)"/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="db:copyright" mode="biblio-part">
    <span class="copyright"><xsl:apply-templates select="." mode="line"/></span>
  </xsl:template>

  <xsl:template match="db:biblioid[@class = 'isbn' or @class = 'issn' or @class = 'doi']"
                mode="biblio-part">
    <span class="biblioid">
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="concat('biblio-', @class)"/>
        <xsl:with-param name="t" select="normalize-space(.)"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <xsl:template match="db:biblioset" mode="biblio-part">
    <span class="biblioset"><xsl:apply-templates select="." mode="biblio-parts"/></span>
  </xsl:template>

  <!-- Any other part (publishername, pubdate, edition, pagenums, bibliomisc...): its words. -->
  <xsl:template match="*" mode="biblio-part">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- The parts of a bibliomixed that only a bibliography has: marked, their text kept as
       written; titles are cited; anything else is rendered as it is elsewhere. -->
  <xsl:template match="db:author | db:authorgroup | db:editor | db:othercredit | db:publisher
                       | db:publishername | db:pubdate | db:biblioid | db:bibliomset
                       | db:bibliomisc | db:edition | db:volumenum | db:issuenum | db:pagenums
                       | db:releaseinfo | db:address | db:contrib | db:bibliosource | db:copyright
                       | db:year | db:holder | db:date | db:orgname | db:affiliation | db:jobtitle
                       | db:shortaffil | db:orgdiv | db:city | db:country | db:street | db:postcode
                       | db:state | db:seriesvolnums | db:printhistory | db:artpagenums | db:productnumber"
                mode="biblio-mixed">
    <span class="{local-name()}"><xsl:apply-templates mode="biblio-mixed"/></span>
  </xsl:template>
  <xsl:template match="db:title | db:citetitle" mode="biblio-mixed">
    <cite><xsl:apply-templates/></cite>
  </xsl:template>
  <xsl:template match="db:bibliomset[@relation = 'article' or @relation = 'part' or @relation = 'chapter']/db:title"
                mode="biblio-mixed">
    <span class="quote"><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="*" mode="biblio-mixed">
    <xsl:apply-templates select="."/>
  </xsl:template>

  <!-- A reference to an entry: "[label]", or the words of an endterm. -->
  <xsl:template match="db:biblioref">
    <xsl:variable name="target" select="id(@linkend)"/>
    <a class="biblioref">
      <xsl:attribute name="href"><xsl:apply-templates select="$target" mode="href"/></xsl:attribute>
      <xsl:call-template name="common-attributes"/>
      <xsl:call-template name="biblioref-semantics"/>
      <xsl:choose>
        <xsl:when test="@endterm and id(@endterm)"><xsl:apply-templates select="id(@endterm)" mode="plain"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$target" mode="xref-text"/></xsl:otherwise>
      </xsl:choose>
    </a>
  </xsl:template>

  <!-- In plain text (descriptions, search), a reference keeps its generated words. -->
  <xsl:template match="db:biblioref" mode="plain-text">
    <xsl:apply-templates select="id(@linkend)" mode="xref-text"/>
  </xsl:template>
  <xsl:template match="db:citation" mode="plain-text">
    <xsl:text>[</xsl:text><xsl:apply-templates mode="plain-text"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A citation: its words in brackets, linked to the entry they name when there is one. -->
  <xsl:template match="db:citation">
    <xsl:variable name="entry" select="key('biblio-entry', normalize-space(.))[1]"/>
    <span class="citation">
      <xsl:call-template name="common-attributes"/>
      <xsl:text>[</xsl:text>
      <xsl:choose>
        <xsl:when test="$entry">
          <a class="biblioref">
            <xsl:attribute name="href"><xsl:apply-templates select="$entry" mode="href"/></xsl:attribute>
            <xsl:call-template name="biblioref-semantics"/>
            <xsl:apply-templates/>
          </a>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>]</xsl:text>
    </span>
  </xsl:template>
</xsl:stylesheet>
