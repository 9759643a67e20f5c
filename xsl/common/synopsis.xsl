<?xml version="1.0" encoding="UTF-8"?>
<!-- synopsis.xsl: names from programs (constants, types, packages, tags, methods, input and
     output) and synopses: of a command (arguments with their brackets and repetition), of a
     C function (prototypes), and of a class and its fields, methods and constructors. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:db="http://docbook.org/ns/docbook" exclude-result-prefixes="db">

  <!-- Names as they are written in a program. -->
  <xsl:template match="db:constant | db:type | db:package | db:methodname | db:returnvalue
                       | db:exceptionname | db:interfacename | db:modifier | db:initializer">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'code'"/>
      <xsl:with-param name="class" select="local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:userinput">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'kbd'"/>
      <xsl:with-param name="class" select="'userinput'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="db:computeroutput">
    <xsl:call-template name="inline">
      <xsl:with-param name="element" select="'samp'"/>
      <xsl:with-param name="class" select="'computeroutput'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A tag as its class writes it: <para>, </para>, <xref/>, &amp;, <?pi?>, xml:id. -->
  <xsl:template match="db:tag">
    <xsl:variable name="class" select="concat(@class, substring('element', 1, 7 * not(@class)))"/>
    <code class="tag tag-{$class}">
      <xsl:call-template name="common-attributes"/>
      <xsl:choose>
        <xsl:when test="$class = 'starttag'">&lt;<xsl:apply-templates/>&gt;</xsl:when>
        <xsl:when test="$class = 'endtag'">&lt;/<xsl:apply-templates/>&gt;</xsl:when>
        <xsl:when test="$class = 'emptytag'">&lt;<xsl:apply-templates/>/&gt;</xsl:when>
        <xsl:when test="$class = 'genentity'">&amp;<xsl:apply-templates/>;</xsl:when>
        <xsl:when test="$class = 'numcharref'">&amp;#<xsl:apply-templates/>;</xsl:when>
        <xsl:when test="$class = 'paramentity'">%<xsl:apply-templates/>;</xsl:when>
        <xsl:when test="$class = 'pi'">&lt;?<xsl:apply-templates/>&gt;</xsl:when>
        <xsl:when test="$class = 'xmlpi'">&lt;?<xsl:apply-templates/>?&gt;</xsl:when>
        <xsl:when test="$class = 'comment' or $class = 'sgmlcomment'">&lt;!--<xsl:apply-templates/>--&gt;</xsl:when>
        <xsl:when test="$class = 'attvalue'">"<xsl:apply-templates/>"</xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </code>
  </xsl:template>

  <!-- ==== Command synopsis: "audiotrim [-q] {-i | -o} file…" ==== -->
  <xsl:template match="db:cmdsynopsis">
    <div class="cmdsynopsis">
      <xsl:call-template name="common-attributes"/>
      <p>
        <code>
          <xsl:for-each select="*[not(self::db:synopfragment or self::db:info)]">
            <xsl:if test="position() &gt; 1 and not(self::db:sbr or preceding-sibling::*[1][self::db:sbr])">
              <xsl:text> </xsl:text>
            </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
        </code>
      </p>
      <xsl:apply-templates select="db:synopfragment"/>
    </div>
  </xsl:template>

  <!-- The brackets of a choice: [optional], {required}, or none. -->
  <xsl:template name="choice-bracket">
    <xsl:param name="side"/>
    <xsl:variable name="choice" select="concat(@choice, substring('opt', 1, 3 * not(@choice)))"/>
    <xsl:if test="$choice != 'plain'">
      <span class="choice">
        <xsl:choose>
          <xsl:when test="$choice = 'req' and $side = 'open'">{</xsl:when>
          <xsl:when test="$choice = 'req'">}</xsl:when>
          <xsl:when test="$side = 'open'">[</xsl:when>
          <xsl:otherwise>]</xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
  </xsl:template>

  <xsl:template name="repetition">
    <xsl:if test="@rep = 'repeat'"><span class="rep">…</span></xsl:if>
  </xsl:template>

  <!-- An argument; inside a group, the group's brackets stand for its own. -->
  <xsl:template match="db:arg">
    <span class="arg">
      <xsl:if test="not(parent::db:group)">
        <xsl:call-template name="choice-bracket"><xsl:with-param name="side" select="'open'"/></xsl:call-template>
      </xsl:if>
      <xsl:for-each select="node()">
        <xsl:if test="(self::db:arg or self::db:group) and preceding-sibling::node()[1][self::*]"><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="not(parent::db:group)">
        <xsl:call-template name="choice-bracket"><xsl:with-param name="side" select="'close'"/></xsl:call-template>
      </xsl:if>
      <xsl:call-template name="repetition"/>
    </span>
  </xsl:template>

  <!-- A group: its members separated by "|", in the group's brackets. -->
  <xsl:template match="db:group">
    <span class="group">
      <xsl:call-template name="choice-bracket"><xsl:with-param name="side" select="'open'"/></xsl:call-template>
      <xsl:for-each select="*">
        <xsl:if test="position() &gt; 1 and not(self::db:sbr)"><span class="separator"> | </span></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:call-template name="choice-bracket"><xsl:with-param name="side" select="'close'"/></xsl:call-template>
      <xsl:call-template name="repetition"/>
    </span>
  </xsl:template>

  <xsl:template match="db:sbr"><br/></xsl:template>

  <!-- A fragment of a long synopsis, written apart and referred to by its number. -->
  <xsl:template match="db:synopfragment">
    <p class="synopfragment">
      <xsl:call-template name="common-attributes"/>
      <span class="label"><xsl:apply-templates select="." mode="xref-text"/></span>
      <xsl:text> </xsl:text>
      <code>
        <xsl:for-each select="*">
          <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </code>
    </p>
  </xsl:template>
  <xsl:template match="db:synopfragment" mode="xref-text">
    <xsl:value-of select="concat('(', count(preceding-sibling::db:synopfragment) + 1, ')')"/>
  </xsl:template>

  <xsl:template match="db:synopfragmentref">
    <a class="synopfragmentref">
      <xsl:attribute name="href"><xsl:apply-templates select="id(@linkend)" mode="href"/></xsl:attribute>
      <xsl:apply-templates select="id(@linkend)" mode="xref-text"/>
      <xsl:if test="node()"><xsl:text> </xsl:text><xsl:apply-templates/></xsl:if>
    </a>
  </xsl:template>

  <!-- ==== Function synopsis: "int mix_open(const char *path, int flags);" ==== -->
  <xsl:template match="db:funcsynopsis">
    <div class="funcsynopsis">
      <xsl:call-template name="common-attributes"/>
      <xsl:apply-templates select="db:funcsynopsisinfo | db:funcprototype"/>
    </div>
  </xsl:template>

  <xsl:template match="db:funcsynopsisinfo | db:classsynopsisinfo">
    <pre class="{local-name()}"><code><xsl:apply-templates/></code></pre>
  </xsl:template>

  <xsl:template match="db:funcprototype">
    <p class="funcprototype">
      <code>
        <xsl:for-each select="db:modifier[following-sibling::db:funcdef]">
          <xsl:apply-templates select="."/><xsl:text> </xsl:text>
        </xsl:for-each>
        <xsl:apply-templates select="db:funcdef"/>
        <xsl:text>(</xsl:text>
        <xsl:for-each select="db:void | db:varargs | db:paramdef">
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
        <xsl:text>)</xsl:text>
        <xsl:for-each select="db:modifier[preceding-sibling::db:funcdef]">
          <xsl:text> </xsl:text><xsl:apply-templates select="."/>
        </xsl:for-each>
        <xsl:text>;</xsl:text>
      </code>
    </p>
  </xsl:template>

  <xsl:template match="db:funcdef">
    <span class="funcdef"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="db:funcdef/db:function">
    <strong class="function"><xsl:apply-templates/></strong>
  </xsl:template>

  <xsl:template match="db:paramdef">
    <span class="paramdef">
      <xsl:if test="@choice = 'opt'">[</xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="@choice = 'opt'">]</xsl:if>
    </span>
  </xsl:template>

  <!-- A parameter's name in a synopsis is a variable: it stands for what the caller gives. -->
  <xsl:template match="db:paramdef/db:parameter | db:methodparam/db:parameter">
    <var class="parameter"><xsl:apply-templates/></var>
  </xsl:template>

  <xsl:template match="db:funcparams">(<xsl:apply-templates/>)</xsl:template>
  <xsl:template match="db:void">void</xsl:template>
  <xsl:template match="db:varargs">...</xsl:template>

  <!-- ==== Class synopsis, written as the class's declaration ==== -->
  <xsl:template match="db:classsynopsis">
    <pre class="classsynopsis">
      <xsl:call-template name="common-attributes"/>
      <code>
        <xsl:apply-templates select="(db:ooclass | db:oointerface | db:ooexception)[1]" mode="declaration"/>
        <xsl:for-each select="db:ooclass[position() &gt; 1]">
          <xsl:if test="position() = 1"> extends </xsl:if>
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="." mode="declaration"/>
        </xsl:for-each>
        <xsl:for-each select="db:oointerface[count(. | ../*[1]) = 2]">
          <xsl:if test="position() = 1"> implements </xsl:if>
          <xsl:if test="position() &gt; 1">, </xsl:if>
          <xsl:apply-templates select="." mode="declaration"/>
        </xsl:for-each>
        <xsl:text> {&#10;</xsl:text>
        <xsl:for-each select="db:fieldsynopsis | db:methodsynopsis | db:constructorsynopsis
                              | db:destructorsynopsis | db:classsynopsisinfo">
          <xsl:text>    </xsl:text>
          <xsl:apply-templates select="." mode="declaration"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <xsl:text>}</xsl:text>
      </code>
    </pre>
  </xsl:template>

  <!-- A class, interface or exception: "public class Mixer". -->
  <xsl:template match="db:ooclass | db:oointerface | db:ooexception" mode="declaration">
    <xsl:if test="count(. | ../*[1]) = 1 and not(self::db:oointerface and ../@class != 'interface')">
      <xsl:for-each select="db:modifier"><xsl:apply-templates select="."/><xsl:text> </xsl:text></xsl:for-each>
      <xsl:choose>
        <xsl:when test="self::db:oointerface">interface </xsl:when>
        <xsl:otherwise>class </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
    <xsl:apply-templates select="*[not(self::db:modifier)]"/>
  </xsl:template>

  <xsl:template match="db:classsynopsisinfo" mode="declaration">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- "private int rate = 48000;" -->
  <xsl:template match="db:fieldsynopsis" mode="declaration">
    <span class="fieldsynopsis">
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="db:modifier | db:type">
        <xsl:apply-templates select="."/><xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates select="db:varname"/>
      <xsl:for-each select="db:initializer">
        <xsl:text> = </xsl:text><xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:text>;</xsl:text>
    </span>
  </xsl:template>

  <!-- "public void play(int from, int to) throws IOException;" -->
  <xsl:template match="db:methodsynopsis | db:constructorsynopsis | db:destructorsynopsis" mode="declaration">
    <span class="{local-name()}">
      <xsl:call-template name="common-attributes"/>
      <xsl:for-each select="(db:modifier | db:type | db:void)[following-sibling::db:methodname]">
        <xsl:apply-templates select="."/><xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates select="db:methodname"/>
      <xsl:text>(</xsl:text>
      <xsl:for-each select="db:methodparam">
        <xsl:if test="position() &gt; 1">, </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:text>)</xsl:text>
      <xsl:for-each select="db:exceptionname">
        <xsl:choose>
          <xsl:when test="position() = 1"> throws </xsl:when>
          <xsl:otherwise>, </xsl:otherwise>
        </xsl:choose>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:for-each select="db:modifier[preceding-sibling::db:methodname]">
        <xsl:text> </xsl:text><xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:text>;</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="db:methodparam">
    <span class="methodparam">
      <xsl:if test="@choice = 'opt'">[</xsl:if>
      <xsl:for-each select="*">
        <xsl:if test="position() &gt; 1 and not(self::db:initializer)"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="self::db:initializer"><xsl:text> = </xsl:text></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:if test="@rep = 'repeat'">...</xsl:if>
      <xsl:if test="@choice = 'opt'">]</xsl:if>
    </span>
  </xsl:template>

  <!-- A member's synopsis on its own, outside a class synopsis. -->
  <xsl:template match="db:fieldsynopsis | db:methodsynopsis | db:constructorsynopsis | db:destructorsynopsis">
    <pre class="{local-name()}"><code><xsl:apply-templates select="." mode="declaration"/></code></pre>
  </xsl:template>
</xsl:stylesheet>
