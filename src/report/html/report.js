// Builds the message table and the findings of each message from the JSON
// embedded in the page. Message text is only ever inserted as text nodes.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tact-data").textContent);
  var messages = data.messages;
  var tbody = document.querySelector("#message-table tbody");
  var details = document.getElementById("details");

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function topRules(m) {
    var seen = [];
    m.findings.forEach(function (f) { if (seen.indexOf(f.rule) < 0) seen.push(f.rule); });
    return seen;
  }

  // The text with each finding's words in a <mark>.
  function highlighted(m) {
    var pre = el("pre", "text");
    var text = m.text;
    var cuts = [0, text.length];
    m.findings.forEach(function (f) {
      if (f.end > f.start) { cuts.push(Math.min(f.start, text.length), Math.min(f.end, text.length)); }
    });
    cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (c, i, all) { return i === 0 || c !== all[i - 1]; });
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var covering = m.findings.filter(function (f) { return f.start <= a && f.end >= b && f.end > f.start; });
      var piece = text.slice(a, b);
      if (covering.length === 0) {
        pre.appendChild(document.createTextNode(piece));
      } else {
        var mark = el("mark", "level-" + covering[0].level, piece);
        mark.title = covering.map(function (f) { return f.rule + ": " + f.message; }).join("\n");
        pre.appendChild(mark);
      }
    }
    return pre;
  }

  messages.forEach(function (m, i) {
    var article = el("article", "message");
    article.id = "m-" + i;
    var h = el("h3", null, m.name + " \u2014 " + m.score + "/100 (" + m.grade + ") as " + m.kind);
    article.appendChild(h);
    if (m.findings.length) {
      var ul = el("ul", "findings");
      m.findings.forEach(function (f) {
        var li = el("li", "level-" + f.level);
        li.appendChild(el("code", null, f.rule));
        li.appendChild(document.createTextNode(" " + f.level + ": " + f.message));
        ul.appendChild(li);
      });
      article.appendChild(ul);
    } else {
      article.appendChild(el("p", "hint", "No findings."));
    }
    article.appendChild(highlighted(m));
    details.appendChild(article);
  });

  var rows = messages.map(function (m, i) {
    var tr = el("tr", "message-row");
    tr.dataset.index = String(i);
    tr.appendChild(el("td", "score", m.score));
    var grade = el("td");
    grade.appendChild(el("span", "grade " + m.grade, m.grade));
    tr.appendChild(grade);
    var name = el("td", "name");
    var link = el("a", null, m.name);
    link.href = "#m-" + i;
    name.appendChild(link);
    tr.appendChild(name);
    tr.appendChild(el("td", "kind", m.kind));
    tr.appendChild(el("td", "findings", m.findings.length));
    tr.appendChild(el("td", "rules", topRules(m).join(", ")));
    tr.searchText = (m.name + " " + m.kind + " " + topRules(m).join(" ")).toLowerCase();
    return { row: tr, m: m, i: i };
  });

  var keys = {
    score: function (r) { return r.m.score; },
    grade: function (r) { return r.m.grade; },
    name: function (r) { return r.m.name.toLowerCase(); },
    kind: function (r) { return r.m.kind; },
    findings: function (r) { return r.m.findings.length; },
    rules: function (r) { return topRules(r.m).join(","); }
  };

  function sortBy(key, descending) {
    var get = keys[key];
    rows.sort(function (a, b) {
      var x = get(a), y = get(b);
      var c = x < y ? -1 : x > y ? 1 : a.i - b.i;
      return descending ? -c : c;
    });
    document.querySelectorAll("#message-table th").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.key === key ? (descending ? "descending" : "ascending") : "none");
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (r) { fragment.appendChild(r.row); });
    tbody.replaceChildren(fragment);
  }

  document.querySelectorAll("#message-table th").forEach(function (th) {
    th.addEventListener("click", function () {
      sortBy(th.dataset.key, th.getAttribute("aria-sort") === "ascending");
    });
  });

  document.getElementById("filter").addEventListener("input", function (event) {
    var q = event.target.value.toLowerCase();
    rows.forEach(function (r) { r.row.hidden = q !== "" && r.row.searchText.indexOf(q) < 0; });
  });

  sortBy("score", false);
  tbody.dataset.rows = String(rows.length);
  document.body.dataset.ready = "1";
})();
