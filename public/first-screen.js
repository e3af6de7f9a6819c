// The first screen, before the wasm has arrived: which of index.html's static texts shows
// (the home, a link opening, or only the header for any other screen) and in which
// language. Runs before the body is drawn; reads the language setting and the names of
// the keys stored (and the index's length), never a dossier, and nothing at all inside
// another page's frame. A release build writes it into the page, before the style sheet
// (scripts/loader.py): the chosen bundle's download starts with the page's first requests.
//
// It also chooses the bundle (#20, ARCHITECTURE.md "Two bundles"): the home alone
// (`data-bundle="home"`) for a visit to the app's bare address that no service worker
// serves yet, in a browser that keeps nothing of Fabrique's yet — a first visit —, else
// the whole app; and preloads that one only, from the
// names scripts/loader.py wrote on this script's tag (none in `trunk serve`: the whole app,
// with trunk's own preloads).
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
  if (framed) {
    root.classList.add('first-none');
    return;
  }
  var address = location.search + location.pathname;
  var link = location.hash.length > 1 || /[?&]s=|%23/.test(address);
  var screen = /[?&](dossier|page|comparer)=/.test(location.search) ? 'other' : 'home';
  root.classList.add('first-' + (link ? 'link' : screen));
  // The bare address only: whatever names another screen, now or once read by the app
  // (a query, a fragment, an encoded '#'), is the whole app's.
  var bare = (location.search === '' || location.search === '?') &&
    (location.hash === '' || location.hash === '#') && !/%23|%2523/.test(location.pathname);
  var served = 'serviceWorker' in navigator && navigator.serviceWorker.controller;
  var bundle = bare && !served && nothingKept() ? 'home' : 'app';
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
    preload('modulepreload', base + '.js');
    preload('preload', base + '_bg.wasm', 'fetch');
  }
  try {
    var settings = JSON.parse(localStorage.getItem('fabrique.settings') || '{}');
    if (settings && settings.lang === 'en') root.classList.add('first-en');
  } catch (error) {
    // No storage, or a setting that cannot be read: French, the app's first language.
  }
})();
