// The first screen, before the wasm has arrived: which of index.html's static texts shows
// (the home, a link opening, or only the header for any other screen) and in which
// language. Runs before the body is drawn; reads the language setting only, never a
// dossier, and nothing at all inside another page's frame.
(function () {
  var root = document.documentElement;
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
  try {
    var settings = JSON.parse(localStorage.getItem('fabrique.settings') || '{}');
    if (settings && settings.lang === 'en') root.classList.add('first-en');
  } catch (error) {
    // No storage, or a setting that cannot be read: French, the app's first language.
  }
})();
