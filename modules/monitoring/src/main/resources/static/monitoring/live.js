// Keeps the monitoring page current: the server sends the same view as the page's, whenever it changes.
(function () {
  'use strict';
  var main = document.getElementById('monitoring');
  if (!main || !window.EventSource) { return; }
  var badge = document.getElementById('live');
  var asOf = document.getElementById('as-of');
  var units = document.querySelector('#units tbody');
  var people = document.getElementById('people');
  var FIELDS = ['expected', 'checkedIn', 'wfo', 'wfa', 'dinasLuar', 'late', 'notYetIn', 'excused', 'absent', 'flagged'];

  function fill(cells, counts) {
    FIELDS.forEach(function (f) {
      var cell = cells.querySelector('[data-f="' + f + '"]');
      if (cell) { cell.textContent = String(counts[f]); }
    });
    var reports = cells.querySelector('[data-f="reports"]');
    if (reports) { reports.textContent = counts.reportsFiled + ' / ' + counts.reportsDue; }
  }

  function bar(svg, counts) {
    var parts = [counts.wfo, counts.wfa, counts.dinasLuar, counts.excused, counts.notYetIn, counts.absent];
    var whole = parts.reduce(function (a, b) { return a + b; }, 0);
    var x = 0;
    svg.querySelectorAll('rect').forEach(function (rect, i) {
      var width = whole === 0 ? 0 : 100 * parts[i] / whole;
      rect.setAttribute('x', String(x));
      rect.setAttribute('width', String(width));
      x += width;
    });
    svg.setAttribute('aria-label', counts.checkedIn + ' / ' + counts.expected);
  }

  function time(iso) {
    try {
      return new Date(iso).toLocaleTimeString('en-GB', { timeZone: asOf.dataset.zone, hour12: false });
    } catch (e) {
      return new Date(iso).toLocaleTimeString();
    }
  }

  function label(key, value) {
    var text = people.dataset['l' + key.charAt(0).toUpperCase() + key.slice(1)] || key;
    return value === undefined ? text : text.replace('{0}', value);
  }

  function showPeople(list) {
    if (!people || !list) { return; }
    var body = people.querySelector('tbody');
    var rows = document.createDocumentFragment();
    list.forEach(function (p) {
      var tr = document.createElement('tr');
      tr.dataset.standing = p.standing;
      var state = label(p.standing.toLowerCase());
      var detail = state + (p.minutesLate > 0 ? ' · ' + label('late', p.minutesLate) : '') + (p.flagged ? ' · ' + label('flagged') : '');
      var at = p.checkedInAt ? time(p.checkedInAt).slice(0, 5) : '';
      var report = !p.reportDue ? label('notdue') : (p.reportFiled ? label('filed') : label('missing'));
      [p.name, p.nip || '', detail, at, report].forEach(function (text) {
        var td = document.createElement('td');
        td.textContent = text;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    body.replaceChildren(rows);
  }

  function show(view) {
    var known = {};
    units.querySelectorAll('tr[data-code]').forEach(function (tr) { known[tr.dataset.code] = tr; });
    var reload = false;
    view.units.forEach(function (row) {
      var tr = known[row.code];
      if (!tr) { reload = true; return; }
      fill(tr, row.counts);
      bar(tr.querySelector('svg'), row.counts);
    });
    if (reload || view.units.length !== Object.keys(known).length) { window.location.reload(); return; }
    fill(document.getElementById('total'), view.total);
    showPeople(view.people);
    asOf.textContent = asOf.dataset.pattern.replace('{0}', time(view.asOf));
    main.dataset.updated = view.asOf;
  }

  var source = new EventSource(main.dataset.stream);
  source.addEventListener('view', function (e) {
    badge.textContent = badge.dataset.live;
    badge.classList.remove('offline');
    show(JSON.parse(e.data));
  });
  source.onerror = function () {
    badge.textContent = badge.dataset.offline;
    badge.classList.add('offline');
  };

  // Sort a column by clicking its heading: the numbers highest first, the names A to Z.
  document.querySelectorAll('#units th[data-key]').forEach(function (th, index) {
    th.classList.add('sort');
    th.addEventListener('click', function () {
      var rows = Array.prototype.slice.call(units.querySelectorAll('tr'));
      var byName = th.dataset.key === 'name';
      rows.sort(function (a, b) {
        var x = a.children[index].textContent, y = b.children[index].textContent;
        return byName ? x.localeCompare(y) : parseInt(y, 10) - parseInt(x, 10);
      });
      rows.forEach(function (tr) { units.appendChild(tr); });
    });
  });
}());
