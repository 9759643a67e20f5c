<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE xsl:stylesheet [
  <!-- Elements whose rendering holds only phrasing content: running text, titles, terms,
       verbatim blocks, bibliography entries, inline markup. -->
  <!ENTITY text-holders "self::db:para or self::db:simpara or self::db:title or self::db:titleabbrev
      or self::db:subtitle or self::db:term or self::db:glossterm or self::db:firstterm
      or self::db:phrase or self::db:emphasis or self::db:attribution or self::db:refpurpose
      or self::db:refname or self::db:refdescriptor or self::db:refentrytitle or self::db:refclass
      or self::db:programlisting or self::db:screen or self::db:synopsis or self::db:literallayout
      or self::db:address or self::db:lineannotation or self::db:funcsynopsisinfo
      or self::db:classsynopsisinfo or self::db:cmdsynopsis or self::db:funcprototype
      or self::db:classsynopsis or self::db:fieldsynopsis or self::db:methodsynopsis
      or self::db:constructorsynopsis or self::db:destructorsynopsis or self::db:synopfragment
      or self::db:bridgehead or self::db:biblioentry or self::db:bibliomixed or self::db:biblioset
      or self::db:bibliomset or self::db:seg or self::db:segtitle or self::db:member
      or self::db:link or self::db:xref or self::db:olink or self::db:citation or self::db:citetitle
      or self::db:quote or self::db:glosssee or self::db:glossseealso or self::db:personname
      or self::db:orgname or self::db:enumname or self::db:mathphrase
      or self::db:entry[not(db:para or db:simpara)] or self::db:td[not(db:para or db:simpara)]
      or self::db:th[not(db:para or db:simpara)]">
  <!-- Elements whose rendering holds blocks. -->
  <!ENTITY block-holders "self::db:listitem or self::db:step or self::db:callout or self::db:glossdef
      or self::db:footnote or self::db:note or self::db:tip or self::db:important or self::db:caution
      or self::db:warning or self::db:danger or self::db:blockquote or self::db:epigraph
      or self::db:sidebar or self::db:example or self::db:informalexample or self::db:figure
      or self::db:informalfigure or self::db:formalgroup or self::db:caption or self::db:textobject
      or self::db:entry or self::db:td or self::db:th or self::db:question or self::db:answer
      or self::db:abstract or self::db:legalnotice or self::db:partintro or self::db:highlights
      or self::db:revdescription or self::db:tasksummary or self::db:taskprerequisites
      or self::db:taskrelated or self::db:section or self::db:sect1 or self::db:sect2
      or self::db:sect3 or self::db:sect4 or self::db:sect5 or self::db:simplesect
      or self::db:refsection or self::db:refsect1 or self::db:refsect2 or self::db:refsect3
      or self::db:refsynopsisdiv or self::db:refentry or self::db:chapter or self::db:appendix
      or self::db:preface or self::db:article or self::db:part or self::db:reference
      or self::db:glossary or self::db:glossdiv or self::db:bibliography or self::db:bibliodiv
      or self::db:index or self::db:book or self::db:set or self::db:dedication
      or self::db:colophon or self::db:acknowledgements or self::db:topic">
]>
<!-- base.xsl: what every module looks up: parameters, generated words, anchors, links to any
     element, titles, labels and the text of cross-references. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" xmlns:mx="urn:x-mixdown:plan"
                xmlns:l="urn:x-mixdown:l10n" exclude-result-prefixes="db mx l">

  <!-- Parameters, all given by mixdown. -->
  <xsl:param name="lang" select="'en'"/>
  <xsl:param name="l10n" select="'../l10n/en.xml'"/>
  <!-- The extension of every page's file name. -->
  <xsl:param name="ext" select="'.html'"/>

  <xsl:variable name="l10n-doc" select="document($l10n)/l:l10n"/>
  <!-- The top element: a book, an article or a set of books; its page is the title page. -->
  <xsl:variable name="book" select="/*"/>
  <xsl:variable name="book-title" select="normalize-space(($book/db:info/db:title | $book/db:title)[1])"/>
  <!-- Letters for case-insensitive comparisons (the glossary's letter bar). -->
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyzàáâãäåçèéêëìíîïñòóôõöøùúûüý'"/>

  <xsl:key name="page" match="*" use="@mx:page"/>
  <!-- An element's title (in the element or its info), by the element's generate-id(): asking
       whether an element has a title then costs the same however many children it has. -->
  <xsl:key name="title" match="db:title"
           use="generate-id(parent::db:info/.. | parent::*[not(self::db:info)])"/>
  <xsl:key name="l10n" match="l:text" use="@key"/>

  <!-- A generated word, with %n and %t replaced by the parameters n and t. -->
  <xsl:template name="gentext">
    <xsl:param name="key"/>
    <xsl:param name="n" select="''"/>
    <xsl:param name="t" select="''"/>
    <xsl:variable name="k" select="string($key)"/>
    <xsl:variable name="raw">
      <xsl:for-each select="$l10n-doc"><xsl:value-of select="key('l10n', $k)"/></xsl:for-each>
    </xsl:variable>
    <xsl:variable name="text" select="concat($raw, substring($k, 1 div ($raw = '')))"/>
    <xsl:choose>
      <xsl:when test="contains($text, '%')">
        <xsl:call-template name="substitute">
          <xsl:with-param name="text" select="$text"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="t" select="$t"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A generated word as written, with its %n and %t. -->
  <xsl:template name="gentext-raw">
    <xsl:param name="key"/>
    <xsl:variable name="k" select="string($key)"/>
    <xsl:for-each select="$l10n-doc"><xsl:value-of select="key('l10n', $k)"/></xsl:for-each>
  </xsl:template>

  <xsl:template name="substitute">
    <xsl:param name="text"/>
    <xsl:param name="n"/>
    <xsl:param name="t"/>
    <xsl:choose>
      <xsl:when test="contains($text, '%n')">
        <xsl:call-template name="substitute">
          <xsl:with-param name="text" select="concat(substring-before($text, '%n'), $n, substring-after($text, '%n'))"/>
          <xsl:with-param name="n" select="$n"/>
          <xsl:with-param name="t" select="$t"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="contains($text, '%t')">
        <xsl:value-of select="concat(substring-before($text, '%t'), $t, substring-after($text, '%t'))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor of an element: its xml:id, or the one mixdown's plan gave it. -->
  <xsl:template match="*" mode="anchor">
    <xsl:value-of select="(@xml:id | @mx:id)[1]"/>
  </xsl:template>

  <!-- "yes" when the context element stands where HTML allows only phrasing content (in a
       paragraph's text, a heading, a pre, an inline): its nearest ancestor that decides holds
       text rather than blocks. -->
  <xsl:template name="inline-context">
    <xsl:if test="ancestor::*[&text-holders; or &block-holders;][1][&text-holders;]">yes</xsl:if>
  </xsl:template>

  <!-- id and lang attributes for the HTML element an element becomes. -->
  <xsl:template name="common-attributes">
    <xsl:if test="@xml:id | @mx:id">
      <xsl:attribute name="id"><xsl:value-of select="(@xml:id | @mx:id)[1]"/></xsl:attribute>
    </xsl:if>
    <xsl:if test="@xml:lang and parent::*">
      <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- The relative address of any element: its page, and its anchor unless it is the page. -->
  <xsl:template match="*" mode="href">
    <xsl:variable name="page" select="ancestor-or-self::*[@mx:page][1]"/>
    <xsl:value-of select="concat($page/@mx:page, $ext)"/>
    <xsl:if test="not(@mx:page)">
      <xsl:text>#</xsl:text>
      <xsl:apply-templates select="." mode="anchor"/>
    </xsl:if>
  </xsl:template>

  <!-- Titles. -->
  <!-- A title with words (or an image) in it; one without stands for none, and the element is
       then named by its default title, its id or its name (mode untitled). -->
  <xsl:template match="*" mode="title-markup">
    <xsl:variable name="title" select="(key('title', generate-id()) | self::db:table/db:caption)[normalize-space() != '' or *][1]"/>
    <xsl:choose>
      <xsl:when test="$title"><xsl:apply-templates select="$title/node()"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="untitled"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="title-text">
    <xsl:variable name="title" select="(key('title', generate-id()) | self::db:table/db:caption)[normalize-space() != '' or *][1]"/>
    <xsl:choose>
      <xsl:when test="$title"><xsl:apply-templates select="$title" mode="plain"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="untitled"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="*" mode="untitled">
    <xsl:variable name="default"><xsl:apply-templates select="." mode="default-title"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="normalize-space($default) != ''"><xsl:value-of select="$default"/></xsl:when>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="local-name()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Plain text of a title: its words without index terms, footnotes or remarks. -->
  <xsl:template match="*" mode="plain">
    <xsl:choose>
      <xsl:when test="not(*)"><xsl:value-of select="normalize-space(.)"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="text"><xsl:apply-templates mode="plain-text"/></xsl:variable>
        <xsl:value-of select="normalize-space($text)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <!-- Left out: index terms, notes, remarks, info (and the metadata of other vocabularies it
       may hold), and elements of other vocabularies than DocBook and MathML. -->
  <xsl:template match="db:indexterm | db:footnote | db:remark | db:info
                       | *[namespace-uri() != 'http://docbook.org/ns/docbook'
                           and namespace-uri() != 'http://www.w3.org/1998/Math/MathML']"
                mode="plain-text"/>
  <!-- Blocks are words apart, not run together. -->
  <xsl:template match="db:title | db:para | db:simpara | db:listitem | db:term | db:address
                       | db:literallayout" mode="plain-text">
    <xsl:text> </xsl:text><xsl:apply-templates mode="plain-text"/><xsl:text> </xsl:text>
  </xsl:template>
  <!-- A cross-reference: the words it shows in the text; none for an id the book lacks. -->
  <xsl:template match="db:xref" mode="plain-text">
    <xsl:choose>
      <xsl:when test="@endterm and id(@endterm)"><xsl:apply-templates select="id(@endterm)" mode="plain"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="id(@linkend)" mode="xref-text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="db:quote" mode="plain-text">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-open'"/></xsl:call-template>
    <xsl:apply-templates mode="plain-text"/>
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'quote-close'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="db:glossary" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'glossary'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:index" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'index'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:preface" mode="default-title">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'preface'"/></xsl:call-template>
  </xsl:template>
  <xsl:template match="db:glossentry" mode="default-title">
    <xsl:value-of select="normalize-space(db:glossterm)"/>
  </xsl:template>
  <xsl:template match="*" mode="default-title"/>

  <!-- "Chapter 3", "Appendix A", "Part II", "Figure 3.1"; empty for unnumbered elements. -->
  <xsl:template match="db:chapter | db:appendix | db:part | db:figure | db:table | db:example" mode="label-text">
    <xsl:if test="@mx:label">
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="local-name()"/>
        <xsl:with-param name="n" select="@mx:label"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
  <xsl:template match="*" mode="label-text"/>

  <!-- The words of a cross-reference: "Chapter 3, Getting in", or the plain title. -->
  <xsl:template match="*" mode="xref-text">
    <xsl:variable name="label"><xsl:apply-templates select="." mode="label-text"/></xsl:variable>
    <xsl:variable name="title"><xsl:apply-templates select="." mode="title-text"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$label != ''">
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'xref-numbered'"/>
          <xsl:with-param name="n" select="$label"/>
          <xsl:with-param name="t" select="$title"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$title"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
  <xsl:template match="db:glossentry" mode="xref-text">
    <xsl:value-of select="normalize-space(db:glossterm)"/>
  </xsl:template>
  <xsl:template match="/*" mode="xref-text">
    <xsl:value-of select="$book-title"/>
  </xsl:template>
  <xsl:template match="db:footnote" mode="xref-text">
    <xsl:value-of select="@mx:label"/>
  </xsl:template>
  <xsl:template match="db:listitem | db:varlistentry | db:step" mode="xref-text">
    <xsl:apply-templates select="ancestor::*[key('title', generate-id())][1]" mode="xref-text"/>
  </xsl:template>
  <xsl:template match="db:para | db:simpara | db:anchor | db:indexterm | db:phrase" mode="xref-text">
    <xsl:apply-templates select="ancestor::*[key('title', generate-id())][1]" mode="xref-text"/>
  </xsl:template>

  <!-- The title of the nearest titled element around a spot, for index and glossary links; a
       subsection is named with its section ("Mastering engineer › Skills"), since many share a
       title. -->
  <xsl:template match="*" mode="titled-ancestor-text">
    <xsl:variable name="titled" select="ancestor-or-self::*[key('title', generate-id()) or self::db:glossary or self::db:index][1]"/>
    <xsl:if test="$titled/parent::db:section">
      <xsl:apply-templates select="$titled/parent::db:section" mode="title-text"/>
      <xsl:text> › </xsl:text>
    </xsl:if>
    <xsl:apply-templates select="$titled" mode="title-text"/>
  </xsl:template>

  <!-- Where something is, for an index or glossary locator: its chapter or appendix by label
       ("Chapter 5", else the page's title), then its titled section when that is not the page. -->
  <xsl:template match="*" mode="locator-text">
    <xsl:variable name="page" select="ancestor-or-self::*[@mx:page][1]"/>
    <xsl:variable name="titled" select="ancestor-or-self::*[key('title', generate-id()) or self::db:glossary or self::db:index][1]"/>
    <xsl:variable name="label"><xsl:apply-templates select="$page" mode="label-text"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$label != ''"><xsl:value-of select="$label"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$page" mode="title-text"/></xsl:otherwise>
    </xsl:choose>
    <xsl:if test="count($titled | $page) = 2 or $label != ''">
      <xsl:text> › </xsl:text>
      <xsl:apply-templates select="." mode="titled-ancestor-text"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
