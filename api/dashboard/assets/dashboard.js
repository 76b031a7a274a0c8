// The dashboard's only script beside htmx (served from /assets, so the CSP needs no inline script).
// The API key of the subscriptions page stays in this tab's sessionStorage: it is sent as
// `Authorization: Bearer` on the dashboard's own subscription requests and never put in a URL,
// a cookie or the page.
(function () {
  'use strict';
  var STORE = 'cyber8k.apiKey';
  function key() {
    try { return sessionStorage.getItem(STORE); } catch (e) { return null; }
  }
  function flash(text) {
    var el = document.getElementById('flash');
    if (el) el.textContent = text || '';
  }
  function showKeyState() {
    var state = document.getElementById('key-state');
    if (!state) return;
    var k = key();
    state.textContent = k ? 'Key ' + k.slice(0, 10) + '… is set for this tab.' : 'No key set: enter an API key of scope alerts (or admin).';
    document.querySelectorAll('[data-needs-key]').forEach(function (el) { el.hidden = !k; });
  }

  document.addEventListener('htmx:configRequest', function (evt) {
    var k = key();
    var path = evt.detail.path || '';
    if (k && (path.indexOf('/subscriptions') === 0 || path.indexOf('/deliveries') === 0)) evt.detail.headers['Authorization'] = 'Bearer ' + k;
  });
  document.addEventListener('htmx:beforeRequest', function () { flash(''); });
  // htmx leaves 4xx/5xx unswapped: say what went wrong instead.
  document.addEventListener('htmx:responseError', function (evt) {
    var xhr = evt.detail.xhr;
    var text = 'Request failed (' + xhr.status + ')';
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.error && body.error.message) text = body.error.message;
    } catch (e) {
      var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      var err = doc.querySelector('.error');
      if (err && err.textContent) text = err.textContent.trim();
    }
    flash(text);
  });
  document.addEventListener('htmx:sendError', function () { flash('The server could not be reached.'); });

  document.addEventListener('submit', function (evt) {
    var form = evt.target;
    if (!form || form.id !== 'key-form') return;
    evt.preventDefault();
    var input = form.querySelector('input[name=key]');
    var value = input && input.value.trim();
    if (value) {
      try { sessionStorage.setItem(STORE, value); } catch (e) { flash('This browser does not allow session storage.'); }
    }
    if (input) input.value = '';
    showKeyState();
    document.body.dispatchEvent(new CustomEvent('c8k-key'));
  });
  document.addEventListener('click', function (evt) {
    var target = evt.target;
    if (!target || target.id !== 'key-forget') return;
    try { sessionStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    showKeyState();
    var list = document.getElementById('subscriptions');
    if (list) list.textContent = '';
  });
  document.addEventListener('DOMContentLoaded', function () {
    showKeyState();
    if (key()) document.body.dispatchEvent(new CustomEvent('c8k-key'));
  });
})();
