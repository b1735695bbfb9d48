"""Shared helpers for converting third-party comment datasets to the Tribune JSONL format.

Every converter builds a list of dicts with at least id/label/body and calls write().
write() normalises fields, deduplicates (same normalised text and label), drops texts that
carry both labels, caps the file deterministically and writes $EXTRA_DATASETS/<name>.jsonl
(default ../extra-data beside the repository).
"""
import hashlib
import html
import json
import os
import re
import subprocess
import unicodedata

_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT_DIR = os.environ.get('EXTRA_DATASETS', os.path.join(_ROOT, '..', 'extra-data'))
# Where the repositories' snapshots are (one directory per owner+name).
MIRROR = os.environ.get('MIRROR', '/work/.mirror')

FIELDS = ['id', 'label', 'body', 'author', 'created_at', 'thread', 'lang', 'source']


def gitdir(owner_repo):
    """Path of the fetched bare/working git dir for owner/name."""
    base = os.path.join(MIRROR, owner_repo.replace('/', '+'), 'repo')
    if os.path.isdir(os.path.join(base, '.git')):
        return os.path.join(base, '.git')
    return base


def git_show(owner_repo, path, rev='HEAD'):
    return subprocess.run(['git', '-C', gitdir(owner_repo), 'show', f'{rev}:{path}'],
                          check=True, capture_output=True).stdout


def git_head(owner_repo):
    return subprocess.run(['git', '-C', gitdir(owner_repo), 'rev-parse', 'HEAD'],
                          check=True, capture_output=True, text=True).stdout.strip()


_ws = re.compile(r'\s+')
_zw = re.compile('[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]')


def norm_key(text):
    """Normalised text used for deduplication."""
    t = unicodedata.normalize('NFKC', text)
    t = _zw.sub('', t).lower()
    return _ws.sub(' ', t).strip()


def clean_body(text):
    """Decode HTML entities, normalise newlines, strip outer whitespace; keep inner newlines."""
    if text is None:
        return ''
    t = html.unescape(html.unescape(text)) if '&amp;' in text else html.unescape(text)
    t = t.replace('\r\n', '\n').replace('\r', '\n')
    return t.strip()


def stable_hash(s):
    return hashlib.sha1(s.encode('utf-8')).hexdigest()


_SHARED = None


def shared_keys():
    """Normalised texts of the datasets the project already has (never duplicate them)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = set()
        d = os.environ.get('DATASETS', os.path.join(_ROOT, '..', 'shared', 'datasets'))
        for f in sorted(os.listdir(d)) if os.path.isdir(d) else []:
            if f.endswith('.jsonl'):
                with open(os.path.join(d, f), encoding='utf-8') as fh:
                    for line in fh:
                        _SHARED.add(norm_key(json.loads(line).get('body', '')))
        _SHARED.discard('')
    return _SHARED


def write(name, rows, cap=20000, min_chars=1, extra_fields=()):
    """Dedup, drop conflicting labels, drop texts already in the project's datasets,
    cap deterministically, write JSONL. Returns stats dict."""
    by_key = {}
    order = []
    in_shared = 0
    for r in rows:
        body = r.get('body') or ''
        if len(body.strip()) < min_chars:
            continue
        k = norm_key(body)
        if not k:
            continue
        if k in shared_keys():
            in_shared += 1
            continue
        if k not in by_key:
            by_key[k] = {'labels': set(), 'rows': []}
            order.append(k)
        by_key[k]['labels'].add(r['label'])
        by_key[k]['rows'].append(r)
    kept, conflicts, dups = [], 0, 0
    for k in order:
        e = by_key[k]
        if len(e['labels']) > 1:
            conflicts += 1
            continue
        dups += len(e['rows']) - 1
        kept.append(e['rows'][0])
    n_before_cap = len(kept)
    if len(kept) > cap:
        spam = [r for r in kept if r['label'] == 'spam']
        ham = [r for r in kept if r['label'] == 'ham']
        minority, majority = (spam, ham) if len(spam) <= len(ham) else (ham, spam)
        if len(minority) >= cap // 2:
            keep_min = sorted(minority, key=lambda r: stable_hash(r['id']))[:cap // 2]
        else:
            keep_min = minority
        keep_maj = sorted(majority, key=lambda r: stable_hash(r['id']))[:cap - len(keep_min)]
        keep_ids = set(id(r) for r in keep_min + keep_maj)
        kept = [r for r in kept if id(r) in keep_ids]
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, f'{name}.jsonl')
    with open(path, 'w', encoding='utf-8') as f:
        for r in kept:
            o = {k: str(r.get(k) or '') for k in FIELDS}
            o['source'] = name
            if not o['id'].startswith(name + ':'):
                o['id'] = f'{name}:{o["id"]}'
            for k in ('article_title',) + tuple(extra_fields):
                if r.get(k):
                    o[k] = r[k]
            f.write(json.dumps(o, ensure_ascii=False) + '\n')
    stats = {'name': name, 'rows': len(kept),
             'spam': sum(r['label'] == 'spam' for r in kept),
             'ham': sum(r['label'] == 'ham' for r in kept),
             'dropped_duplicates': dups, 'dropped_conflicts': conflicts,
             'dropped_in_shared': in_shared,
             'before_cap': n_before_cap}
    print(json.dumps(stats, ensure_ascii=False))
    return stats
