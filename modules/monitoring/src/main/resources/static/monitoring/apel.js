// The apel's pages: the leader's ranking, read again every few seconds; the phone's confirmation with its position.
(function () {
  'use strict';
  var live = document.querySelector('main.apel-live');
  if (live) {
    var refresh = function () {
      fetch(live.dataset.ranking, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (ranking) {
          if (!ranking) { return; }
          var body = document.querySelector('#ranking tbody');
          var rows = {};
          body.querySelectorAll('tr[data-code]').forEach(function (tr) { rows[tr.dataset.code] = tr; });
          ranking.opds.forEach(function (o, i) {
            var tr = rows[o.code];
            if (!tr) { return; }
            tr.children[0].textContent = String(i + 1);
            tr.querySelector('[data-f=confirmed]').textContent = String(o.confirmed);
            tr.querySelector('[data-f=expected]').textContent = String(o.expected);
            tr.querySelector('[data-f=percent]').textContent = o.percent + '%';
            tr.querySelector('progress').value = o.percent;
            tr.querySelector('[data-f=report]').textContent = o.report || '';
            body.appendChild(tr);   // in the ranking's order
          });
          document.getElementById('overall').textContent = ranking.confirmed + ' / ' + ranking.expected;
        })
        .catch(function () { /* the next round tries again */ });
    };
    window.setInterval(refresh, 3000);
  }

  var page = document.getElementById('apel-confirm');
  if (page) {
    var button = document.getElementById('confirm-button');
    var result = document.getElementById('result');
    button.addEventListener('click', function () {
      if (!navigator.geolocation) { result.textContent = page.dataset.noLocation; return; }
      button.disabled = true;
      result.textContent = page.dataset.locating;
      navigator.geolocation.getCurrentPosition(function (position) {
        var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
        headers[page.dataset.csrfHeader] = page.dataset.csrf;
        fetch(page.dataset.endpoint, { method: 'POST', credentials: 'same-origin', headers: headers,
          body: JSON.stringify({ latitude: position.coords.latitude, longitude: position.coords.longitude,
            accuracy: position.coords.accuracy }) })
          .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
          .then(function (answer) {
            button.disabled = false;
            result.textContent = answer.ok
              ? page.dataset.done.replace('{0}', new Date(answer.body.confirmedAt).toLocaleTimeString().slice(0, 5))
              : (answer.body.detail || answer.body.title);
            result.className = answer.ok ? 'notice' : 'error';
          })
          .catch(function () { button.disabled = false; result.textContent = page.dataset.noLocation; });
      }, function () {
        button.disabled = false;
        result.textContent = page.dataset.noLocation;
      }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 });
    });
  }
}());
