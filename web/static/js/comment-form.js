// Tribune: enhancements for the article page and its comment form.
//
// Loaded with `defer`, no dependencies, no network requests. Every feature is
// optional: without JavaScript the form posts normally, BBCode is typed by
// hand and the font-size links are handled by the server (/prefs/font).
//
// Features:
//   - BBCode toolbar built inside div.editor[data-editor=<textarea id>]
//   - smiley picker, colour palette, link prompts, Latin->Cyrillic translit
//   - "Geo Keyboard": Latin keys type Georgian letters (phonetic layout),
//     with an on-screen keyboard; the on/off state is kept in localStorage
//   - font-size links change the body class at once and set cookie `fs`
//   - double-submit guard and a per-form draft in sessionStorage
'use strict';

(() => {
  const SMILIES = ['smile', 'wink', 'laugh', 'sad', 'angry', 'cool', 'surprised',
                   'tongue', 'cry', 'love'];
  const PALETTE = [
    ['#ff0000', 'red'], ['#990000', 'dark red'], ['#ff8c00', 'orange'],
    ['#008000', 'green'], ['#0000ff', 'blue'], ['#000080', 'navy'],
    ['#800080', 'purple'], ['#808080', 'grey'],
  ];
  const FONT_STEP_MIN = -2;
  const FONT_STEP_MAX = 3;
  const FONT_COOKIE_MAX_AGE = 31536000;  // one year, in seconds
  const GEO_STORAGE_KEY = 'tribune.geoKeyboard';
  const DRAFT_PREFIX = 'tribune.draft:';
  const DRAFT_FIELDS = ['name', 'email', 'body'];
  // After this long without a page change the submit button comes back, so a
  // request lost to a flaky network can be retried without reloading.
  const SUBMIT_RETRY_MS = 15000;

  // ---------------------------------------------------------------- storage

  // Storage can throw (disabled cookies, private modes, full quota); every
  // feature that uses it must keep working without it.
  function openStorage(kind) {
    try {
      const store = window[kind];
      const probe = '__tribune_probe';
      store.setItem(probe, probe);
      store.removeItem(probe);
      return store;
    } catch (err) {
      return null;
    }
  }

  function storageGet(store, key) {
    try { return store ? store.getItem(key) : null; } catch (err) { return null; }
  }

  function storageSet(store, key, value) {
    try { if (store) store.setItem(key, value); } catch (err) { /* quota */ }
  }

  function storageRemove(store, key) {
    try { if (store) store.removeItem(key); } catch (err) { /* ignore */ }
  }

  // ------------------------------------------------------- text operations

  // Replaces the selection of `field` with `text`, then selects the range
  // [selFrom, selTo) measured from the start of the inserted text.
  // execCommand keeps the browser's undo history; setRangeText is the
  // fallback where execCommand is missing or refuses.
  function replaceSelection(field, text, selFrom = text.length, selTo = selFrom) {
    field.focus();
    const start = field.selectionStart;
    const end = field.selectionEnd;
    const before = field.value;
    let inserted = false;
    try {
      inserted = document.execCommand('insertText', false, text) && field.value !== before;
    } catch (err) {
      inserted = false;
    }
    if (!inserted) {
      field.setRangeText(text, start, end, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
    field.setSelectionRange(start + selFrom, start + selTo);
  }

  function selectedText(field) {
    return field.value.slice(field.selectionStart, field.selectionEnd);
  }

  // Wraps the selection in open/close tags. With a selection, the wrapped
  // text stays selected so tags can be stacked; without one, the caret lands
  // between the tags.
  function wrapSelection(field, open, close) {
    const inner = selectedText(field);
    replaceSelection(field, open + inner + close, open.length, open.length + inner.length);
  }

  // Inserts a smiley code, separated from a preceding word so the BBCode
  // parser sees it as a token of its own.
  function insertSmiley(field, name) {
    const prev = field.value.charAt(field.selectionStart - 1);
    const code = (prev && !/\s/.test(prev) ? ' ' : '') + ':' + name + ':';
    replaceSelection(field, code);
  }

  // Asks for a URL; returns null when cancelled or not a web address.
  function askUrl(message) {
    const answer = window.prompt(message, 'https://');
    if (answer === null) return null;
    let url = answer.trim();
    if (url === '' || url === 'https://' || url === 'http://') return null;
    if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) url = 'https://' + url;
    if (!/^https?:\/\//i.test(url)) return null;
    // A literal ']' would end the BBCode tag early.
    return url.replace(/\]/g, '%5D').replace(/\s/g, '%20');
  }

  function insertLink(field, tag, message) {
    const inner = selectedText(field);
    const url = askUrl(message);
    if (url === null) {
      field.focus();
      return;
    }
    const text = inner || url;
    const open = '[' + tag + '=' + url + ']';
    replaceSelection(field, open + text + '[/' + tag + ']', open.length,
                     open.length + text.length);
  }

  // Where Georgian typing is remembered for a field (the text keeps the old key).
  function geoKey(field) {
    return field instanceof HTMLTextAreaElement ? GEO_STORAGE_KEY : GEO_STORAGE_KEY + '.' + field.name;
  }

  // Whether the caret of `field` is inside an unclosed BBCode tag.
  function insideTag(field) {
    const before = field.value.slice(0, field.selectionStart);
    const open = before.lastIndexOf('[');
    return open > before.lastIndexOf(']') && /^\[\/?[A-Za-z]*(=[^\]\n]*)?$/.test(before.slice(open));
  }

  // ------------------------------------------------ Latin -> Cyrillic table

  // Reverse of the common Russian chat transliteration. Longer sequences
  // are tried first ("shch" before "sh" before "s").
  const TRANSLIT = new Map([
    ['shch', 'щ'],
    ['sch', 'щ'], ['shh', 'щ'],
    ['zh', 'ж'], ['kh', 'х'], ['ch', 'ч'], ['sh', 'ш'], ['ts', 'ц'],
    ['yo', 'ё'], ['jo', 'ё'], ['yu', 'ю'], ['ju', 'ю'], ['ya', 'я'], ['ja', 'я'],
    ['ye', 'е'], ['je', 'э'], ["e'", 'э'], ["''", 'ъ'],
    ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'],
    ['z', 'з'], ['i', 'и'], ['j', 'й'], ['k', 'к'], ['l', 'л'], ['m', 'м'],
    ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'],
    ['u', 'у'], ['f', 'ф'], ['h', 'х'], ['c', 'ц'], ['x', 'х'], ['w', 'в'],
    ['q', 'к'], ["'", 'ь'], ['#', 'ъ'],
  ]);
  const TRANSLIT_MAX_KEY = 4;
  const CYRILLIC_VOWELS = 'аеёиоуыэюяй';

  // "y" is "й" after a vowel ("moy" -> "мой", "novyy" -> "новый") and "ы"
  // elsewhere ("ty" -> "ты").
  function translitY(out) {
    const last = out.charAt(out.length - 1).toLowerCase();
    return last && CYRILLIC_VOWELS.includes(last) ? 'й' : 'ы';
  }

  // "ts" is "ц" before a vowel or at a word end ("tsar", "otets") but "тс"
  // before a consonant ("sovetskiy", "uchitsya"). "ye" is "е" only where
  // the "е" starts a syllable ("yesli"); after a consonant it is "ые"
  // ("novye").
  function sequenceApplies(lower, out, next) {
    if (lower === 'ts') return !/[a-z]/i.test(next) || /[aeiou]/i.test(next);
    if (lower === 'ye') {
      const last = out.charAt(out.length - 1).toLowerCase();
      return !/[а-яё]/.test(last) || CYRILLIC_VOWELS.includes(last);
    }
    return true;
  }

  function matchCase(source, cyr) {
    if (source.toLowerCase() === source) return cyr;
    if (cyr.length > 1 && source.length > 1 && source.slice(1).toLowerCase() === source.slice(1)) {
      return cyr.charAt(0).toUpperCase() + cyr.slice(1);
    }
    return cyr.toUpperCase();
  }

  function translitWord(text) {
    let out = '';
    let i = 0;
    while (i < text.length) {
      let matched = false;
      for (let len = Math.min(TRANSLIT_MAX_KEY, text.length - i); len > 0; len--) {
        const chunk = text.slice(i, i + len);
        const lower = chunk.toLowerCase();
        let cyr = TRANSLIT.get(lower);
        if (!sequenceApplies(lower, out, text.charAt(i + 2))) cyr = undefined;
        if (cyr === undefined && lower === 'y') cyr = translitY(out);
        if (cyr === undefined) continue;
        out += matchCase(chunk, cyr);
        i += len;
        matched = true;
        break;
      }
      if (!matched) {
        out += text.charAt(i);
        i += 1;
      }
    }
    return out;
  }

  // BBCode tags, smiley codes, URLs and e-mail addresses stay as typed.
  const TRANSLIT_KEEP = /\[[^\]\n]*\]|:[a-z]+:|\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi;

  function translitToCyrillic(text) {
    let out = '';
    let last = 0;
    for (const m of text.matchAll(TRANSLIT_KEEP)) {
      out += translitWord(text.slice(last, m.index)) + m[0];
      last = m.index + m[0].length;
    }
    return out + translitWord(text.slice(last));
  }

  // Converts the selection, or the whole message when nothing is selected.
  function translitField(field) {
    if (field.selectionStart === field.selectionEnd) field.select();
    const source = selectedText(field);
    const result = translitToCyrillic(source);
    if (result !== source) replaceSelection(field, result, 0, result.length);
  }

  // ------------------------------------------------------ Georgian keyboard

  // Georgian phonetic (QWERTY) layout. Shift gives the seven extra letters;
  // other capitals type the same letter as their lower-case key.
  const GEO_LOWER = {
    a: 'ა', b: 'ბ', c: 'ც', d: 'დ', e: 'ე', f: 'ფ', g: 'გ', h: 'ჰ', i: 'ი',
    j: 'ჯ', k: 'კ', l: 'ლ', m: 'მ', n: 'ნ', o: 'ო', p: 'პ', q: 'ქ', r: 'რ',
    s: 'ს', t: 'ტ', u: 'უ', v: 'ვ', w: 'წ', x: 'ხ', y: 'ყ', z: 'ზ',
  };
  const GEO_SHIFT = { W: 'ჭ', R: 'ღ', T: 'თ', S: 'შ', J: 'ჟ', Z: 'ძ', C: 'ჩ' };
  const GEO_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

  function geoChar(ch) {
    if (GEO_SHIFT[ch]) return GEO_SHIFT[ch];
    return GEO_LOWER[ch.toLowerCase()] || ch;
  }

  function toGeorgian(text) {
    return Array.from(text, geoChar).join('');
  }

  // ------------------------------------------------------------ DOM helpers

  const SVG_NS = 'http://www.w3.org/2000/svg';

  function el(tag, attrs = {}, children = []) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'className') node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  function icon(pathData) {
    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('viewBox', '0 0 18 18');
    svg.setAttribute('width', '16');
    svg.setAttribute('height', '16');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', pathData);
    path.setAttribute('stroke', 'currentColor');
    path.setAttribute('stroke-width', '2');
    path.setAttribute('fill', 'none');
    svg.append(path);
    return svg;
  }

  // A button's accessible name starts with the text it shows (WCAG 2.5.3,
  // "label in name"), so a reader who says "Leech" to voice control reaches
  // it; the title follows as the explanation. An icon, a single letter or a
  // symbol shows no word to repeat: the title alone names it.
  // The page's language: the editor's texts come from the site's catalogs
  // (data-labels on the editor's box, English text -> translation).
  let LABELS = {};
  function tr(text) {
    return Object.prototype.hasOwnProperty.call(LABELS, text) ? LABELS[text] : text;
  }

  function accessibleName(spec) {
    const shown = typeof spec.label === 'string' ? spec.label.trim() : '';
    const words = /\p{L}{2,}/u.test(shown);
    // The title names it when it holds the shown words as words ("into Cyrillic" does
    // not hold "To Cyrillic").
    const escaped = shown.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const inTitle = new RegExp('(^|[^\\p{L}])' + escaped + '($|[^\\p{L}])', 'u')
      .test(spec.title.toLowerCase());
    if (!words || inTitle) return spec.title;
    return shown + ': ' + spec.title;
  }

  function toolButton(spec, onClick) {
    const button = el('button', {
      type: 'button',
      className: 'tb-' + spec.id,
      title: spec.title,
      'aria-label': accessibleName(spec),
      'data-action': spec.id,
    });
    if (spec.icon) button.append(icon(spec.icon));
    else button.append(spec.label);
    button.addEventListener('click', onClick);
    return button;
  }

  function staticBase() {
    const script = document.currentScript;
    if (script && script.src) return new URL('../', script.src).href;
    return '/static/';
  }
  const STATIC_BASE = staticBase();

  // ----------------------------------------------------------------- editor

  class Editor {
    constructor(host, textarea) {
      this.host = host;
      this.textarea = textarea;
      this.form = textarea.form;
      this.geoFields = [textarea];
      const name = this.form && this.form.elements.namedItem('name');
      if (name instanceof HTMLInputElement) this.geoFields.unshift(name);
      this.geoTarget = textarea;
      this.openPopup = null;
      this.localStore = openStorage('localStorage');
      // Georgian typing is chosen per field: turned on in the text, it leaves
      // the name alone until the reader turns it on there too.
      this.geoOnFor = new Set();
      for (const field of this.geoFields) {
        if (storageGet(this.localStore, geoKey(field)) === '1') this.geoOnFor.add(field);
      }
      this.shift = false;
    }

    build() {
      const toolbar = el('div', {
        className: 'editor-toolbar', role: 'toolbar', 'aria-label': tr('Formatting'),
        'aria-controls': this.textarea.id,
      });
      for (const group of this.toolGroups()) {
        const box = el('div', { className: 'editor-group' });
        for (const spec of group) box.append(toolButton(spec, (ev) => this.run(spec, ev)));
        toolbar.append(box);
      }
      this.smileyPopup = this.buildSmileyPopup();
      this.colorPopup = this.buildColorPopup();
      this.keyboard = this.buildKeyboard();
      this.host.append(toolbar, this.smileyPopup, this.colorPopup);
      // The on-screen keyboard goes below the text box, and the popups float
      // over it: opening them never pushes the box away from the reader.
      this.keysHost = el('div', { className: 'editor editor-keys' });
      this.keysHost.append(this.keyboard);
      this.textarea.after(this.keysHost);
      this.geoButton = toolbar.querySelector('[data-action="geo"]');
      this.showGeo();
      this.listen();
    }

    toolGroups() {
      const wrap = (id, title, label, open, close) => ({ id, title, label, run: () =>
        wrapSelection(this.textarea, open, close) });
      return [
        [
          wrap('bold', tr('Bold'), 'B', '[b]', '[/b]'),
          wrap('italic', tr('Italic'), 'I', '[i]', '[/i]'),
          wrap('underline', tr('Underline'), 'U', '[u]', '[/u]'),
          wrap('strike', tr('Strikethrough'), 'S', '[s]', '[/s]'),
        ],
        [
          { ...wrap('left', tr('Align left'), '', '[left]', '[/left]'), icon: 'M2 4h14M2 8h9M2 12h14M2 16h9' },
          { ...wrap('center', tr('Centre'), '', '[center]', '[/center]'), icon: 'M2 4h14M5 8h8M2 12h14M5 16h8' },
          { ...wrap('right', tr('Align right'), '', '[right]', '[/right]'), icon: 'M2 4h14M7 8h9M2 12h14M7 16h9' },
        ],
        [
          { id: 'smilies', title: tr('Insert smiley'), popup: 'smiley',
            label: el('img', { src: STATIC_BASE + 'smilies/smile.svg', alt: '', width: '18', height: '18' }) },
          { id: 'url', title: tr('Insert link'), label: 'URL',
            run: () => insertLink(this.textarea, 'url', tr('Link address:')) },
          { id: 'leech', title: tr('Insert a link that warns readers before they leave the site'),
            label: tr('Safe link'),
            run: () => insertLink(this.textarea, 'leech', tr('Protected link address:')) },
          { id: 'color', title: tr('Text colour'), label: 'A', popup: 'color' },
        ],
        [
          wrap('hide', tr('Text only signed-in readers see'), tr('Members only'), '[hide]', '[/hide]'),
          wrap('quote', tr('Quote'), '“ ”', '[quote]', '[/quote]'),
          { id: 'translit',
            title: tr('Turn Latin transliteration in the selected text into Cyrillic (privet → привет)'),
            label: tr('To Cyrillic'), run: () => translitField(this.textarea) },
          wrap('spoiler', tr('Spoiler'), tr('Spoiler'), '[spoiler]', '[/spoiler]'),
        ],
        [
          { id: 'geo', title: tr('Geo Keyboard: type Georgian letters'), label: tr('Geo Keyboard'),
            run: () => this.setGeo(this.geoTarget, !this.geoOnFor.has(this.geoTarget)) },
        ],
      ];
    }

    run(spec, ev) {
      if (spec.popup) {
        this.togglePopup(spec.popup === 'smiley' ? this.smileyPopup : this.colorPopup,
                         ev.currentTarget);
        return;
      }
      this.closePopup();
      spec.run();
    }

    buildSmileyPopup() {
      const popup = el('div', { className: 'editor-popup smiley-picker', hidden: '',
                                role: 'group', 'aria-label': tr('Smilies') });
      for (const name of SMILIES) {
        const img = el('img', { src: STATIC_BASE + 'smilies/' + name + '.svg', alt: '',
                                width: '20', height: '20' });
        const button = el('button', { type: 'button', title: ':' + name + ':',
                                      'aria-label': tr('Smiley') + ' ' + name, 'data-smiley': name }, [img]);
        button.addEventListener('click', () => {
          this.closePopup();
          insertSmiley(this.textarea, name);
        });
        popup.append(button);
      }
      return popup;
    }

    buildColorPopup() {
      const popup = el('div', { className: 'editor-popup color-picker', hidden: '',
                                role: 'group', 'aria-label': tr('Colours') });
      for (const [value, name] of PALETTE) {
        const button = el('button', { type: 'button', className: 'swatch', title: tr(name),
                                      'aria-label': tr('Colour') + ' ' + tr(name), 'data-color': value,
                                      style: 'background:' + value });
        button.addEventListener('click', () => {
          this.closePopup();
          wrapSelection(this.textarea, '[color=' + value + ']', '[/color]');
        });
        popup.append(button);
      }
      return popup;
    }

    togglePopup(popup, opener) {
      const wasOpen = this.openPopup === popup;
      this.closePopup();
      if (wasOpen) return;
      popup.hidden = false;
      opener.setAttribute('aria-expanded', 'true');
      this.openPopup = popup;
      this.popupOpener = opener;
      // Keyboard users land in the panel; the textarea keeps its selection.
      popup.querySelector('button').focus();
    }

    closePopup() {
      if (!this.openPopup) return;
      this.openPopup.hidden = true;
      this.popupOpener.setAttribute('aria-expanded', 'false');
      this.openPopup = null;
    }

    buildKeyboard() {
      const board = el('div', { className: 'geo-keyboard', hidden: '', role: 'group',
                                'aria-label': tr('Georgian keyboard') });
      this.geoKeys = [];
      for (const row of GEO_ROWS) {
        const line = el('div', { className: 'geo-row' });
        for (const latin of row) {
          const key = el('button', { type: 'button', className: 'geo-key', 'data-key': latin });
          key.addEventListener('click', () => this.typeGeo(geoChar(this.shift ? latin.toUpperCase() : latin)));
          this.geoKeys.push(key);
          line.append(key);
        }
        board.append(line);
      }
      this.shiftKey = el('button', { type: 'button', className: 'geo-shift', title: tr('Shift'),
                                     'aria-label': tr('Shift'), 'aria-pressed': 'false', text: '⇧' });
      this.shiftKey.addEventListener('click', () => this.setShift(!this.shift));
      const space = el('button', { type: 'button', className: 'geo-wide', title: tr('Space'),
                                   'aria-label': tr('Space'), text: ' ' });
      space.addEventListener('click', () => this.typeGeo(' '));
      const back = el('button', { type: 'button', title: tr('Backspace'), 'aria-label': tr('Backspace'),
                                  text: '⌫' });
      back.addEventListener('click', () => this.backspace());
      board.append(el('div', { className: 'geo-row' }, [this.shiftKey, space, back]));
      // Keep focus (and the caret) in the text field while clicking keys.
      board.addEventListener('mousedown', (ev) => ev.preventDefault());
      this.renderKeys();
      return board;
    }

    renderKeys() {
      for (const key of this.geoKeys) {
        const latin = this.shift ? key.dataset.key.toUpperCase() : key.dataset.key;
        const letter = geoChar(latin);
        key.replaceChildren(letter, el('small', { text: latin }));
        key.setAttribute('aria-label', letter);
        key.title = latin + ' → ' + letter;
      }
    }

    setShift(on) {
      this.shift = on;
      this.shiftKey.setAttribute('aria-pressed', String(on));
      this.renderKeys();
    }

    typeGeo(text) {
      replaceSelection(this.geoTarget, text);
      if (this.shift) this.setShift(false);
    }

    backspace() {
      const field = this.geoTarget;
      field.focus();
      if (field.selectionStart === field.selectionEnd) {
        if (field.selectionStart === 0) return;
        // Surrogate pairs are not used by Georgian, so one code unit is one letter.
        field.setSelectionRange(field.selectionStart - 1, field.selectionEnd);
      }
      let deleted = false;
      try { deleted = document.execCommand('delete'); } catch (err) { deleted = false; }
      if (!deleted) {
        field.setRangeText('', field.selectionStart, field.selectionEnd, 'end');
        field.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }

    // Turns Georgian typing on or off for `field` (and remembers it).
    setGeo(field, on) {
      if (on) this.geoOnFor.add(field);
      else this.geoOnFor.delete(field);
      storageSet(this.localStore, geoKey(field), on ? '1' : '0');
      this.showGeo();
    }

    // The toggle says whether the field last typed in has Georgian typing;
    // the on-screen keyboard shows while any field has it.
    showGeo() {
      this.geoButton.setAttribute('aria-pressed', String(this.geoOnFor.has(this.geoTarget)));
      this.keyboard.hidden = this.geoOnFor.size === 0;
    }

    listen() {
      for (const field of this.geoFields) {
        field.addEventListener('focus', () => {
          this.geoTarget = field;
          this.showGeo();
        });
        field.addEventListener('beforeinput', (ev) => this.onBeforeInput(ev));
      }
      const keys = (ev) => {
        if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight') {
          this.moveFocus(ev, ev.key === 'ArrowRight' ? 1 : -1);
        } else if (ev.key === 'Escape' && this.openPopup) {
          const opener = this.popupOpener;
          this.closePopup();
          opener.focus();
        }
      };
      this.host.addEventListener('keydown', keys);
      this.keysHost.addEventListener('keydown', keys);
      document.addEventListener('click', (ev) => {
        if (this.openPopup && !this.host.contains(ev.target)) this.closePopup();
      });
    }

    // Arrow keys move between the buttons of the toolbar or open panel.
    moveFocus(ev, step) {
      const panel = ev.target.closest('.editor-toolbar, .editor-popup, .geo-keyboard');
      if (!panel || !(ev.target instanceof HTMLButtonElement)) return;
      const buttons = Array.from(panel.querySelectorAll('button'));
      const next = buttons[buttons.indexOf(ev.target) + step];
      if (!next) return;
      ev.preventDefault();
      next.focus();
    }

    // Typed Latin letters become Georgian ones while Geo Keyboard is on.
    // Only plain text insertion is rewritten: paste, drop, IME composition
    // and autocorrect keep what the user chose.
    // Inside a BBCode tag ("[b", "[url=…") the letters stay Latin.
    onBeforeInput(ev) {
      if (!this.geoOnFor.has(ev.target) || ev.isComposing || ev.inputType !== 'insertText' ||
          !ev.data) {
        return;
      }
      if (insideTag(ev.target)) return;
      const georgian = toGeorgian(ev.data);
      if (georgian === ev.data) return;
      ev.preventDefault();
      replaceSelection(ev.target, georgian);
    }
  }

  // -------------------------------------------------------------- font size

  function currentFontStep() {
    const match = /(?:^|\s)fs-(-?\d+)(?=\s|$)/.exec(document.body.className);
    return match ? Number(match[1]) : 0;
  }

  function setFontStep(step) {
    const clamped = Math.min(FONT_STEP_MAX, Math.max(FONT_STEP_MIN, step));
    const stale = Array.from(document.body.classList).filter((c) => /^fs--?\d+$/.test(c));
    document.body.classList.remove(...stale);
    document.body.classList.add('fs-' + clamped);
    document.cookie = 'fs=' + clamped + '; path=/; max-age=' + FONT_COOKIE_MAX_AGE +
                      '; samesite=lax';
  }

  function initFontSize() {
    document.addEventListener('click', (ev) => {
      const link = ev.target instanceof Element && ev.target.closest('a[data-font]');
      if (!link || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      const delta = { up: 1, down: -1 }[link.dataset.font];
      if (!delta) return;
      ev.preventDefault();
      setFontStep(currentFontStep() + delta);
    });
  }

  // ------------------------------------------------- submit guard and draft

  function guardSubmit(form) {
    let timer = 0;
    const buttons = () => form.querySelectorAll('button[type="submit"], input[type="submit"], button:not([type])');
    const release = () => {
      delete form.dataset.submitting;
      form.removeAttribute('aria-busy');
      for (const b of buttons()) b.disabled = false;
      clearTimeout(timer);
    };
    form.addEventListener('submit', (ev) => {
      if (ev.defaultPrevented) return;
      if (form.dataset.submitting === '1') {
        ev.preventDefault();
        return;
      }
      form.dataset.submitting = '1';
      form.setAttribute('aria-busy', 'true');
      // Disabling after the submission has been snapshotted does not drop
      // the button from it; the buttons carry no name anyway.
      for (const b of buttons()) b.disabled = true;
      timer = setTimeout(release, SUBMIT_RETRY_MS);
    });
    // Coming back through the back/forward cache restores a disabled form.
    window.addEventListener('pageshow', (ev) => { if (ev.persisted) release(); });
  }

  function keepDraft(form) {
    const store = openStorage('sessionStorage');
    if (!store) return;
    const key = DRAFT_PREFIX + form.action;
    const fields = DRAFT_FIELDS.map((n) => form.elements.namedItem(n))
      .filter((f) => f instanceof HTMLInputElement || f instanceof HTMLTextAreaElement);
    if (document.querySelector('.notice-ok')) {
      storageRemove(store, key);
    } else {
      restoreDraft(store, key, fields);
    }
    form.addEventListener('input', () => {
      const draft = {};
      for (const f of fields) draft[f.name] = f.value;
      storageSet(store, key, JSON.stringify(draft));
    });
  }

  function restoreDraft(store, key, fields) {
    let draft = null;
    try { draft = JSON.parse(storageGet(store, key) || 'null'); } catch (err) { draft = null; }
    if (!draft || typeof draft !== 'object') return;
    for (const f of fields) {
      // The server re-fills the form after a rejected post; its values win.
      if (f.value === '' && typeof draft[f.name] === 'string') f.value = draft[f.name];
    }
  }

  // ------------------------------------------------------------------ proof of work

  // Solves the form's proof-of-work puzzle in a Web Worker; once solved, the
  // typed code (the fallback for readers without JavaScript) is not needed.
  function solveProofOfWork(form) {
    const pow = form.querySelector('input[name="pow"][data-pow-bits]');
    const token = form.querySelector('input[name="t"]');
    if (!pow || !token || !token.value || typeof Worker !== 'function') return;
    let worker;
    try {
      worker = new Worker(STATIC_BASE + 'js/pow-worker.js');
    } catch (e) {
      return;  // the code field stays
    }
    worker.onmessage = (event) => {
      pow.value = event.data.solutions;
      const codeField = form.querySelector('.challenge-field');
      if (codeField) codeField.hidden = true;
      form.dataset.powSolved = '1';
      worker.terminate();
    };
    worker.postMessage({
      token: token.value,
      bits: Number(pow.dataset.powBits),
      count: Number(pow.dataset.powSolutions),
    });
  }

  // A page every reader gets alike (one a shared cache keeps) carries no
  // token: the form's fields come from the site once the reader starts to
  // write. Until they do, or if they cannot, sending still works: the form
  // comes back with them, to be confirmed with the code.
  function fetchFormFields(form) {
    const slot = form.querySelector('div.form-fields[data-fields-url]');
    if (!slot) {
      solveProofOfWork(form);
      return;
    }
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      fetch(slot.dataset.fieldsUrl, { credentials: 'same-origin', cache: 'no-store' })
        .then((r) => (r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))))
        .then((html) => {
          const holder = document.createElement('div');
          holder.innerHTML = html;
          slot.replaceWith(...holder.childNodes);
          form.dataset.fieldsLoaded = '1';
          solveProofOfWork(form);
        })
        .catch(() => { started = false; });
    };
    form.addEventListener('focusin', start);
    form.addEventListener('input', start);
  }

  // ------------------------------------------------------------------ replies

  // A comment's "Reply" link sets the form to answer it, in place, without
  // reloading the page (the link's own address does the same without
  // JavaScript); "Write a new comment instead" undoes it.
  function initReplies(form) {
    const field = form.querySelector('#cf-reply-to');
    const note = form.querySelector('#cf-replying');
    const link = form.querySelector('#cf-replying-link');
    const number = form.querySelector('#cf-replying-number');
    const cancel = form.querySelector('.cancel-reply');
    const body = form.querySelector('textarea[name="body"]');
    if (!field || !note || !link || !number) return;
    document.addEventListener('click', (ev) => {
      const reply = ev.target instanceof Element && ev.target.closest('a.reply-link[data-reply]');
      if (!reply || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      field.value = reply.dataset.reply;
      number.textContent = reply.dataset.number;
      link.setAttribute('href', '#c' + reply.dataset.reply);
      note.hidden = false;
      form.scrollIntoView({ block: 'start' });
      if (body) body.focus();
    });
    if (cancel) {
      cancel.addEventListener('click', (ev) => {
        if (ev.button !== 0) return;
        ev.preventDefault();
        field.value = '';
        note.hidden = true;
        if (body) body.focus();
      });
    }
  }

  // ------------------------------------------------------------------ start

  function init() {
    initFontSize();
    for (const host of document.querySelectorAll('div.editor[data-editor]')) {
      if (host.dataset.labels) {
        try { LABELS = JSON.parse(host.dataset.labels) || {}; } catch (err) { LABELS = {}; }
      }
      const textarea = document.getElementById(host.dataset.editor);
      if (!(textarea instanceof HTMLTextAreaElement) || host.childElementCount > 0) continue;
      new Editor(host, textarea).build();
    }
    for (const form of document.querySelectorAll('form.comment-form')) {
      guardSubmit(form);
      keepDraft(form);
      initReplies(form);
      fetchFormFields(form);
    }
  }

  // Exposed for tests and for anyone scripting the page; not needed by it.
  window.Tribune = Object.freeze({ translitToCyrillic, toGeorgian });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
