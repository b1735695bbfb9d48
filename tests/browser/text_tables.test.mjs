// The transliteration and Georgian layout tables of comment-form.js, checked
// in plain Node (no browser): the script is run in a sandbox that only
// provides what it touches at load time.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import vm from 'node:vm';

import { STATIC_DIR } from './lib/target.mjs';

function loadScript() {
  const document = { readyState: 'loading', addEventListener() {}, currentScript: null };
  const sandbox = { window: {}, document, URL };
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(path.join(STATIC_DIR, 'js', 'comment-form.js'), 'utf8'), sandbox);
  return sandbox.window.Tribune;
}

const { translitToCyrillic, toGeorgian } = loadScript();

describe('Latin to Cyrillic transliteration', () => {
  const cases = [
    ['privet', 'привет'],
    ['Privet, kak dela?', 'Привет, как дела?'],
    ['shchuka', 'щука'],
    ['borsch', 'борщ'],
    ['zhizn\'', 'жизнь'],
    ['chelovek', 'человек'],
    ['khorosho', 'хорошо'],
    ['yolka', 'ёлка'],
    ['yubka', 'юбка'],
    ['yabloko', 'яблоко'],
    ['moy novyy dom', 'мой новый дом'],
    ['ty', 'ты'],
    ['yesli', 'если'],
    ['novye', 'новые'],
    ['tsar\'', 'царь'],
    ['otets', 'отец'],
    ['sovetskiy', 'советский'],
    ['uchitsya', 'учится'],
    ['ob\'\'yavlenie', 'объявление'],
    ['e\'to', 'это'],
    ['SHCHI', 'ЩИ'],
    ['Shchi', 'Щи'],
  ];
  for (const [latin, cyrillic] of cases) {
    it(`${latin} -> ${cyrillic}`, () => assert.equal(translitToCyrillic(latin), cyrillic));
  }

  it('keeps BBCode tags, smiley codes, URLs and e-mail addresses', () => {
    assert.equal(
      translitToCyrillic('[b]privet[/b] :smile: [url=https://example.com/ya]sayt[/url] ' +
                         'https://example.org/shch a@b.ru'),
      '[b]привет[/b] :smile: [url=https://example.com/ya]сайт[/url] https://example.org/shch a@b.ru');
  });

  it('leaves non-Latin text and digits as they are', () => {
    assert.equal(translitToCyrillic('გამარჯობა 2024 привет!'), 'გამარჯობა 2024 привет!');
  });
});

describe('Georgian phonetic layout', () => {
  it('types gamarjoba', () => assert.equal(toGeorgian('gamarjoba'), 'გამარჯობა'));

  it('maps the shifted keys to the seven extra letters', () => {
    assert.equal(toGeorgian('WRTSJZC'), 'ჭღთშჟძჩ');
  });

  it('maps other capitals like their lower-case key', () => {
    assert.equal(toGeorgian('ABDEFGHIKLMNOPQUVXY'), toGeorgian('abdefghiklmnopquvxy'));
  });

  it('covers all 33 letters of the modern alphabet, each once', () => {
    const typed = toGeorgian('abcdefghijklmnopqrstuvwxyz') + toGeorgian('WRTSJZC');
    const alphabet = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ';
    assert.equal(alphabet.length, 33);
    assert.deepEqual([...typed].sort(), [...alphabet].sort());
  });

  it('leaves digits, punctuation and non-Latin letters alone', () => {
    assert.equal(toGeorgian('12, ok! Я'), '12, ოკ! Я');
  });
});
