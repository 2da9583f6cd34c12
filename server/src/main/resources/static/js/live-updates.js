/*
 * Live updates of the release page (docs/dashboard.md). The page works without this script; with it, the page
 * listens to the release's server-sent events and, when one says that evidence, approvals, waivers, decisions or
 * promotions changed, fetches the affected sections again (GET .../sections/{name}?environment=&<list cursors>) and
 * swaps them in; a kind that no section of the page shows changes only the status line. "resync" (the server missed
 * changes for a while) refreshes every section. The connection is re-opened after an error with exponential backoff
 * (1 s doubling to at most 60 s, with jitter). No eval, no inline style: the CSP stays script-src 'self'.
 */
(function () {
  'use strict';

  var main = document.getElementById('main');
  if (!main || !window.EventSource || !window.fetch || !main.getAttribute('data-live-stream')) {
    return;
  }
  var streamUrl = main.getAttribute('data-live-stream');
  var sectionsUrl = main.getAttribute('data-live-sections');
  var environment = main.getAttribute('data-live-environment') || '';
  var statusLine = document.getElementById('live-status');
  var KINDS = ['evidence', 'approvals', 'waivers', 'decisions', 'promotions'];
  var LABELS = {
    evidence: 'new evidence', approvals: 'approvals changed', waivers: 'waivers changed', decisions: 'new decision',
    promotions: 'promotions changed'
  };
  var BASE_DELAY = 1000;
  var MAX_DELAY = 60000;
  var attempt = 0;
  var source = null;
  var retryTimer = null;
  var pending = {};

  function say(text) {
    if (statusLine) {
      statusLine.textContent = text;
      statusLine.hidden = false;
    }
  }

  /** Full jitter: a random delay up to the capped exponential one, so many tabs do not reconnect in step. */
  function backoff(n) {
    var ceiling = Math.min(MAX_DELAY, BASE_DELAY * Math.pow(2, n));
    return Math.round(ceiling / 2 + Math.random() * ceiling / 2);
  }

  function sectionsFor(kind) {
    return Array.prototype.filter.call(document.querySelectorAll('[data-live-section]'), function (element) {
      return (' ' + element.getAttribute('data-live-on') + ' ').indexOf(' ' + kind + ' ') >= 0;
    });
  }

  /** The page's own query (its lists' cursors) with its environment, so a section shows the rows the page shows. */
  function sectionQuery() {
    var query = new URLSearchParams(window.location.search);
    if (environment) {
      query.set('environment', environment);
    }
    var text = query.toString();
    return text ? '?' + text : '';
  }

  function refreshEverything() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-live-section]'), function (element) {
      refresh(element.getAttribute('data-live-section'));
    });
  }

  function refresh(name) {
    var current = document.querySelector('[data-live-section="' + name + '"]');
    if (!current) {
      return;
    }
    // Never pull a section away from under the keyboard or a half-filled field: swap it once focus leaves.
    if (current.contains(document.activeElement) && document.activeElement !== document.body) {
      if (!pending[name]) {
        pending[name] = true;
        current.addEventListener('focusout', function later() {
          current.removeEventListener('focusout', later);
          setTimeout(function () {
            pending[name] = false;
            refresh(name);
          }, 0);
        });
      }
      return;
    }
    var url = sectionsUrl + encodeURIComponent(name) + sectionQuery();
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' } }).then(function (response) {
      if (!response.ok) {
        throw new Error('section ' + name + ': HTTP ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      var template = document.createElement('template');
      template.innerHTML = html.trim();
      var fresh = template.content.querySelector('[data-live-section="' + name + '"]');
      var now = document.querySelector('[data-live-section="' + name + '"]');
      if (fresh && now) {
        now.replaceWith(fresh);
      }
    }).catch(function (error) {
      say('Live updates: could not refresh the page section (' + error.message + '); reload the page to see the latest state.');
    });
  }

  function onChange(kind, event) {
    var concerns = event.data || '';
    if (concerns && environment && concerns !== environment) {
      return; // another environment's approvals, waivers or decisions
    }
    sectionsFor(kind).forEach(function (element) {
      refresh(element.getAttribute('data-live-section'));
    });
    say('Live updates: ' + LABELS[kind] + ' at ' + new Date().toLocaleTimeString() + '.');
  }

  function connect() {
    retryTimer = null;
    source = new EventSource(streamUrl, { withCredentials: true });
    source.addEventListener('ready', function () {
      if (attempt > 0) {
        // Events may have been missed while disconnected: bring every section up to date.
        refreshEverything();
      }
      attempt = 0;
      say('Live updates on.');
    });
    KINDS.forEach(function (kind) {
      source.addEventListener(kind, function (event) { onChange(kind, event); });
    });
    source.addEventListener('resync', function () {
      refreshEverything();
      say('Live updates: the server missed changes for a while; the page was brought up to date at '
        + new Date().toLocaleTimeString() + '.');
    });
    source.onerror = function () {
      // The browser's own retry has no backoff and gives up on HTTP errors: take over.
      source.close();
      source = null;
      var delay = backoff(attempt);
      attempt += 1;
      say('Live updates interrupted; retrying in ' + Math.ceil(delay / 1000) + ' s.');
      retryTimer = setTimeout(connect, delay);
    };
  }

  window.addEventListener('pageshow', function (event) {
    if (event.persisted && !source && !retryTimer) {
      attempt = 1; // restored from the back-forward cache: reconnect, then refresh everything
      connect();
    }
  });
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
    if (retryTimer) {
      clearTimeout(retryTimer);
      retryTimer = null;
    }
  });
  connect();
}());
