// search.js: the search engine behind the site's search box and its results page, loaded on
// first use with the Snowball English stemmer (assets/stemmer.js, copied from the npm package
// porter2 at build time) and the index mixdown built (assets/search-index.js, and the shards
// and text a query needs). Queries are tokenized as tools/tokens.c tokenized the book (its top
// comment is the spec both follow): accents and case folded; A&R, R&B, 3:1 kept whole;
// hyphenated and slashed words (re-recording, AC/DC) both joined and split; word forms reduced
// by the stemmer; Chinese, Japanese and Korean text by single characters and pairs. Records are
// ranked with BM25F over their fields (weights given at build time), with a bonus for query
// words in the title and, among the results shown, for query words standing together in the
// text, stop words ignored, partial matches allowed but ranked by how many query
// words they hold, and words not in the book corrected to the nearest ones (one edit for 4 to
// 7 letters, two for longer), ranked below exact matches.
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

  // The tokens of a query that are looked up: all but its stop words, unless it has only those.
  function searched(query) {
    var all = tokens(query);
    var words = all.filter(function (t) { return !STOP.has(t.word); });
    return words.length ? words : all;
  }

  // ---- the index ----

  // mixdown builds the index (tools/search.c, which names its files): the records, the keys of
  // the shards and where the shards and texts are (files.terms, files.text) in the index file
  // the page names; in each shard, files.terms + HEX + ".js", the terms beginning with its key,
  // each with its postings [record delta, weight * 200 + 1 if in the title, ...], and the book's
  // words with their first term ("mixing mix"), where corrections are looked for; the text of
  // each page's records in files.text + N + ".js", loaded only for results shown. A shard too
  // big for one file is split by one more character; it keeps the terms as long as its key and
  // a brief (p) of the terms below it with the strongest postings, {term: [records it is in,
  // then postings in its strongest records]}, which a word being typed that is the key ("m")
  // is looked up in alone.
  var K1 = 2;
  var KIND_WEIGHT = { term: 1.15, section: 1, page: 1 };

  // load(path under assets/, then): loads a script (for file://, where fetch does not work).
  function Index(data, load) {
    this.records = data.records.map(function (r, n) {
      return { n: n, href: r[0], kind: r[1], title: r[2], trail: r[3], page: r[4] };
    });
    // The shards' keys, in the index's order, in which a split key comes before the keys below
    // it; every beginning of a key below is a key too.
    this.keys = new Set(data.shards);
    var below = this.below = new Map(); // split key -> the keys below it, in order
    data.shards.forEach(function (k) {
      var chars = Array.from(k);
      for (var i = 1; i < chars.length; i++) {
        var p = chars.slice(0, i).join("");
        if (!below.has(p)) below.set(p, []);
        below.get(p).push(k);
      }
    });
    this.files = data.files; // where the term files and the text files are: {terms, text}
    this.load = load;
    this.decoded = new Map(); // term -> its postings, decoded
    this.briefs = new Map(); // split key -> its brief, decoded
    this.scripts = new Map(); // script path -> true once loaded, or the callers waiting for it
    // By record number, for a search, which sets back to zero what it used: the score of a
    // query word's best term, the record's score, and the rarity of the query's words found.
    var total = this.records.length;
    this.perRecord = new Float64Array(total);
    this.scores = new Float64Array(total);
    this.found = new Float64Array(total);
  }

  function hex(key) {
    return Array.from(new TextEncoder().encode(key), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  // The keys of the shards that hold the terms or words s begins, and unless beginningsOnly,
  // those of the shards below, which hold the longer ones s is the beginning of.
  Index.prototype.keysFor = function (s, beginningsOnly) {
    var out = [], begun = "";
    for (var c of s) {
      if (!this.keys.has(begun += c)) break;
      out.push(begun);
    }
    return beginningsOnly || !this.below.has(s) ? out : out.concat(this.below.get(s));
  };

  Index.prototype.shards = function (s, beginningsOnly) {
    var all = window.mixdownSearchShards || {};
    return this.keysFor(s, beginningsOnly).map(function (k) { return all[k]; }).filter(Boolean);
  };

  // Whether a word is looked up in its shard's brief: the last word being typed, when it is
  // the key of a split shard.
  Index.prototype.isBrief = function (word, last) {
    return last && this.below.has(word);
  };

  // Loads every script in paths, then calls then. A script is requested once: a later caller
  // that needs a script still on its way waits for it too, so no search runs on a term file or
  // a text file that has not arrived.
  Index.prototype.loadAll = function (paths, then) {
    var self = this, left = 1;
    function done() { if (--left === 0) then(); }
    paths.forEach(function (p) {
      var state = self.scripts.get(p);
      if (state === true) return;
      left++;
      if (state) { state.push(done); return; }
      self.scripts.set(p, [done]);
      self.load(p, function () {
        var waiting = self.scripts.get(p);
        self.scripts.set(p, true);
        waiting.forEach(function (f) { f(); });
      });
    });
    done();
  };

  // Loads the shards a query needs (typing: its last word is still being typed), then calls then.
  Index.prototype.prepare = function (query, typing, then) {
    var self = this, paths = [];
    searched(query).forEach(function (t, i, words) {
      var brief = self.isBrief(t.word, typing && i === words.length - 1);
      [t.word].concat(t.terms).forEach(function (s) {
        self.keysFor(s, brief).forEach(function (k) { paths.push(self.files.terms + hex(k) + ".js"); });
      });
    });
    this.loadAll(paths, then);
  };

  // The text files of the results' records.
  Index.prototype.textFiles = function (results) {
    return results.map(function (r) { return this.files.text + r.record.page + ".js"; }, this);
  };

  // Whether the text of the results' records is loaded.
  Index.prototype.hasText = function (results) {
    return this.textFiles(results).every(function (p) { return this.scripts.get(p) === true; }, this);
  };

  // Loads the text of the results' records (for snippets), then calls then.
  Index.prototype.prepareText = function (results, then) {
    this.loadAll(this.textFiles(results), function () {
      var text = window.mixdownSearchText || {};
      results.forEach(function (r) { r.record.text = text[r.record.n] || ""; });
      then();
    });
  };

  // Postings as the shards write them, from list[from] on, as {records: their record numbers,
  // tf: their frequencies, title: Set of the records with the term in their title, count: the
  // records the term is in}.
  function decode(list, from, count) {
    var size = (list.length - from) >> 1;
    var out = { records: new Int32Array(size), tf: new Float64Array(size), title: new Set(), count: count === undefined ? size : count };
    for (var i = from, k = 0, n = 0; i < list.length; i += 2, k++) {
      n += list[i];
      out.records[k] = n;
      out.tf[k] = (list[i + 1] >> 1) / 100;
      if (list[i + 1] & 1) out.title.add(n);
    }
    return out;
  }

  // A term's postings, decoded once, or undefined when no loaded term file holds it (then it
  // is not remembered: a term file loaded later may). Only the shards of its beginnings can.
  Index.prototype.postings = function (term) {
    if (this.decoded.has(term)) return this.decoded.get(term);
    var list;
    this.shards(term, true).forEach(function (shard) {
      if (Object.prototype.hasOwnProperty.call(shard.t, term)) list = shard.t[term];
    });
    if (list) this.decoded.set(term, decode(list, 0));
    return this.decoded.get(term);
  };

  // The brief of the split shard whose key is word: [{term, list}], each list partial.
  Index.prototype.brief = function (word) {
    var shard = (window.mixdownSearchShards || {})[word];
    if (!this.briefs.has(word) && shard && shard.p) {
      this.briefs.set(word, Object.keys(shard.p).map(function (t) {
        return { term: t, list: decode(shard.p[t], 1, shard.p[t][0]) };
      }));
    }
    return this.briefs.get(word) || [];
  };

  // [[word, its first term]] of the loaded shards for word.
  Index.prototype.near = function (word) {
    var out = [];
    this.shards(word).forEach(function (shard) {
      shard.w.forEach(function (entry) {
        var at = entry.indexOf(" ");
        out.push(at === -1 ? [entry, entry] : [entry.slice(0, at), entry.slice(at + 1)]);
      });
    });
    return out;
  };

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

  var RERANKED = 50; // candidates the closer look (words in the title) is given to
  var FUZZY_WEIGHT = 0.4, PREFIX_WEIGHT = 0.5, LONGER_WEIGHT = 0.3;

  // The terms one query word matches, each with a weight: its own; else, as the last word
  // being typed, those of the words it begins; else those of the book's words one or two edits
  // away (typing errors rarely touch a word's first letter, so only words sharing it count).
  // A word looked up in a brief begins only the brief's terms, with their strongest records.
  Index.prototype.expand = function (token, last) {
    var self = this, out = [];
    var word = token.word, brief = this.isBrief(word, last);
    token.terms.forEach(function (t) { if (self.postings(t)) out.push({ term: t, weight: 1, word: word }); });
    if (out.length) return out.concat(this.longer(token.terms[0], brief ? word : null));
    if (brief) {
      return this.brief(word).map(function (b) { return { term: b.term, weight: PREFIX_WEIGHT, word: b.term, prefix: true, list: b.list }; });
    }
    var near = this.near(word);
    var limit = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    near.forEach(function (entry) {
      var w = entry[0];
      if (last && w.length > word.length && w.lastIndexOf(word, 0) === 0) {
        out.push({ term: entry[1], weight: PREFIX_WEIGHT, word: w, prefix: true });
        return;
      }
      if (!limit || CJK.test(word) || w.charAt(0) !== word.charAt(0)) return;
      var d = distance(word, w, limit);
      if (d <= limit) out.push({ term: entry[1], weight: FUZZY_WEIGHT / d, word: w });
    });
    return out;
  };

  // Terms that begin with a stem of three letters or more ("mix": "mixer", "mixdown"), weighed
  // below the stem itself; for a word looked up in a brief (its key: briefKey), only the brief's.
  Index.prototype.longer = function (stemmed, briefKey) {
    var out = [];
    if (stemmed.length < 3 || !/^[a-z]+$/.test(stemmed)) return out;
    function add(t, list) {
      if (t.length > stemmed.length && t.lastIndexOf(stemmed, 0) === 0) out.push({ term: t, weight: LONGER_WEIGHT, word: t, prefix: true, list: list });
    }
    if (briefKey) {
      this.brief(briefKey).forEach(function (b) { add(b.term, b.list); });
      return out;
    }
    this.shards(stemmed).forEach(function (shard) { Object.keys(shard.t).forEach(function (t) { add(t); }); });
    return out;
  };

  // The first k of the records in hit by their scores, highest first, records of equal scores
  // in hit's order: what a stable sort would put first, without sorting the rest.
  function firstOf(hit, scores, k) {
    var kept = [];
    for (var i = 0; i < hit.length; i++) {
      var n = hit[i], s = scores[n];
      if (kept.length === k && s <= scores[kept[k - 1]]) continue;
      var at = Math.min(kept.length, k - 1);
      for (; at > 0 && scores[kept[at - 1]] < s; at--) kept[at] = kept[at - 1];
      kept[at] = n;
    }
    return kept;
  }

  // {results: [{record, score}], count: the records found, terms: Set of matched terms,
  // groups, suggestion}; with shown, results are only the first ones, at least shown of them.
  Index.prototype.search = function (query, typing, shown) {
    var self = this;
    var words = searched(query);
    var total = this.records.length;
    var scores = this.scores, found = this.found, perRecord = this.perRecord;
    var hit = []; // the records found, in the order they were first found (which orders equal scores)
    var groups = [], terms = new Set(), corrected = [], exact = true, rarity = 0;
    words.forEach(function (token, i) {
      var options = self.expand(token, typing && i === words.length - 1);
      var group = new Map(); // term -> its postings
      if (!options.length || options[0].weight < 1) exact = false;
      var best = options.filter(function (o) { return !o.prefix; }).sort(function (a, b) { return b.weight - a.weight; })[0];
      corrected.push(best ? best.word : token.word);
      var touched = [], weight = 0;
      options.forEach(function (o) {
        var list = o.list || self.postings(o.term);
        if (!list) return;
        group.set(o.term, list);
        terms.add(o.term);
        var w = o.weight * idf(list.count, total);
        weight = Math.max(weight, w);
        for (var k = 0; k < list.records.length; k++) {
          var n = list.records[k], tf = list.tf[k], s = w * tf / (K1 + tf);
          if (s <= perRecord[n]) continue;
          if (perRecord[n] === 0) touched.push(n);
          perRecord[n] = s;
        }
      });
      rarity += weight || idf(0, total);
      touched.forEach(function (n) {
        if (found[n] === 0) hit.push(n);
        scores[n] += perRecord[n];
        found[n] += weight;
        perRecord[n] = 0;
      });
      groups.push(group);
    });
    // Partial matches count, but a record holding the query's rarer words ranks higher.
    hit.forEach(function (n) {
      var cover = found[n] / rarity;
      scores[n] = scores[n] * cover * cover * (KIND_WEIGHT[self.records[n].kind] || 1);
      found[n] = 0;
    });
    var ranked = shown < Infinity ? firstOf(hit, scores, Math.max(shown, RERANKED))
      : hit.slice().sort(function (a, b) { return scores[b] - scores[a]; });
    var results = ranked.map(function (n) { return { record: self.records[n], score: scores[n] }; });
    hit.forEach(function (n) { scores[n] = 0; });
    // For the best candidates: a bonus for each of the query's words in the title (up to twice
    // the score), and when the title is the query (three times) or holds it (one and a half).
    var phrase = " " + corrected.join(" ") + " ";
    var candidates = results.slice(0, RERANKED);
    candidates.forEach(function (r) {
      var inTitle = groups.filter(function (g) {
        for (var list of g.values()) if (list.title.has(r.record.n)) return true;
        return false;
      }).length;
      r.score *= 1 + inTitle / groups.length;
      var title = " " + fold(r.record.title).replace(/\s*\(.*\)$/, "").replace(WORD_GAP, " ") + " ";
      if (title === phrase) r.score *= 3;
      else if (title.indexOf(phrase) !== -1) r.score *= 1.5;
    });
    // The bonuses only raise scores, so the best stay ahead of the rest: only they move.
    candidates.sort(function (a, b) { return b.score - a.score; });
    candidates.forEach(function (r, i) { results[i] = r; });
    groups = groups.filter(function (g) { return g.size > 0; });
    var suggestion = null;
    if (!exact && results.length) suggestion = corrected.join(" ");
    if (suggestion === fold(query).trim()) suggestion = null;
    return { results: results, count: hit.length, terms: terms, groups: groups, suggestion: suggestion };
  };

  // The fewest consecutive words of text holding a word of every group (its terms, a Set or a Map by term);
  // Infinity when some group is not in it.
  function span(text, groups) {
    var last = groups.map(function () { return -Infinity; });
    var best = Infinity, n = 0;
    eachWord(fold(text), function (raw) {
      var terms = termsOf(raw);
      groups.forEach(function (g, i) {
        if (terms.some(function (t) { return g.has(t); })) last[i] = n;
      });
      var first = Math.min.apply(null, last);
      if (first > -Infinity) best = Math.min(best, n - first + 1);
      n++;
    });
    return best;
  }

  // A bonus among the first `shown` results, once their text is loaded: the query's words
  // standing together as a phrase (one and a half times the score) or close together, within
  // twice as many words (a fifth more). Only they are looked at, as only their text is loaded.
  Index.prototype.preferNear = function (found, shown) {
    var groups = found.groups;
    if (groups.length < 2) return;
    var first = found.results.slice(0, shown);
    first.forEach(function (r) {
      var s = Math.min(span(r.record.title, groups), span(r.record.text || "", groups));
      if (s === groups.length) r.score *= 1.5;
      else if (s <= 2 * groups.length) r.score *= 1.2;
    });
    first.sort(function (a, b) { return b.score - a.score; });
    Array.prototype.splice.apply(found.results, [0, first.length].concat(first));
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
