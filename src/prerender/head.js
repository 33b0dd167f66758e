// The one script every page runs before it paints (the prerender puts it in each page's <head>).
// It marks the page as scripted (`js` on <html>: CSS hides what only works without JavaScript and
// shows what needs it) and chooses the language: `lang=` in the address, then the language
// remembered on this device (not in a partner's frame: <html data-storage="none">), then the
// browser's languages; English pages are at the site's root, the others under /fr/ and /es/.
// It only ever moves to an address of this site: the origin is always this page's own.
(function () {
  var d = document.documentElement;
  d.className += ' js';
  var langs = ['en', 'fr', 'es'];
  var base = new URL(document.baseURI).pathname;
  var path = location.pathname;
  // The language of the address, which is the page's own except where a server answered with
  // another page (a bare SPA host answers every path with index.html): the app then renders the
  // address's language, and going there again would only load the same answer again.
  var page = d.lang;
  if (path.indexOf(base) === 0) {
    var m = /^(fr|es)(\/|$)/.exec(path.slice(base.length));
    page = m ? m[1] : 'en';
  }
  var key = 'metropolis-diploma.lang';
  var store = null;
  try {
    if (d.getAttribute('data-storage') !== 'none') store = window.localStorage;
  } catch (e) {}
  function remember(l) {
    try { if (store) store.setItem(key, l); } catch (e) {}
  }
  var q = new URLSearchParams(location.search);
  var asked = (q.get('lang') || '').slice(0, 2).toLowerCase();
  var want = null;
  if (langs.indexOf(asked) >= 0) {
    want = asked;
    remember(asked);
  } else if (page !== 'en') {
    remember(page);
  } else {
    var kept = null;
    try { kept = store && store.getItem(key); } catch (e) {}
    if (langs.indexOf(kept) >= 0) {
      want = kept;
    } else {
      var nav = navigator.languages || [navigator.language || ''];
      for (var i = 0; i < nav.length; i++) {
        var t = String(nav[i]).slice(0, 2).toLowerCase();
        if (langs.indexOf(t) >= 0) { want = t; break; }
      }
    }
  }
  q.delete('lang');
  var qs = q.toString();
  if (want && want !== page && path.indexOf(base) === 0) {
    var rest = path.slice(base.length).replace(/^(fr|es)(\/|$)/, '').replace(/^\/+/, '');
    location.replace(location.origin + base + (want === 'en' ? '' : want + '/') + rest + (qs ? '?' + qs : '') + location.hash);
  } else if (asked) {
    history.replaceState(history.state, '', location.origin + path + (qs ? '?' + qs : '') + location.hash);
  }
})();
