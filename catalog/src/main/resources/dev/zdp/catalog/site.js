// zdp docs: the catalog's search. The index is split into script files (search/shard-N.js) that
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
