// Sends a tenant bundle to the console as the request body (a bundle is far larger than a form upload may be), then
// reloads the console, which shows the import's progress.
(function () {
  var form = document.getElementById('bundle-import');
  if (!form) { return; }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('bundle-file').files[0];
    if (!file) { return; }
    var status = document.getElementById('bundle-import-status');
    var signedBy = document.getElementById('signed-by').value.trim();
    var headers = { 'Content-Type': 'application/octet-stream' };
    headers[form.dataset.csrfHeader] = form.dataset.csrf;
    var passphrase = document.getElementById('bundle-passphrase').value;
    if (passphrase) { headers['X-Bundle-Passphrase'] = passphrase; }
    status.textContent = form.dataset.sending;
    fetch(form.dataset.action + (signedBy ? '?signedBy=' + encodeURIComponent(signedBy) : ''),
        { method: 'POST', headers: headers, body: file, credentials: 'same-origin' })
      .then(function (response) {
        if (response.ok) { window.location.assign(window.location.pathname + '#bundles'); window.location.reload(); return; }
        return response.json().then(function (problem) { status.textContent = problem.detail || form.dataset.failed; });
      })
      .catch(function () { status.textContent = form.dataset.failed; });
  });
})();
