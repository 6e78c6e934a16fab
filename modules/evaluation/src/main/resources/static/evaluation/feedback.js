// The rating form's small proof of work (see FormTokens): while the citizen reads the form, find a number that makes
// SHA-256(token + ":" + number) start with 12 zero bits, and send it with the form. Without it (no JavaScript, an old
// browser, a page served over plain HTTP to another machine) the form still works; the server only asks that it was
// open a little longer.
(function () {
  'use strict';
  var form = document.getElementById('rate');
  if (!form || !window.crypto || !window.crypto.subtle || !window.TextEncoder || !window.Promise) {
    return;
  }
  var token = form.elements.token.value;
  var field = form.elements.work;
  var encoder = new TextEncoder();
  var found = false;
  var waiting = false;

  function enough(hash) {
    var bytes = new Uint8Array(hash);
    return bytes[0] === 0 && (bytes[1] & 0xf0) === 0;
  }

  function search(from) {
    var tries = [];
    for (var n = from; n < from + 64; n++) {
      tries.push(window.crypto.subtle.digest('SHA-256', encoder.encode(token + ':' + n)));
    }
    Promise.all(tries).then(function (hashes) {
      for (var i = 0; i < hashes.length; i++) {
        if (enough(hashes[i])) {
          field.value = String(from + i);
          found = true;
          if (waiting) {
            form.submit();
          }
          return;
        }
      }
      search(from + 64);
    }, function () {
      found = true;   // no digest here: the form goes without it
      if (waiting) {
        form.submit();
      }
    });
  }

  form.addEventListener('submit', function (event) {
    if (!found) {
      event.preventDefault();
      waiting = true;
    }
  });
  search(0);
})();
