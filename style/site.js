// site.js: what the site does with JavaScript: the search box and the results page (the engine,
// search.js, and the records mixdown wrote are loaded on first use, by script tags, so they
// work from file:// too), the theme switch
// remembered across pages, the contents button on narrow screens, and keyboard shortcuts:
// "/" to search, left and right arrows for the previous and next page.
(function () {
  "use strict";

  var root = document.documentElement;

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

  // Loads the script at path (as the page names it: relative to the site), then calls then.
  function loadScript(path, then) {
    var script = document.createElement("script");
    script.src = path;
    script.onload = then;
    script.onerror = then;
    document.head.appendChild(script);
  }

  function setupScriptedToc() {
    var sidebar = document.getElementById("sidebar");
    if (!sidebar || !sidebar.hasAttribute("data-toc")) return;
    loadScript(sidebar.getAttribute("data-toc"), function () {
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

  var index = null; // a mixdownSearchEngine.Index over the book's records

  // The stemmer, the engine and the records (scripts, so they load from file:// too), once.
  var waiting = null;
  function loadIndex(then) {
    if (index) { then(); return; }
    if (waiting) { waiting.push(then); return; }
    waiting = [then];
    var box = document.querySelector(".search");
    loadScript(box.getAttribute("data-stemmer"), function () {
      loadScript(box.getAttribute("data-engine"), function () {
        loadScript(box.getAttribute("data-index"), function () {
          index = new window.mixdownSearchEngine.Index(window.mixdownSearch || { records: [], shards: [], files: {} }, loadScript);
          waiting.forEach(function (f) { f(); });
          waiting = null;
        });
      });
    });
  }

  // Searches once the index and the shards the query needs are loaded, and calls
  // then(found, false) at once with the results' titles; once the text of the first `shown`
  // results is there too, ranks them by nearness and calls then(found, true) with their
  // snippets. found.results holds the first results only, unless every one is asked for
  // (all); found.count counts them all. Nothing is called for a search a later one has replaced.
  var latest = 0;
  function searchFor(query, typing, shown, then, all) {
    var ticket = ++latest;
    loadIndex(function () {
      index.prepare(query, typing, function () {
        var found = index.search(query, typing, all ? Infinity : shown), first = found.results.slice(0, shown);
        // The titles first (asking for the text files takes time too), unless the text is here.
        if (!index.hasText(first) && ticket === latest) then(found, false);
        index.prepareText(first, function () {
          index.preferNear(found, shown);
          if (ticket === latest) then(found, true);
        });
      });
    });
  }

  function appendMarked(parent, text, terms) {
    window.mixdownSearchEngine.marked(text, terms).forEach(function (piece) {
      if (!piece.marked) { parent.appendChild(document.createTextNode(piece.text)); return; }
      var mark = document.createElement("mark");
      mark.textContent = piece.text;
      parent.appendChild(mark);
    });
  }

  // A result as a link: its title, where it is, and a snippet around the matched words.
  function resultLink(result, terms) {
    var record = result.record;
    var a = document.createElement("a");
    a.href = record.href;
    a.className = "result";
    var title = document.createElement("span");
    title.className = "result-title";
    appendMarked(title, record.title, terms);
    a.appendChild(title);
    if (record.trail) {
      var page = document.createElement("span");
      page.className = "result-page";
      page.textContent = record.trail;
      a.appendChild(page);
    }
    if (record.text) {
      var text = document.createElement("span");
      text.className = "result-snippet";
      appendMarked(text, window.mixdownSearchEngine.snippet(record.text, terms), terms);
      a.appendChild(text);
    }
    return a;
  }

  // "12 results", "1 result", from the page's own words.
  function countText(box, n) {
    if (n === 1) return box.getAttribute("data-one") || "1 result";
    return (box.getAttribute("data-count") || "%n results").replace("%n", n);
  }

  function searchPageHref(box, query) {
    return box.getAttribute("data-page") + "?q=" + encodeURIComponent(query);
  }

  // "Did you mean ...?" with a link to the corrected query's results, or null.
  function suggestion(box, found) {
    if (!found.suggestion) return null;
    var p = document.createElement("p");
    p.className = "search-suggestion";
    var pattern = box.getAttribute("data-suggest") || "Did you mean %t?";
    var at = pattern.indexOf("%t");
    var a = document.createElement("a");
    a.href = searchPageHref(box, found.suggestion);
    a.textContent = found.suggestion;
    p.appendChild(document.createTextNode(pattern.slice(0, at)));
    p.appendChild(a);
    p.appendChild(document.createTextNode(pattern.slice(at + 2)));
    return p;
  }

  var SHOWN = 8; // results in the box; all of them on search.html

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
      forgetHint();
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

    function option(link, id) {
      var li = document.createElement("li");
      li.setAttribute("role", "presentation");
      link.setAttribute("role", "option");
      link.setAttribute("aria-selected", "false");
      link.setAttribute("data-href", link.getAttribute("href"));
      link.id = id;
      li.appendChild(link);
      list.appendChild(li);
    }

    function forgetHint() {
      var old = box.querySelector(".search-suggestion");
      if (old) old.remove();
    }

    // The list for found; a result the reader had selected stays selected when the list is
    // drawn again with its snippets.
    function show(query, found) {
      var selected = active >= 0 && options()[active] ? options()[active].getAttribute("data-href") : null;
      forgetHint();
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      // "Did you mean" stands before the list, not in it: a listbox holds only options.
      var hint = suggestion(box, found);
      if (hint) list.parentNode.insertBefore(hint, list);
      if (!found.count) {
        var none = document.createElement("li");
        none.className = "result-none";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.id = "search-none";
        none.textContent = (box.getAttribute("data-none") || "No results for %t").replace("%t", "\u201c" + query + "\u201d");
        list.appendChild(none);
      }
      found.results.slice(0, SHOWN).forEach(function (result, i) {
        option(resultLink(result, found.terms), "search-result-" + i);
      });
      if (found.count > SHOWN) {
        var more = document.createElement("a");
        more.href = searchPageHref(box, query);
        more.className = "result-all";
        more.textContent = (box.getAttribute("data-all") || "All %n results").replace("%n", found.count);
        option(more, "search-all");
      }
      if (status) status.textContent = countText(box, found.count);
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      options().forEach(function (o, i) { if (selected && o.getAttribute("data-href") === selected) select(i); });
    }

    input.addEventListener("focus", function () { loadIndex(function () {}); });
    input.addEventListener("input", function () {
      var query = input.value.trim();
      if (!query) { latest++; list.removeAttribute("aria-busy"); list.textContent = ""; close(); return; }
      list.setAttribute("aria-busy", "true");
      searchFor(query, !/\s$/.test(input.value), SHOWN, function (found, complete) {
        if (complete) list.removeAttribute("aria-busy");
        show(query, found);
      });
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); select(active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); select(active - 1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter") {
        var all = options();
        var chosen = all[active >= 0 ? active : 0];
        var href = chosen && chosen.getAttribute("data-href");
        event.preventDefault();
        if (href) window.location.href = href;
        else if (input.value.trim()) window.location.href = searchPageHref(box, input.value.trim());
      }
    });
    document.addEventListener("click", function (event) {
      if (!box.contains(event.target)) close();
    });
  }

  // search.html?q=...: the count, then the results in order, RESULTS_PAGE at a time with their
  // snippets; "More results" lists the next ones. A query in a big book can find thousands, and
  // their snippets' text would be as many files.
  var RESULTS_PAGE = 50;
  function setupSearchPage() {
    var results = document.querySelector(".search-page-results");
    var field = document.getElementById("search-page-input");
    var status = document.querySelector(".search-page-status");
    var more = document.querySelector(".search-page-more");
    var box = document.querySelector(".search");
    if (!results || !field || !box) return;
    var query = (new URLSearchParams(location.search).get("q") || "").trim();
    field.value = query;
    if (!query) return;
    var found = null, listed = 0;
    function list(next) {
      next.forEach(function (result) {
        var li = document.createElement("li");
        li.appendChild(resultLink(result, found.terms));
        results.appendChild(li);
      });
      listed += next.length;
      if (more) more.hidden = listed >= found.results.length;
    }
    if (more) {
      more.addEventListener("click", function () {
        var next = found.results.slice(listed, listed + RESULTS_PAGE);
        more.disabled = true;
        index.prepareText(next, function () {
          list(next);
          more.disabled = false;
          // the keyboard goes on from the first result just listed
          results.children[listed - next.length].querySelector("a").focus();
        });
      });
    }
    searchFor(query, false, RESULTS_PAGE, function (answer, complete) {
      if (!complete) return;
      found = answer;
      status.textContent = found.count ? countText(box, found.count)
        : (box.getAttribute("data-none") || "No results for %t").replace("%t", "\u201c" + query + "\u201d");
      var hint = suggestion(box, found);
      if (hint) status.parentNode.insertBefore(hint, results);
      list(found.results.slice(0, RESULTS_PAGE));
    }, true);
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
  setupSearchPage();
  setupKeys();
})();
