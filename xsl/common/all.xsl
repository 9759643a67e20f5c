<?xml version="1.0" encoding="UTF-8"?>
<!-- all.xsl: every common module, for the output layers (xsl/html, xsl/epub) to import once. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="base.xsl"/>
  <xsl:include href="sections.xsl"/>
  <xsl:include href="blocks.xsl"/>
  <xsl:include href="lists.xsl"/>
  <xsl:include href="tables.xsl"/>
  <xsl:include href="figures.xsl"/>
  <xsl:include href="inlines.xsl"/>
  <xsl:include href="gui.xsl"/>
  <xsl:include href="footnotes.xsl"/>
  <xsl:include href="glossary.xsl"/>
  <xsl:include href="index.xsl"/>
  <xsl:include href="toc.xsl"/>
  <xsl:include href="biblio.xsl"/>
  <xsl:include href="refentry.xsl"/>
  <xsl:include href="callouts.xsl"/>
  <xsl:include href="synopsis.xsl"/>
  <xsl:include href="people.xsl"/>
  <xsl:include href="qanda.xsl"/>
  <xsl:include href="procedure.xsl"/>
  <xsl:include href="tabular-lists.xsl"/>
  <xsl:include href="math.xsl"/>
  <xsl:include href="revhistory.xsl"/>
  <xsl:include href="docbook52.xsl"/>
  <xsl:include href="fallback.xsl"/>
</xsl:stylesheet>
