// The preview's only script (loaded from the site itself; the page's Content-Security-Policy
// allows no other). Filters cards by search words, deck, tag and findings, and fits each card
// frame to its content. The cards themselves run no script: their frames are sandboxed.
'use strict';
(function () {
  const cards = Array.from(document.querySelectorAll('main > article'));
  const search = document.getElementById('search');
  const shown = document.getElementById('shown');
  const nothing = document.getElementById('nothing');
  const active = { deck: '', tag: '', problems: '' };

  function within(name, selected) {
    const lower = name.toLowerCase();
    return lower === selected || lower.startsWith(selected + '::');
  }

  function apply() {
    const words = search ? search.value.toLowerCase().split(/\s+/).filter(Boolean) : [];
    let visible = 0;
    let total = 0;
    for (const card of cards) {
      const isCard = card.classList.contains('card');
      const tags = card.dataset.tags ? card.dataset.tags.split(' ') : [];
      const match = words.every((word) => card.dataset.text.includes(word))
        && (!active.deck || within(card.dataset.deck, active.deck))
        && (!active.tag || tags.some((tag) => within(tag, active.tag)))
        && (!active.problems || card.dataset.findings !== '0');
      card.hidden = !match;
      if (isCard) {
        total++;
        if (match) {
          visible++;
          card.querySelectorAll('iframe').forEach(fit);
        }
      }
    }
    if (shown) {
      shown.textContent = visible + ' of ' + total + ' cards';
    }
    if (nothing) {
      nothing.hidden = visible > 0;
    }
  }

  function fit(frame) {
    try {
      const body = frame.contentDocument && frame.contentDocument.body;
      if (body && frame.offsetParent !== null) {
        const style = frame.contentWindow.getComputedStyle(body);
        const height = body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
        frame.style.height = Math.max(48, Math.ceil(height) + 4) + 'px';
      }
    } catch (e) {
      // The frame's content is not readable: it keeps its default height and scrolls.
    }
  }

  for (const button of document.querySelectorAll('button.filter')) {
    button.addEventListener('click', () => {
      const kind = button.dataset.kind;
      const value = button.dataset.value.toLowerCase();
      const selected = active[kind] !== value;
      for (const other of document.querySelectorAll('button.filter[data-kind="' + kind + '"]')) {
        other.setAttribute('aria-pressed', 'false');
      }
      active[kind] = selected ? value : '';
      button.setAttribute('aria-pressed', String(selected));
      apply();
    });
  }
  if (search) {
    search.addEventListener('input', apply);
  }
  for (const frame of document.querySelectorAll('iframe')) {
    frame.addEventListener('load', () => fit(frame));
    fit(frame);
  }
  apply();
  document.documentElement.dataset.ready = 'true';
}());
