// zdp docs: the catalog's script. It draws the lineage pictures and runs the search.
//
// Lineage: a page holds each picture as a list of its boxes (ol.boxes: class = kind, data-c =
// column, the name, linked when it has a page, the detail in <small>) and its edges as pairs of
// box numbers (data-edges="0 1,1 2"); it is drawn here as inline SVG, built with createElementNS
// and textContent, so nothing from the model is parsed as markup. Without script the list shows.
(function () {
  'use strict';
  var NS = 'http://www.w3.org/2000/svg';
  var COLUMN_WIDTH = 250, BOX_WIDTH = 210, BOX_HEIGHT = 40, ROW_HEIGHT = 54, MAX_LABEL = 30;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    parent.appendChild(e);
    return e;
  }

  // a name cut to fit its box; the box then has a tooltip holding it whole
  function cut(text) {
    var chars = Array.from(text);
    return chars.length <= MAX_LABEL ? text : chars.slice(0, MAX_LABEL - 1).join('') + '\u2026';
  }

  function draw(list) {
    var items = list.children, nodes = [], byColumn = [], i;
    for (i = 0; i < items.length; i++) {
      var li = items[i], link = li.querySelector('a'), small = li.querySelector('small');
      var n = { kind: li.className, column: parseInt(li.getAttribute('data-c'), 10),
        label: link ? link.textContent : (li.firstChild && li.firstChild.nodeType === 3 ?
          li.firstChild.nodeValue : ''),
        detail: small ? small.textContent : '', href: link ? link.getAttribute('href') : null };
      nodes.push(n);
      (byColumn[n.column] = byColumn[n.column] || []).push(n);
    }
    var columns = byColumn.length, rows = 1;
    for (i = 0; i < columns; i++) { rows = Math.max(rows, byColumn[i] ? byColumn[i].length : 0); }
    var height = rows * ROW_HEIGHT + 10, width = (columns - 1) * COLUMN_WIDTH + BOX_WIDTH + 20;
    for (i = 0; i < columns; i++) {
      var column = byColumn[i] || [], top = Math.floor((height - column.length * ROW_HEIGHT) / 2);
      for (var row = 0; row < column.length; row++) {
        column[row].x = 10 + i * COLUMN_WIDTH;
        column[row].y = top + row * ROW_HEIGHT + 7;
      }
    }
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('class', 'lineage');
    svg.setAttribute('role', 'img');
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('aria-label', list.getAttribute('aria-label') || 'Lineage');
    var edges = (list.getAttribute('data-edges') || '').split(',');
    for (i = 0; i < edges.length; i++) {
      var ends = edges[i].split(' '), a = nodes[+ends[0]], b = nodes[+ends[1]];
      if (!a || !b || ends.length !== 2) { continue; }
      var x1 = a.x + BOX_WIDTH, y1 = a.y + BOX_HEIGHT / 2, x2 = b.x, y2 = b.y + BOX_HEIGHT / 2;
      var mid = Math.floor((x1 + x2) / 2);
      el('path', { 'class': 'edge', d: 'M' + x1 + ' ' + y1 + 'C' + mid + ' ' + y1 + ' ' + mid +
        ' ' + y2 + ' ' + x2 + ' ' + y2 }, svg);
    }
    for (i = 0; i < nodes.length; i++) {
      var node = nodes[i], parent = svg;
      if (node.href !== null) { parent = el('a', { href: node.href }, svg); }
      var g = el('g', { 'class': 'node ' + node.kind, 'data-kind': node.kind,
        'data-name': node.label }, parent);
      var label = cut(node.label), detail = cut(node.detail);
      if (label !== node.label || detail !== node.detail) {
        el('title', {}, g).textContent = node.label + (node.detail ? ' (' + node.detail + ')' : '');
      }
      el('rect', { x: node.x, y: node.y, width: BOX_WIDTH, height: BOX_HEIGHT, rx: 6 }, g);
      el('text', { x: node.x + 8, y: node.y + 16 }, g).textContent = label;
      el('text', { 'class': 'detail', x: node.x + 8, y: node.y + 32 }, g).textContent = detail;
    }
    list.parentNode.insertBefore(svg, list);
    list.hidden = true;
  }

  var lists = document.querySelectorAll('figure.lineage ol.boxes');
  for (var l = 0; l < lists.length; l++) { draw(lists[l]); }
})();

// Search: the index is split into script files (search/shard-N.js) that
// call zdpSearch.add; they are loaded by script tags, which work from disk (file://) where
// fetch() is refused, and only once the search box is used. Results are built with textContent:
// nothing from the model is ever parsed as markup.
(function () {
  'use strict';
  var body = document.body;
  var root = body.getAttribute('data-root') || '';
  var shardCount = parseInt(body.getAttribute('data-shards') || '0', 10);
  // the box is built here, not written into every page: without this script it could not search
  var box = document.querySelector('header .search');
  if (!box) { return; }
  var input = document.createElement('input');
  input.id = 'q';
  input.type = 'search';
  input.placeholder = 'Search names, descriptions, columns';
  input.autocomplete = 'off';
  input.setAttribute('aria-label', 'Search');
  var list = document.createElement('ol');
  list.id = 'results';
  list.hidden = true;
  box.appendChild(input);
  box.appendChild(list);
  var KIND = { z: 'zone', t: 'team', s: 'datastore', d: 'dataset', w: 'workspace' };
  var LIMIT = 50;
  var shards = [];
  var loaded = 0;
  var requested = false;
  var pending = false;

  window.zdpSearch = {
    add: function (n, rows) {
      var entries = new Array(rows.length);
      for (var i = 0; i < rows.length; i++) {
        var r = rows[i];
        entries[i] = { k: r[0], name: r[1], page: r[2], desc: r[3], cols: r[4],
          lname: r[1].toLowerCase(), hay: (r[1] + ' ' + r[3] + ' ' + r[4]).toLowerCase() };
      }
      shards[n] = entries;
      loaded++;
      schedule();
    }
  };

  function load() {
    if (requested) { return; }
    requested = true;
    for (var i = 0; i < shardCount; i++) {
      var s = document.createElement('script');
      s.src = root + 'search/shard-' + i + '.js';
      document.head.appendChild(s);
    }
  }

  function schedule() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; search(); });
  }

  // name matches first (exact, then prefix, then anywhere), then columns, then descriptions
  function score(e, words) {
    var s = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (e.hay.indexOf(w) < 0) { return -1; }
      if (e.lname === w) { s += 100; }
      else if (e.lname.indexOf(w) === 0 || e.lname.indexOf('.' + w) >= 0) { s += 60; }
      else if (e.lname.indexOf(w) >= 0) { s += 40; }
      else if (columnsMatching(e, w).length > 0) { s += 20; }
      else { s += 5; }
    }
    return s;
  }

  function columnsMatching(e, w) {
    if (!e.cols) { return []; }
    var cols = e.cols.split(' ');
    var exact = [];
    var partial = [];
    for (var i = 0; i < cols.length; i++) {
      var c = cols[i].toLowerCase();
      if (c === w) { exact.push(cols[i]); } else if (c.indexOf(w) >= 0) { partial.push(cols[i]); }
    }
    return exact.concat(partial);
  }

  function search() {
    var q = input.value.trim().toLowerCase();
    while (list.firstChild) { list.removeChild(list.firstChild); }
    if (!q) { list.hidden = true; return; }
    var words = q.split(/\s+/);
    var hits = [];
    for (var n = 0; n < shards.length; n++) {
      var part = shards[n];
      if (!part) { continue; }
      for (var i = 0; i < part.length; i++) {
        var s = score(part[i], words);
        if (s >= 0) { hits.push({ e: part[i], s: s, n: n, i: i }); }
      }
    }
    hits.sort(function (a, b) { return b.s - a.s || a.n - b.n || a.i - b.i; });
    for (var h = 0; h < hits.length && h < LIMIT; h++) {
      list.appendChild(item(hits[h].e, words));
    }
    var status = document.createElement('li');
    status.className = 'status';
    status.textContent = hits.length === 0 ? 'No match.' :
      hits.length > LIMIT ? 'First ' + LIMIT + ' of ' + hits.length + ' matches.' :
      hits.length + (hits.length === 1 ? ' match.' : ' matches.');
    if (loaded < shardCount) { status.textContent += ' Loading the index…'; }
    list.appendChild(status);
    list.hidden = false;
  }

  function item(e, words) {
    var li = document.createElement('li');
    li.className = 'hit';
    var a = document.createElement('a');
    a.href = root + e.page;
    var kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = KIND[e.k] || e.k;
    a.appendChild(kind);
    a.appendChild(document.createTextNode(e.name));
    li.appendChild(a);
    var why = '';
    for (var i = 0; i < words.length && !why; i++) {
      if (e.lname.indexOf(words[i]) < 0) {
        var cols = columnsMatching(e, words[i]);
        if (cols.length > 0) {
          why = 'column ' + cols.slice(0, 3).join(', ');
          a.href = root + e.page + '#col-' + fileName(cols[0]);
        }
      }
    }
    if (!why && e.desc) { why = e.desc; }
    if (why) {
      var span = document.createElement('span');
      span.className = 'why';
      span.textContent = why;
      li.appendChild(span);
    }
    return li;
  }

  // the same file-name encoding as the generator's SitePaths.file, for column anchors
  function fileName(name) {
    var out = '';
    Array.from(name).forEach(function (c) {
      out += /^[a-z0-9_-]$/.test(c) ? c : '~' + c.codePointAt(0).toString(16) + '~';
    });
    return out || '~';
  }

  input.addEventListener('focus', load);
  input.addEventListener('input', function () { load(); schedule(); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') {
      var first = list.querySelector('li.hit a');
      if (first) { window.location.href = first.href; }
    } else if (ev.key === 'Escape') {
      input.value = '';
      schedule();
    }
  });
  document.addEventListener('click', function (ev) {
    if (!list.contains(ev.target) && ev.target !== input) { list.hidden = true; }
  });
  input.addEventListener('click', function () { if (input.value.trim()) { schedule(); } });
})();
