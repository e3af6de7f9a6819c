// The crash overlay, in plain JavaScript so that it works after the WebAssembly app died.
// The app's panic hook calls window.fabriqueCrashed(message); a wasm error that escapes
// (the app failed to start, or trapped) shows it too. It offers to reload, and to download
// every Fabrique entry of localStorage as one JSON file, which the app imports again.
(function () {
  'use strict';
  var shown = false;

  function english() {
    return document.documentElement.lang === 'en';
  }

  function words(fr, en) {
    return english() ? en : fr;
  }

  // Every entry Fabrique keeps, raw, and the dossiers that read as an export file.
  function backup() {
    var raw = {};
    var dossiers = [];
    for (var i = 0; i < localStorage.length; i++) {
      var key = localStorage.key(i);
      if (key === null || key.indexOf('fabrique.') !== 0) continue;
      var text = localStorage.getItem(key);
      raw[key] = text;
      if (key.indexOf('fabrique.dossier.') === 0) {
        try {
          var record = JSON.parse(text);
          dossiers.push(record && record.dossier ? record.dossier : record);
        } catch (error) {
          // Kept raw only: an unreadable entry is never guessed at.
        }
      }
    }
    return { format: 'fabrique-export', version: 1, dossiers: dossiers, raw: raw };
  }

  function download() {
    var text = JSON.stringify(backup(), null, 1);
    var blob = new Blob([text], { type: 'application/json' });
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'fabrique-sauvegarde-' + new Date().toISOString().slice(0, 10) + '.json';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function button(label, action, primary) {
    var element = document.createElement('button');
    element.type = 'button';
    element.textContent = label;
    if (primary) element.className = 'primary';
    element.addEventListener('click', action);
    return element;
  }

  function show(detail) {
    if (shown || !document.body) return;
    shown = true;
    var overlay = document.createElement('div');
    overlay.className = 'crash-overlay';
    overlay.setAttribute('role', 'alertdialog');
    overlay.setAttribute('aria-modal', 'true');
    overlay.setAttribute('aria-labelledby', 'crash-title');
    var box = document.createElement('div');
    box.className = 'crash-box';
    var title = document.createElement('h2');
    title.id = 'crash-title';
    title.textContent = words('Fabrique s\u2019est arrêtée à cause d\u2019une erreur.', 'Fabrique stopped because of an error.');
    var text = document.createElement('p');
    text.textContent = words(
      'Vos dossiers enregistrés dans ce navigateur ne sont pas effacés. Téléchargez-les par précaution, puis rechargez la page.',
      'Your dossiers saved in this browser are not erased. Download them to be safe, then reload the page.');
    var details = document.createElement('p');
    details.className = 'crash-detail';
    details.textContent = String(detail || '').slice(0, 500);
    box.append(title, text,
      button(words('Télécharger mes données', 'Download my data'), download, false),
      button(words('Recharger', 'Reload'), function () { location.reload(); }, true),
      details);
    overlay.appendChild(box);
    document.body.appendChild(overlay);
    box.querySelector('button.primary').focus();
  }

  window.fabriqueCrashed = show;
  function isWasmFailure(error) {
    return typeof WebAssembly !== 'undefined' && error instanceof Error &&
      (error instanceof WebAssembly.RuntimeError || error instanceof WebAssembly.CompileError ||
       error instanceof WebAssembly.LinkError);
  }
  window.addEventListener('error', function (event) {
    if (isWasmFailure(event.error)) show(event.error.message);
  });
  window.addEventListener('unhandledrejection', function (event) {
    if (isWasmFailure(event.reason)) show(event.reason.message);
  });
})();
