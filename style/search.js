// search.js: the search engine behind the site's search box and its results page, loaded on
// first use together with the records mixdown wrote (assets/search-index.js) and the Snowball
// English stemmer (assets/stemmer.js, copied from the npm package porter2 at build time).
// One tokenizer serves the records and the queries: accents and case folded; A&R, R&B, 3:1
// kept whole; hyphenated and slashed words (re-recording, AC/DC) both joined and split; "'s"
// and other word forms reduced by the stemmer; Chinese, Japanese and Korean text by single
// characters and pairs. Records are ranked with BM25F over their fields (title, index terms,
// the page and section titles above them, text), with a bonus when the query's words stand
// together, stop words ignored, partial matches allowed but ranked by how many query words
// they hold, and words not in the book corrected to the nearest ones (one edit for 4 to 7
// letters, two for longer), ranked below exact matches.
(function () {
  "use strict";

  var stem = window.mixdownStemmer.stem;

  // ---- tokens ----

  var MARKS = /[\u0300-\u036f]/g;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
  // A word: letters and digits, with the joiners inside it ("a&r", "re-recording", "3:1", "it's").
  var WORD = /[\p{L}\p{N}\p{M}]+(?:['\u2019&/:.\-][\p{L}\p{N}\p{M}]+)*/gu;
  var JOINER = /[&/:.\-]/;
  var NUMBER = /^\d+(?:[:.]\d+)+$/;
  var WORD_GAP = /[^\p{L}\p{N}\p{M}&'/:.\-]+/gu;
  var STOP = new Set(("a about after all also an and any are as at be become been but by can could do does " +
    "did for from get go had has have how i if in into is it its it's make many me much my need no not " +
    "of on or our so such " +
    "than that the their them then there these they this those to too up us was we were what when " +
    "want where which while who whom why will with would you your").split(" "));

  // Lowercase, accents removed: "Écho" and "echo" match.
  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").toLowerCase().replace(/\u2019/g, "'");
  }

  // The term a word is indexed under: English words by their stem ("mixing", "mixes" -> "mix").
  function term(word) {
    if (/^[a-z']+$/.test(word) && word.length > 2) return stem(word).replace(/'/g, "");
    return word.replace(/'/g, "");
  }

  // The forms one folded word stands for: itself, or for a joined word, its parts too.
  function forms(word) {
    if (CJK.test(word)) {
      var chars = Array.from(word), out = [];
      chars.forEach(function (c, i) {
        out.push(c);
        if (i + 1 < chars.length) out.push(c + chars[i + 1]);
      });
      return out;
    }
    if (!JOINER.test(word) || NUMBER.test(word)) return [word];
    var parts = word.split(/[&/:.\-]+/);
    var joined = word.indexOf("&") !== -1 ? parts.join("&") : parts.join("");
    return [joined].concat(parts.filter(function (p) { return p.length > 1; }));
  }

  // Calls visit(word, start, end) for each word of text, with its offsets in text.
  function eachWord(text, visit) {
    WORD.lastIndex = 0;
    for (var m = WORD.exec(text); m; m = WORD.exec(text)) visit(m[0], m.index, m.index + m[0].length);
  }

  // The terms a folded word is indexed under, remembered: books repeat their words.
  var known = new Map();
  function termsOf(word) {
    var terms = known.get(word);
    if (!terms) {
      terms = forms(word).map(term);
      known.set(word, terms);
    }
    return terms;
  }

  // [{word, terms}]: the text's words in order, each with the terms it is indexed under.
  function tokens(text) {
    var out = [];
    eachWord(fold(text || ""), function (word) {
      out.push({ word: word, terms: termsOf(word) });
    });
    return out;
  }

  // ---- the index ----

  // Fields and their weights; b is how much a long field is discounted.
  var FIELDS = [
    { key: "title", weight: 8, b: 0.3 },
    { key: "terms", weight: 4, b: 0.3 },
    { key: "trail", weight: 2, b: 0.3 },
    { key: "text", weight: 1, b: 0.75 },
  ];
  var K1 = 2;
  var KIND_WEIGHT = { term: 1.15, section: 1, page: 1 };

  // The terms of each word of text, in order (arrays shared between equal words).
  function termSequence(text, vocabulary) {
    var words = text ? fold(text).match(WORD) || [] : [];
    var out = new Array(words.length);
    for (var i = 0; i < words.length; i++) {
      var terms = termsOf(words[i]);
      if (vocabulary && !vocabulary.has(words[i])) vocabulary.set(words[i], terms);
      out[i] = terms;
    }
    return out;
  }

  function Index(records) {
    this.records = records;
    this.postings = new Map(); // term -> Map record number -> weighted, length-normalized frequency
    this.words = new Map(); // folded word -> its terms, for corrections and prefixes
    var self = this;
    var lengths = FIELDS.map(function () { return 0; });
    var perRecord = records.map(function (record) {
      return FIELDS.map(function (f, i) {
        var seq = termSequence(record[f.key], self.words);
        lengths[i] += seq.length;
        return seq;
      });
    });
    var average = lengths.map(function (l) { return Math.max(1, l / Math.max(1, records.length)); });
    perRecord.forEach(function (fields, n) {
      var freq = new Map();
      fields.forEach(function (seq, i) {
        var f = FIELDS[i];
        var norm = f.weight / (1 - f.b + f.b * seq.length / average[i]);
        seq.forEach(function (terms) {
          for (var k = 0; k < terms.length; k++) freq.set(terms[k], (freq.get(terms[k]) || 0) + norm);
        });
      });
      freq.forEach(function (tf, x) {
        var list = self.postings.get(x);
        if (!list) self.postings.set(x, list = new Map());
        list.set(n, tf);
      });
      records[n].sequence = fields[0].concat(fields[3]);
      records[n].titleTerms = new Set([].concat.apply([], fields[0]));
    });
    this.byInitial = new Map(); // first letter -> [[word, terms]], where corrections are looked for
    this.words.forEach(function (terms, word) {
      var first = word.charAt(0);
      if (!self.byInitial.has(first)) self.byInitial.set(first, []);
      self.byInitial.get(first).push([word, terms]);
    });
  }

  function idf(count, total) {
    return Math.log(1 + (total - count + 0.5) / (count + 0.5));
  }

  // Optimal string alignment distance (edits, a swap of neighbours counting as one), or
  // limit + 1 once it must exceed limit. Three rows, reused.
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit || b.length >= 63) return limit + 1;
    var prev2 = rows[0], prev = rows[1], row = rows[2], j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (var i = 1; i <= a.length; i++) {
      row[0] = i;
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row[j] = d;
        if (d < best) best = d;
      }
      if (best > limit) return limit + 1;
      var spare = prev2;
      prev2 = prev;
      prev = row;
      row = spare;
    }
    return prev[b.length];
  }

  var RERANKED = 50; // candidates the closer look (words together, words in the title) is given to
  var FUZZY_WEIGHT = 0.4, PREFIX_WEIGHT = 0.5, LONGER_WEIGHT = 0.3;

  // The terms one query word matches, each with a weight: its own; else, as the last word
  // being typed, those of the words it begins; else those of the book's words one or two edits
  // away (typing errors rarely touch a word's first letter, so only words sharing it count).
  Index.prototype.expand = function (token, last) {
    var self = this, out = [];
    token.terms.forEach(function (t) { if (self.postings.has(t)) out.push({ term: t, weight: 1, word: token.word }); });
    if (out.length) return out.concat(this.longer(token.terms[0]));
    var word = token.word;
    var near = this.byInitial.get(word.charAt(0)) || [];
    var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    near.forEach(function (entry) {
      var w = entry[0];
      if (last && w.length > word.length && w.lastIndexOf(word, 0) === 0) {
        out.push({ term: entry[1][0], weight: PREFIX_WEIGHT, word: w, prefix: true });
        return;
      }
      if (!limit || CJK.test(word)) return;
      var d = distance(word, w, limit);
      if (d <= limit) out.push({ term: entry[1][0], weight: FUZZY_WEIGHT / d, word: w });
    });
    return out;
  };

  // Terms that begin with a stem of three letters or more ("mix": "mixer", "mixdown"), weighed
  // below the stem itself.
  Index.prototype.longer = function (stemmed) {
    var out = [];
    if (stemmed.length < 3 || !/^[a-z]+$/.test(stemmed)) return out;
    this.postings.forEach(function (list, t) {
      if (t.length > stemmed.length && t.lastIndexOf(stemmed, 0) === 0) out.push({ term: t, weight: LONGER_WEIGHT, word: t, prefix: true });
    });
    return out;
  };

  // The shortest stretch of the record's words holding every matched query word (for the
  // proximity bonus), in words; Infinity when some is missing.
  function span(sequence, groups) {
    var last = new Array(groups.length).fill(-Infinity);
    var best = Infinity;
    for (var pos = 0; pos < sequence.length; pos++) {
      var terms = sequence[pos], lo = Infinity;
      for (var i = 0; i < groups.length; i++) {
        for (var k = 0; k < terms.length; k++) if (groups[i].has(terms[k])) last[i] = pos;
        if (last[i] < lo) lo = last[i];
      }
      if (pos - lo + 1 < best) best = pos - lo + 1;
    }
    return best;
  }

  // {results: [{record, score}], terms: Set of matched terms, suggestion}
  Index.prototype.search = function (query, typing) {
    var self = this;
    var all = tokens(query);
    var words = all.filter(function (t) { return !STOP.has(t.word); });
    if (!words.length) words = all;
    var total = this.records.length;
    var scores = new Map(), found = new Map(); // record number -> score, -> rarity of the words found
    var groups = [], terms = new Set(), corrected = [], exact = true, rarity = 0;
    words.forEach(function (token, i) {
      var options = self.expand(token, typing && i === words.length - 1);
      var group = new Set();
      if (!options.length || options[0].weight < 1) exact = false;
      var best = options.filter(function (o) { return !o.prefix; }).sort(function (a, b) { return b.weight - a.weight; })[0];
      corrected.push(best ? best.word : token.word);
      var perRecord = new Map(), weight = 0;
      options.forEach(function (o) {
        group.add(o.term);
        terms.add(o.term);
        var list = self.postings.get(o.term);
        var w = o.weight * idf(list.size, total);
        weight = Math.max(weight, w);
        list.forEach(function (tf, n) {
          var s = w * tf / (K1 + tf);
          if (s > (perRecord.get(n) || 0)) perRecord.set(n, s);
        });
      });
      rarity += weight || idf(0, total);
      perRecord.forEach(function (s, n) {
        scores.set(n, (scores.get(n) || 0) + s);
        found.set(n, (found.get(n) || 0) + weight);
      });
      groups.push(group);
    });
    // Partial matches count, but a record holding the query's rarer words ranks higher.
    var results = [];
    scores.forEach(function (s, n) {
      var record = self.records[n];
      var cover = found.get(n) / rarity;
      results.push({ record: record, score: s * cover * cover * (KIND_WEIGHT[record.kind] || 1) });
    });
    results.sort(function (a, b) { return b.score - a.score; });
    // For the best candidates: a bonus when the query's words stand together (up to twice the
    // score), for each of them in the title (up to twice), and when the title is the query
    // (three times) or holds it (one and a half).
    var phrase = " " + corrected.join(" ") + " ";
    results.slice(0, RERANKED).forEach(function (r) {
      var width = groups.length > 1 ? span(r.record.sequence, groups) : Infinity;
      if (width < Infinity) r.score *= 1 + groups.length / width;
      var inTitle = groups.filter(function (g) {
        for (var x of g) if (r.record.titleTerms.has(x)) return true;
        return false;
      }).length;
      r.score *= 1 + inTitle / groups.length;
      var title = " " + fold(r.record.title).replace(/\s*\(.*\)$/, "").replace(WORD_GAP, " ") + " ";
      if (title === phrase) r.score *= 3;
      else if (title.indexOf(phrase) !== -1) r.score *= 1.5;
    });
    results.sort(function (a, b) { return b.score - a.score; });
    var suggestion = null;
    if (!exact && results.length) suggestion = corrected.join(" ");
    if (suggestion === fold(query).trim()) suggestion = null;
    return { results: results, terms: terms, suggestion: suggestion };
  };

  // ---- what a result shows ----

  // Pieces of text [{text, marked}]: words whose term was matched are marked.
  function marked(text, terms) {
    var out = [], from = 0;
    eachWord(text, function (raw, start, end) {
      var hit = termsOf(fold(raw)).some(function (x) { return terms.has(x); });
      if (!hit) return;
      if (start > from) out.push({ text: text.slice(from, start), marked: false });
      out.push({ text: raw, marked: true });
      from = end;
    });
    if (from < text.length) out.push({ text: text.slice(from), marked: false });
    return out;
  }

  // About LENGTH characters of text around its densest cluster of matched words.
  var LENGTH = 180;
  function snippet(text, terms) {
    var hits = [];
    eachWord(text, function (raw, start) {
      if (termsOf(fold(raw)).some(function (x) { return terms.has(x); })) hits.push(start);
    });
    var start = 0, most = 0;
    hits.forEach(function (h, i) {
      var n = 0;
      for (var k = i; k < hits.length && hits[k] < h + LENGTH - 40; k++) n++;
      if (n > most) { most = n; start = h; }
    });
    start = Math.max(0, start - 40);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + LENGTH);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
  }

  window.mixdownSearchEngine = {
    Index: Index,
    tokens: tokens,
    marked: marked,
    snippet: snippet,
  };
})();
