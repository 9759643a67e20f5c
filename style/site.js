// site.js: what the site does with JavaScript: full-text search over the index mixdown built
// (loaded on first use, by a script tag, so it works from file:// too), the theme switch
// remembered across pages, the contents button on narrow screens, and keyboard shortcuts:
// "/" to search, left and right arrows for the previous and next page.
(function () {
  "use strict";

  var root = document.documentElement;
  var MAX_RESULTS = 12;

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  // ---- theme ----

  // The theme switch goes round three states: as the system says, light, dark. The reader's
  // choice is remembered; following the system again forgets it.
  var THEMES = ["", "light", "dark"];

  function setupThemeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    var labels = (button.getAttribute("data-labels") || "").split("|");
    var show = function (theme) {
      var label = labels[THEMES.indexOf(theme)];
      if (label) { button.setAttribute("aria-label", label); button.title = label; }
    };
    show(root.getAttribute("data-theme") || "");
    button.addEventListener("click", function () {
      var now = THEMES.indexOf(root.getAttribute("data-theme") || "");
      var next = THEMES[(now + 1) % THEMES.length];
      if (next) root.setAttribute("data-theme", next);
      else root.removeAttribute("data-theme");
      try {
        if (next) localStorage.setItem("mixdown-theme", next);
        else localStorage.removeItem("mixdown-theme");
      } catch (e) { /* private mode */ }
      show(next);
    });
  }

  // ---- contents on narrow screens ----

  function setupNavToggle() {
    var button = document.querySelector(".nav-toggle");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    // Opening shows the contents at the reader's place in the book (the current page's entry
    // in view); closing brings the reader back to where they were reading.
    var readingAt = 0;
    var setOpen = function (open) {
      if (open) readingAt = window.scrollY;
      sidebar.classList.toggle("open", open);
      button.setAttribute("aria-expanded", String(open));
      if (!open) { window.scrollTo(0, readingAt); return; }
      var here = sidebar.querySelector('[aria-current="page"]') || sidebar;
      var top = here.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - window.innerHeight / 3));
    };
    button.addEventListener("click", function () {
      setOpen(!sidebar.classList.contains("open"));
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !sidebar.classList.contains("open")) return;
      setOpen(false);
      button.focus();
    });
  }

  // ---- contents of large books, from assets/toc.js ----

  function loadScript(name, then) {
    var own = document.querySelector('script[src$="assets/site.js"]');
    var script = document.createElement("script");
    script.src = own ? own.getAttribute("src").replace(/site\.js$/, name) : "assets/" + name;
    script.onload = then;
    document.head.appendChild(script);
  }

  function setupScriptedToc() {
    var sidebar = document.getElementById("sidebar");
    if (!sidebar || !sidebar.hasAttribute("data-toc")) return;
    loadScript("toc.js", function () {
      var here = decodeURIComponent(location.pathname.split("/").pop() || "index.html");
      var root = document.createElement("ol");
      root.className = "toc";
      var stack = [root];
      (window.mixdownToc || []).forEach(function (entry) {
        while (stack.length > entry.d) stack.pop();
        var parent = stack[stack.length - 1];
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = entry.h + ".html";
        if (entry.h + ".html" === here) a.setAttribute("aria-current", "page");
        if (entry.l) {
          var label = document.createElement("span");
          label.className = "label";
          label.textContent = entry.l;
          a.appendChild(label);
          a.appendChild(document.createTextNode(" "));
        }
        a.appendChild(document.createTextNode(entry.t));
        li.appendChild(a);
        parent.appendChild(li);
        var children = document.createElement("ol");
        li.appendChild(children);
        stack.push(children);
      });
      Array.prototype.forEach.call(root.querySelectorAll("ol"), function (ol) {
        if (!ol.children.length) ol.remove();
      });
      sidebar.textContent = "";
      sidebar.appendChild(root);
    });
  }

  // ---- search ----

  var MARKS = /[\u0300-\u036f]/g;
  var CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
  var WORD = /[\p{L}\p{N}]+/gu;

  // Lowercase, accents removed: "Écho" and "echo" match.
  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "").toLowerCase();
  }

  // Words of Latin-like scripts whole; Chinese, Japanese and Korean text by single characters
  // and pairs of neighbours, since it has no spaces between words.
  function tokens(text) {
    var out = [];
    var words = fold(text).match(WORD) || [];
    words.forEach(function (word) {
      if (!CJK.test(word)) { out.push(word); return; }
      var chars = Array.from(word);
      chars.forEach(function (c, i) {
        out.push(c);
        if (i + 1 < chars.length) out.push(c + chars[i + 1]);
      });
    });
    return out;
  }

  var index = null; // {docs, postings: Map token -> Set of doc numbers}

  function buildIndex(docs) {
    var postings = new Map();
    docs.forEach(function (doc, n) {
      var all = tokens(doc.p + " " + doc.s + " " + doc.x);
      all.forEach(function (t) {
        if (!postings.has(t)) postings.set(t, new Set());
        postings.get(t).add(n);
      });
      doc.titleTokens = new Set(tokens(doc.s || doc.p));
    });
    return { docs: docs, postings: postings, keys: Array.from(postings.keys()) };
  }

  function loadIndex(then) {
    if (index) { then(); return; }
    if (window.mixdownSearch) { index = buildIndex(window.mixdownSearch); then(); return; }
    loadScript("search-index.js", function () { index = buildIndex(window.mixdownSearch || []); then(); });
  }

  // Documents holding every query word; the last word may be the start of a word.
  function search(query) {
    var words = tokens(query);
    if (!words.length) return [];
    var matched = null;
    words.forEach(function (word, i) {
      var docs = new Set();
      var last = i === words.length - 1;
      var keys = last ? index.keys.filter(function (k) { return k.indexOf(word) === 0; }) : [word];
      keys.forEach(function (k) { (index.postings.get(k) || []).forEach(function (d) { docs.add(d); }); });
      matched = matched === null ? docs : new Set(Array.from(matched).filter(function (d) { return docs.has(d); }));
    });
    return Array.from(matched).map(function (n) {
      var doc = index.docs[n];
      var score = 0;
      words.forEach(function (w) {
        doc.titleTokens.forEach(function (t) { if (t.indexOf(w) === 0) score += 10; });
      });
      return { doc: doc, score: score - n / 10000 };
    }).sort(function (a, b) { return b.score - a.score; }).slice(0, MAX_RESULTS).map(function (r) { return r.doc; });
  }

  // The original text with each character's folded form, to find matches in folded text
  // and highlight them in the original.
  function foldedMap(text) {
    var folded = "", starts = [];
    Array.from(text).forEach(function (c, i) {
      var f = fold(c);
      for (var k = 0; k < f.length; k++) starts.push(i);
      folded += f;
    });
    return { chars: Array.from(text), folded: folded, starts: starts };
  }

  function isWordChar(c) { return /[\p{L}\p{N}]/u.test(c || ""); }

  // Appends text to parent with each word that starts with one of the query's words marked.
  function appendMarked(parent, text, words) {
    var m = foldedMap(text);
    var marked = new Array(m.chars.length).fill(false);
    words.forEach(function (w) {
      var at = m.folded.indexOf(w);
      while (at !== -1) {
        var cjk = CJK.test(w);
        if (cjk || at === 0 || !isWordChar(m.folded[at - 1])) {
          for (var k = at; k < at + w.length; k++) marked[m.starts[k]] = true;
        }
        at = m.folded.indexOf(w, at + w.length);
      }
    });
    var run = "", inMark = false;
    function flush() {
      if (!run) return;
      if (inMark) { var mark = document.createElement("mark"); mark.textContent = run; parent.appendChild(mark); }
      else parent.appendChild(document.createTextNode(run));
      run = "";
    }
    m.chars.forEach(function (c, i) {
      if (marked[i] !== inMark) { flush(); inMark = marked[i]; }
      run += c;
    });
    flush();
  }

  // About 160 characters of the text around the first matched word.
  function snippet(text, words) {
    var folded = fold(text);
    var at = -1;
    words.forEach(function (w) { var i = folded.indexOf(w); if (i !== -1 && (at === -1 || i < at)) at = i; });
    var start = Math.max(0, at - 60);
    var chars = Array.from(text);
    var piece = chars.slice(start, start + 160).join("");
    return (start > 0 ? "…" : "") + piece + (start + 160 < chars.length ? "…" : "");
  }

  function setupSearch() {
    var box = document.querySelector(".search");
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.querySelector(".search-status");
    if (!box || !input || !list) return;
    box.hidden = false;
    var active = -1;

    function options() { return list.querySelectorAll('[role="option"]'); }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(n) {
      var all = options();
      if (!all.length) return;
      active = (n + all.length) % all.length;
      all.forEach(function (o, i) { o.setAttribute("aria-selected", String(i === active)); });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function show() {
      var query = input.value.trim();
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (!query) { close(); return; }
      var words = tokens(query);
      var found = search(query);
      if (!found.length) {
        var none = document.createElement("li");
        none.className = "result-none";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.id = "search-none";
        none.textContent = (box.getAttribute("data-none") || "No results for %t").replace("%t", "\u201c" + query + "\u201d");
        list.appendChild(none);
      }
      found.forEach(function (doc, i) {
        var li = document.createElement("li");
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.id = "search-result-" + i;
        li.setAttribute("data-href", doc.u);
        li.addEventListener("click", function () { window.location.href = doc.u; });
        var body = document.createElement("span");
        var title = document.createElement("span");
        title.className = "result-title";
        appendMarked(title, doc.s || doc.p, words);
        body.appendChild(title);
        if (doc.s) {
          var page = document.createElement("span");
          page.className = "result-page";
          page.textContent = doc.p;
          body.appendChild(page);
        }
        if (doc.x) {
          var text = document.createElement("span");
          text.className = "result-snippet";
          appendMarked(text, snippet(doc.x, words), words);
          body.appendChild(text);
        }
        li.appendChild(body);
        list.appendChild(li);
      });
      if (status) status.textContent = (box.getAttribute("data-count") || "%n results").replace("%n", found.length);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () { loadIndex(show); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter") {
        var all = options();
        var chosen = all[active >= 0 ? active : 0];
        var href = chosen && chosen.getAttribute("data-href");
        if (href) { event.preventDefault(); window.location.href = href; }
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) close();
    });
  }

  // ---- where the reader is: "On this page" and the contents follow the scroll ----

  function setupScrollSpy() {
    var links = document.querySelectorAll('.on-this-page a[href*="#"], .toc-here a[href*="#"]');
    var byId = {};
    var sections = [];
    Array.prototype.forEach.call(links, function (a) {
      var id = decodeURIComponent(a.getAttribute("href").replace(/^[^#]*#/, ""));
      var target = document.getElementById(id);
      if (!target) return;
      if (!byId[id]) { byId[id] = []; sections.push(target); }
      byId[id].push(a);
    });
    if (!sections.length) return;
    sections.sort(function (x, y) {
      return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    var shown = null;
    // The reader is in the last section whose start has passed the top third of the window.
    var mark = function () {
      var line = window.innerHeight / 3;
      var current = sections[0];
      for (var i = 0; i < sections.length; i++) {
        if (sections[i].getBoundingClientRect().top <= line) current = sections[i];
      }
      if (current === shown) return;
      if (shown) byId[shown.id].forEach(function (a) { a.removeAttribute("aria-current"); });
      byId[current.id].forEach(function (a) { a.setAttribute("aria-current", "location"); });
      shown = current;
    };
    var pending = false;
    window.addEventListener("scroll", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; mark(); });
    }, { passive: true });
    mark();
  }

  // ---- keyboard ----

  // Whether the arrow keys belong to something the focus is in: a table or figure that scrolls
  // sideways keeps them for its own scrolling.
  function scrollsSideways(element) {
    for (var e = element; e && e !== document.body && e.nodeType === 1; e = e.parentNode) {
      var overflow = getComputedStyle(e).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && e.scrollWidth > e.clientWidth) return true;
    }
    return false;
  }

  function setupKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (event.key === "/") {
        var input = document.getElementById("search-input");
        if (input) { event.preventDefault(); input.focus(); }
        return;
      }
      if (event.shiftKey || scrollsSideways(event.target)) return;
      var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
      var link = rel && document.querySelector('a[rel="' + rel + '"]');
      if (link) window.location.href = link.href;
    });
  }

  setupScrollSpy();
  setupScriptedToc();
  setupThemeToggle();
  setupNavToggle();
  setupSearch();
  setupKeys();
})();
