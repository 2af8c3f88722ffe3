"""The review page's inline CSS and JavaScript (kept apart from the Python that fills it)."""

STYLE = r"""
*{box-sizing:border-box}body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#f4f5f7}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d9dce3;padding:8px 16px}
h1{font-size:17px;margin:0 0 6px}#filters label{margin-right:14px}#shown{color:#555}
#jobs a{margin-right:10px;font-size:12px}#legend{margin-top:4px;font-size:12px}
main{padding:12px 16px}.doc{background:#fff;border:1px solid #d9dce3;border-radius:6px;margin-bottom:14px}
.doc>.head{padding:8px 12px;border-bottom:1px solid #eceef2;display:flex;flex-wrap:wrap;gap:10px;align-items:baseline}
.source{font-weight:600;word-break:break-all}.meta{color:#666;font-size:12px}
.badge{border-radius:3px;padding:1px 6px;font-size:12px;font-weight:600}.badge.ok{background:#d9f2df;color:#17622c}
.badge.error{background:#fbdcdc;color:#8a1c1c}.body{display:grid;grid-template-columns:minmax(0,3fr) minmax(260px,2fr)}
.text{white-space:pre-wrap;padding:10px 12px;font:13px/1.55 ui-monospace,Menlo,Consolas,monospace;
 border-right:1px solid #eceef2;max-height:520px;overflow:auto}
.facts{padding:10px 12px;max-height:520px;overflow:auto}.facts h3{font-size:14px;margin:8px 0 4px}
.facts ul{margin:2px 0 8px;padding-left:18px}.facts li{cursor:pointer}.facts li.ungrounded{cursor:default;color:#777}
.facts dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:0 8px;font-size:13px}.facts dt{color:#666}
mark{border-radius:2px;padding:0 1px;background:#e7e3ff}mark.k-goal{background:#ffe08a}
mark.k-card{background:#ffb3b3}mark.k-team{background:#b9e4ff}mark.k-evidence{background:#d7f5c9}
mark.k-fact{background:#e7e3ff}mark.flash{outline:2px solid #d14;outline-offset:1px}
.note{padding:8px 12px;background:#fff7db;border-bottom:1px solid #eee2b0}
.error-box{padding:8px 12px;background:#fdeeee;border-bottom:1px solid #f3caca}
.warnings{padding:6px 12px;background:#fff9ec;border-bottom:1px solid #f1e4c4;font-size:13px}
.warnings ul{margin:2px 0;padding-left:18px}pre.last{white-space:pre-wrap;max-height:200px;overflow:auto}
#more{height:40px}
#gold-summary{font-size:12px;color:#444;margin-top:4px}
.badge.mm{background:#ffe9c7;color:#7a4b00}.badge.gold-ok{background:#d9f2df;color:#17622c}
.badge.kind{background:#eceef2;color:#333;font-weight:500}
.gold-panel{border-top:1px solid #eceef2;padding:8px 12px;background:#f8f9ff}.gold-head{margin-bottom:4px}
table.mismatches{border-collapse:collapse;width:100%;font-size:13px;table-layout:fixed}
table.mismatches col.c-field{width:34%}
table.mismatches th{text-align:left;color:#555;font-weight:600;border-bottom:1px solid #d9dce3;padding:3px 6px}
table.mismatches td{vertical-align:top;border-bottom:1px solid #eceef2;padding:3px 6px;word-break:break-word}
td.gold-value{background:#eaf7ee}td.predicted-value{background:#fdf0f0}td.none{color:#999;background:transparent}
tr.mm.findable{cursor:pointer}
"""

SCRIPT = r"""
(function () {
  "use strict";
  var DOCS = JSON.parse(document.getElementById("review-data").textContent).docs;
  var BATCH = 40;
  var list = document.getElementById("docs"), more = document.getElementById("more");
  var statusSel = document.getElementById("status-filter"), langSel = document.getElementById("lang-filter");
  var search = document.getElementById("search"), shownEl = document.getElementById("shown");
  var goldSel = document.getElementById("gold-filter");
  var shown = [], rendered = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function kindOf(path) {
    if (/\.goals\[\d+\]\.(player|assist)$/.test(path)) return "goal";
    if (/\.cards\[\d+\]/.test(path)) return "card";
    if (/\.evidence$/.test(path)) return "evidence";
    if (/_team$|\.team$/.test(path)) return "team";
    return "fact";
  }
  // Offsets count code points (Python); JS strings count UTF-16 units, so split astral text first.
  function units(text) { return /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null; }
  function slice(text, chars, a, b) { return chars ? chars.slice(a, b).join("") : text.slice(a, b); }

  function highlighted(doc) {
    var text = doc.text, chars = units(text), length = chars ? chars.length : text.length;
    var spans = (doc.grounding || []).filter(function (g) {
      return g.start !== null && g.end !== null && g.start < g.end && g.end <= length;
    });
    var cuts = {0: true}; cuts[length] = true;
    spans.forEach(function (s) { cuts[s.start] = true; cuts[s.end] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (x, y) { return x - y; });
    var pane = el("div", "text");
    for (var i = 0; i < points.length - 1; i++) {
      var a = points[i], b = points[i + 1], piece = slice(text, chars, a, b);
      var cover = spans.filter(function (s) { return s.start <= a && s.end >= b; });
      if (!cover.length) { pane.appendChild(document.createTextNode(piece)); continue; }
      cover.sort(function (x, y) { return (x.end - x.start) - (y.end - y.start); });
      var mark = el("mark", "k-" + kindOf(cover[0].path), piece);
      mark.dataset.paths = cover.map(function (s) { return s.path; }).join(" ");
      mark.title = cover.map(function (s) { return s.path + ": " + s.quote + (s.partial ? " (partial)" : ""); })
        .join("\n");
      pane.appendChild(mark);
    }
    return pane;
  }

  function flash(card, path) {
    var marks = card.querySelectorAll("mark");
    var hit = [];
    marks.forEach(function (m) { m.classList.remove("flash");
      if ((" " + m.dataset.paths + " ").indexOf(" " + path + " ") >= 0) hit.push(m); });
    hit.forEach(function (m) { m.classList.add("flash"); });
    if (hit.length) hit[0].scrollIntoView({block: "center", behavior: "smooth"});
  }

  function factItem(card, grounded, path, label) {
    var li = el("li", grounded[path] ? "" : "ungrounded", label);
    li.dataset.path = path;
    if (grounded[path]) li.addEventListener("click", function () { flash(card, path); });
    else li.title = "not located in the text";
    return li;
  }

  function matchFacts(card, doc, pane, grounded) {
    var matches = (doc.result && doc.result.matches) || [];
    if (!matches.length) pane.appendChild(el("p", "meta", "no match reported"));
    matches.forEach(function (m, i) {
      var p = "matches[" + i + "]";
      pane.appendChild(el("h3", null, m.home_team + " " + m.home_score + "\u2013" + m.away_score + " " + m.away_team));
      var dl = el("dl");
      ["competition", "stage", "date", "venue", "home_coach", "away_coach", "evidence"].forEach(function (key) {
        if (m[key] === null || m[key] === undefined) return;
        dl.appendChild(el("dt", null, key.replace("_", " ")));
        var dd = el("dd", null, m[key]);
        if (grounded[p + "." + key]) { dd.style.cursor = "pointer";
          dd.addEventListener("click", function () { flash(card, p + "." + key); }); }
        dl.appendChild(dd);
      });
      pane.appendChild(dl);
      if ((m.goals || []).length) {
        pane.appendChild(el("div", "meta", "goals"));
        var ul = el("ul", "goals");
        m.goals.forEach(function (g, j) {
          var extra = (g.penalty ? " pen." : "") + (g.own_goal ? " o.g." : "") +
            (g.assist ? " (assist " + g.assist + ")" : "");
          ul.appendChild(factItem(card, grounded, p + ".goals[" + j + "].player",
            g.player + (g.minute ? " " + g.minute + "'" : "") + " \u00b7 " + g.team + extra));
        });
        pane.appendChild(ul);
      }
      if ((m.cards || []).length) {
        pane.appendChild(el("div", "meta", "cards"));
        var cl = el("ul", "cards");
        m.cards.forEach(function (c, j) {
          cl.appendChild(factItem(card, grounded, p + ".cards[" + j + "].player",
            c.player +
            (c.minute ? " " + c.minute + "'" : "") +
            " \u00b7 " + c.team + " (" + c.card.replace("_", " ") + ")"));
        });
        pane.appendChild(cl);
      }
    });
  }

  // A mismatch's value as one line: an item (a whole goal, a whole match) as its set fields.
  function shortValue(v) {
    if (v === null || v === undefined) return null;
    if (typeof v !== "object") return String(v);
    if (Array.isArray(v)) return v.map(shortValue).join(", ");
    var parts = [];
    Object.keys(v).forEach(function (k) {
      var x = v[k];
      if (x === null || x === false || (Array.isArray(x) && !x.length)) return;
      var label = k.replace(/_/g, " ");
      if (Array.isArray(x)) parts.push(x.length + " " + label);
      else parts.push(x === true ? label : label + " " + (typeof x === "object" ? JSON.stringify(x) : x));
    });
    return parts.join(" \u00b7 ");
  }
  // Grounded spans whose quote is the predicted value (a name, or an item's player / home team).
  function spansOf(doc, value) {
    var want = typeof value === "string" ? value :
      (value && typeof value === "object" && !Array.isArray(value)) ? (value.player || value.home_team) : null;
    if (!want) return [];
    return (doc.grounding || []).filter(function (g) { return g.start !== null && g.quote === want; })
      .map(function (g) { return g.path; });
  }
  function goldPanel(node, doc) {
    var g = doc.gold, box = el("div", "gold-panel"), head = el("div", "gold-head");
    head.appendChild(el("strong", null, g.mismatches.length ?
      g.mismatches.length + " mismatch(es) against gold" : "no mismatch against gold"));
    head.appendChild(el("span", "meta", " \u00b7 field F1 " + g.f1.toFixed(3) + " (tp " + g.tp + ", fp " + g.fp +
      ", fn " + g.fn + ")" + (g.status !== "ok" ? " \u00b7 scored as " + g.status + ": nothing predicted" : "")));
    box.appendChild(head);
    if (!g.mismatches.length) return box;
    var table = el("table", "mismatches"), cols = el("colgroup"), tr = el("tr");
    ["c-field", "c-gold", "c-pred"].forEach(function (c) { cols.appendChild(el("col", c)); });
    ["field", "gold", "predicted"].forEach(function (h) { tr.appendChild(el("th", null, h)); });
    table.appendChild(cols); table.appendChild(tr);
    g.mismatches.forEach(function (m) {
      var row = el("tr", "mm k-" + m.kind), cell = el("td", "field");
      row.dataset.field = m.field; row.dataset.kind = m.kind;
      cell.appendChild(el("span", "badge kind", m.kind));
      cell.appendChild(document.createTextNode(" " + m.field));
      if (m.context) cell.appendChild(el("div", "meta", m.context));
      row.appendChild(cell);
      [["gold-value", m.gold], ["predicted-value", m.predicted]].forEach(function (pair) {
        var text = shortValue(pair[1]);
        row.appendChild(el("td", pair[0] + (text === null ? " none" : ""), text === null ? "\u2014" : text));
      });
      var paths = spansOf(doc, m.predicted);
      if (paths.length) {
        row.classList.add("findable"); row.title = "click: the predicted value in the text";
        row.addEventListener("click", function () { flash(node, paths[0]); });
      }
      table.appendChild(row);
    });
    box.appendChild(table);
    return box;
  }

  function card(doc) {
    var node = el("section", "doc");
    node.dataset.docId = doc.doc_id; node.dataset.status = doc.status; node.dataset.language = doc.language || "";
    node.dataset.source = doc.source;
    var head = el("div", "head");
    head.appendChild(el("span", "badge " + doc.status, doc.status));
    head.appendChild(el("span", "source", doc.source));
    head.appendChild(el("span", "meta", [doc.language || "?", doc.doc_id, doc.model || "", doc.prompt ?
      doc.prompt.id + " v" + doc.prompt.version : "", doc.attempts + " call(s)",
      (doc.usage.prompt_tokens + doc.usage.completion_tokens) + " tokens", doc.seconds + " s"].join(" \u00b7 ")));
    if (doc.gold) {
      var count = doc.gold.mismatches.length;
      node.dataset.mismatches = String(count);
      head.appendChild(el("span", count ? "badge mm" : "badge gold-ok", count ? count + " mismatch(es)" : "= gold"));
    }
    node.appendChild(head);
    if (doc.note) node.appendChild(el("div", "note", doc.note));
    if (doc.error) {
      var box = el("div", "error-box");
      box.appendChild(el("strong", null, doc.error.type + ": "));
      box.appendChild(document.createTextNode(doc.error.message));
      if (doc.error.last_output) {
        var det = el("details"); det.appendChild(el("summary", null, "last model output"));
        det.appendChild(el("pre", "last", doc.error.last_output)); box.appendChild(det);
      }
      node.appendChild(box);
    }
    if ((doc.warnings || []).length) {
      var warn = el("div", "warnings"); warn.appendChild(el("strong", null, doc.warnings.length + " warning(s)"));
      var wl = el("ul");
      doc.warnings.forEach(function (w) { wl.appendChild(el("li", null, w.path + " [" + w.rule + "] " + w.message)); });
      warn.appendChild(wl); node.appendChild(warn);
    }
    var body = el("div", "body");
    var hasText = doc.text !== null && doc.text !== undefined;
    body.appendChild(hasText ? highlighted(doc) : el("div", "text meta", "(no text)"));
    var facts = el("div", "facts"), grounded = {};
    (doc.grounding || []).forEach(function (g) { if (g.start !== null) grounded[g.path] = true; });
    if (doc.result && doc.result.matches) matchFacts(node, doc, facts, grounded);
    else if (doc.result) facts.appendChild(el("pre", null, JSON.stringify(doc.result, null, 2)));
    body.appendChild(facts);
    node.appendChild(body);
    if (doc.gold) node.appendChild(goldPanel(node, doc));
    return node;
  }

  function wanted(doc) {
    var s = statusSel.value, l = langSel.value, q = search.value.trim().toLowerCase();
    if (s === "warnings" ? !(doc.warnings || []).length : (s && doc.status !== s)) return false;
    if (l && (doc.language || "-") !== l) return false;
    var g = goldSel ? goldSel.value : "", misses = doc.gold ? doc.gold.mismatches.length : 0;
    if ((g === "mismatch" && !misses) || (g === "match" && (!doc.gold || misses)) || (g === "none" && doc.gold)) {
      return false;
    }
    if (q && (doc.source + " " + JSON.stringify(doc.result || {})).toLowerCase().indexOf(q) < 0) return false;
    return true;
  }
  function renderMore() {
    var end = Math.min(rendered + BATCH, shown.length), frag = document.createDocumentFragment();
    for (var i = rendered; i < end; i++) frag.appendChild(card(shown[i]));
    list.appendChild(frag); rendered = end;
    more.textContent = rendered < shown.length ? "loading more\u2026" : "";
    window.requestAnimationFrame(function () {
      if (rendered < shown.length && more.getBoundingClientRect().top < window.innerHeight + 600) renderMore();
    });
  }
  function apply() {
    list.replaceChildren(); shown = DOCS.filter(wanted); rendered = 0;
    shownEl.textContent = shown.length + " of " + DOCS.length + " documents";
    renderMore();
  }
  var langs = {};
  DOCS.forEach(function (d) { langs[d.language || ""] = true; });
  Object.keys(langs).sort().forEach(function (code) {
    var opt = el("option", null, code || "(none)"); opt.value = code || "-"; langSel.appendChild(opt);
  });
  new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; }) && rendered < shown.length) renderMore();
  }, {rootMargin: "600px"}).observe(more);
  [statusSel, langSel, goldSel].forEach(function (s) { if (s) s.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  apply();
})();
"""
