// The first screen, before the wasm has arrived: which of index.html's static texts shows
// (the home, a link opening, or only the header for any other screen) and in which
// language. Runs before the body is drawn; reads the language setting and the names of
// the keys stored (and the index's length), never a dossier, and nothing at all inside
// another page's frame. A release build writes it into the page, before the style sheet
// (scripts/loader.py).
//
// It also chooses the bundle (#20, ARCHITECTURE.md "Two bundles"): the home alone
// (`data-bundle="home"`) for a visit to the app's bare address that no service worker
// serves yet, in a browser that keeps nothing of Fabrique's yet — a first visit —, else
// the whole app; then preloads and starts that one only, from the names scripts/loader.py
// wrote on this script's tag (none in `trunk serve`: trunk's own loader starts the whole
// app).
(function () {
  // Whether this browser holds nothing of Fabrique's but the settings (the same rule as
  // `Repository::holds_nothing_but_settings`), with both storages working and no action of
  // the home bundle waiting for the whole app (`fabrique_app_core::handover`). Without
  // storage (refused, as in some private modes) the dossiers would live in the page's
  // memory, which leaving the home would lose.
  function nothingKept() {
    try {
      var local = window.localStorage;
      if (!local || !window.sessionStorage || window.sessionStorage.getItem('fabrique.handover') !== null) {
        return false;
      }
      for (var i = 0; i < local.length; i++) {
        var key = local.key(i);
        if (key === 'fabrique.index') {
          var listed = JSON.parse(local.getItem(key));
          if (!Array.isArray(listed) || listed.length !== 0) return false;
        } else if (key.indexOf('fabrique.') === 0 && key !== 'fabrique.settings') {
          return false;
        }
      }
      return true;
    } catch (error) {
      return false;
    }
  }
  var root = document.documentElement;
  var tag = document.currentScript;
  var framed;
  try {
    framed = window.top !== window.self;
  } catch (error) {
    framed = true;
  }
  // Inside a frame: no static screen, nothing read; the whole app starts and shows only
  // its notice and a link to open Fabrique in a tab of its own.
  var bundle = 'app';
  if (framed) {
    root.classList.add('first-none');
  } else {
    var address = location.search + location.pathname;
    var link = location.hash.length > 1 || /[?&]s=|%23/.test(address);
    var screen = /[?&](dossier|page|comparer)=/.test(location.search) ? 'other' : 'home';
    root.classList.add('first-' + (link ? 'link' : screen));
    // The bare address only: whatever names another screen, now or once read by the app
    // (a query, a fragment, an encoded '#'), is the whole app's.
    var bare = (location.search === '' || location.search === '?') &&
      (location.hash === '' || location.hash === '#') && !/%23|%2523/.test(location.pathname);
    var served = 'serviceWorker' in navigator && navigator.serviceWorker.controller;
    if (bare && !served && nothingKept()) bundle = 'home';
  }
  var base = tag && tag.getAttribute('data-' + bundle);
  if (base) {
    root.setAttribute('data-bundle', bundle);
    var preload = function (rel, href, as) {
      var element = document.createElement('link');
      element.rel = rel;
      element.href = href;
      element.crossOrigin = 'anonymous';
      if (as) {
        element.as = as;
        element.type = 'application/wasm';
      }
      document.head.appendChild(element);
    };
    var download = function () {
      preload('modulepreload', base + '.js');
      preload('preload', base + '_bg.wasm', 'fetch');
    };
    // Starts the bundle: its module, then its wasm (both already on their way). A wasm
    // that fails to compile or start rejects unhandled: panic.js shows the crash overlay.
    var start = function () {
      return import(base + '.js').then(function (bindings) {
        return bindings.default({ module_or_path: base + '_bg.wasm' });
      });
    };
    // The whole app's download starts with the page's first requests. The home's starts
    // one frame later, once its static first screen is painted (the frame right after the
    // page is read: its styles are in it). That frame is all it costs; without it,
    // Lighthouse's simulation counts the wasm's download in the time of that first paint,
    // which needs nothing but the page (BENCHMARKS.md). Either bundle starts once the
    // deferred scripts have run too (panic.js: the crash overlay works before the app's
    // first instruction).
    var painted = false;
    var parsed = false;
    var go = function () {
      if (painted && parsed) start();
    };
    var fetchNow = function () {
      download();
      painted = true;
      go();
    };
    if (bundle === 'app' || document.visibilityState !== 'visible') {
      fetchNow();
    } else {
      requestAnimationFrame(function () {
        setTimeout(fetchNow, 0);
      });
    }
    document.addEventListener('DOMContentLoaded', function () {
      parsed = true;
      go();
    });
  }
  if (framed) return;
  try {
    var settings = JSON.parse(localStorage.getItem('fabrique.settings') || '{}');
    if (settings && settings.lang === 'en') root.classList.add('first-en');
  } catch (error) {
    // No storage, or a setting that cannot be read: French, the app's first language.
  }
})();
