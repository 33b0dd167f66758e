/*! Metropolis Diploma fee estimator: embed script, message format v1. How to use it: the /embed page of the app. */
// <script async src="https://APP/embed.js"></script> turns every
// <div data-metropolis-estimator data-member="yes" data-country="KEN" data-people="2"></div> into a
// frame of APP/<lang>/embed/estimate?… (the prerendered estimator in the data-lang language: APP/embed/
// estimate for English, APP/fr/embed/estimate…) that fits its content. Plain ES5, no dependencies, no storage.
(function (w, d) {
  'use strict';
  if (w.MetropolisEstimator) return w.MetropolisEstimator.scan();
  var me = d.currentScript;
  if (!me || !me.src || !w.URL) return;
  var base = new URL('.', me.src);
  var APP = base.origin;
  var CHANNEL = 'metropolis-estimator';
  var KEYS = ['member', 'dues', 'country', 'people', 'date', 'reduced', 'lang', 'accent', 'font', 'compact'];
  var FOLDERS = { fr: 'fr/', es: 'es/' }; // the languages whose pages are not at the root
  var widgets = []; // {el, frame, quote}

  function frameSrc(el) {
    // `lang` stays in the query too: it pins the language (even English) over the visitor's own.
    var lang = (el.getAttribute('data-lang') || '').slice(0, 2).toLowerCase();
    var u = new URL((FOLDERS.hasOwnProperty(lang) ? FOLDERS[lang] : '') + 'embed/estimate', base);
    KEYS.forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v !== null && v !== '') u.searchParams.set(k, v);
    });
    // The frame posts only to this origin; it never posts to '*'.
    u.searchParams.set('origin', location.origin);
    return u.href;
  }

  function find(test) {
    for (var i = 0; i < widgets.length; i++) if (test(widgets[i])) return widgets[i];
    return null;
  }

  function mounted(el) {
    var x = find(function (y) { return y.el === el; });
    return x && el.contains(x.frame) ? x : null;
  }

  function show(frame) {
    frame.style.visibility = '';
  }

  function mount(el) {
    if (mounted(el)) return;
    var f = d.createElement('iframe');
    f.title = el.getAttribute('data-title') || 'Metropolis Diploma fee estimator';
    f.setAttribute('loading', 'lazy');
    // Hidden until the estimator says it is ready (or shortly after the frame loads, whatever it shows).
    f.style.cssText = 'display:block;width:100%;border:0;height:480px;visibility:hidden';
    f.addEventListener('load', function () { setTimeout(function () { show(f); }, 3000); });
    f.src = frameSrc(el);
    el.textContent = ''; // the link for visitors without JavaScript
    el.appendChild(f);
    widgets = widgets.filter(function (y) { return y.el !== el && y.el.isConnected; });
    widgets.push({ el: el, frame: f, quote: null });
  }

  function scan() {
    var els = d.querySelectorAll('[data-metropolis-estimator]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }

  function clone(q) {
    return q ? JSON.parse(JSON.stringify(q)) : null;
  }

  w.addEventListener('message', function (e) {
    // Only the app's origin, and only from one of our frames: anything else changes nothing.
    if (e.origin !== APP) return;
    var x = find(function (y) { return y.frame.contentWindow === e.source; });
    var m = e.data;
    if (!x || !m || typeof m !== 'object' || m.channel !== CHANNEL || m.version !== 1) return;
    var detail;
    if (m.type === 'ready' || m.type === 'resize') {
      var h = Math.ceil(Number(m.height));
      if (!(h > 0 && h <= 20000)) return;
      x.frame.style.height = h + 'px';
      if (m.type === 'ready') show(x.frame);
      detail = { height: h };
    } else if (m.type === 'estimate' && m.quote && typeof m.quote === 'object') {
      x.quote = clone(m.quote);
      detail = clone(m.quote);
    } else {
      return;
    }
    x.el.dispatchEvent(new CustomEvent(CHANNEL + ':' + m.type, { bubbles: true, detail: detail }));
  });

  w.MetropolisEstimator = {
    version: 1,
    scan: scan,
    // update(el, {people: 3, member: true, country: null}): new starting values; the frame reloads.
    update: function (el, opts) {
      if (typeof el === 'string') el = d.querySelector(el);
      if (!el || !el.hasAttribute('data-metropolis-estimator')) return false;
      Object.keys(opts || {}).forEach(function (k) {
        if (KEYS.indexOf(k) < 0) return;
        var v = opts[k];
        if (v === null || v === undefined) el.removeAttribute('data-' + k);
        else el.setAttribute('data-' + k, v === true ? 'yes' : v === false ? 'no' : String(v));
      });
      var x = mounted(el);
      if (!x) return mount(el), true;
      x.quote = null;
      x.frame.src = frameSrc(el);
      return true;
    },
    // quote(el): the last quote the estimator sent, or null.
    quote: function (el) {
      var x = find(function (y) { return y.el === el; });
      return clone(x && x.quote);
    },
  };

  if (w.MutationObserver) {
    var queued = false;
    new MutationObserver(function () {
      if (queued) return;
      queued = true;
      setTimeout(function () { queued = false; scan(); }, 0);
    }).observe(d.documentElement, { childList: true, subtree: true });
  }
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', scan);
  else scan();
})(window, document);
