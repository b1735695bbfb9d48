"""janitrai/janitr data/sample.jsonl: X (Twitter) posts and replies, multi-label, crypto-scam focus (MIT).
Only rows with a source URL (real, provenance-backed posts) are kept."""
import json, os, re, sys
sys.path.insert(0, os.path.dirname(__file__))
from common import git_show, clean_body, write

SPAM = {'scam', 'phishing', 'malware', 'fake_support', 'recovery_scam', 'job_scam', 'romance_scam',
        'impersonation', 'account_compromise', 'spam', 'reply_spam', 'dm_spam', 'promo', 'affiliate',
        'lead_gen', 'engagement_bait', 'follow_train', 'giveaway', 'bot'}

def lang_of(t):
    letters = [c for c in t if c.isalpha()]
    if not letters: return ''
    latin = sum(c.isascii() for c in letters) / len(letters)
    return 'en' if latin > 0.9 else ''

rows = []
for line in git_show('janitrai/janitr', 'data/sample.jsonl').decode('utf-8').splitlines():
    if not line.strip(): continue
    r = json.loads(line)
    if not r.get('source_url'): continue
    labels = set(r.get('labels') or [])
    if labels & SPAM:
        label = 'spam'
    elif 'ai_generated_reply' in labels:
        continue                       # ambiguous for a comment filter
    else:
        label = 'ham'
    m = re.match(r'https://x\.com/([^/]+)/status/(\d+)', r['source_url'])
    body = clean_body(r['text'])
    rows.append({'id': r['id'], 'label': label, 'body': body, 'author': m.group(1) if m else '',
                 'created_at': '', 'thread': '', 'lang': 'en' if 'topic_language_other' not in labels and lang_of(body) else '',
                 'raw_labels': ','.join(sorted(labels)), 'url': r['source_url']})
write('x_crypto_scam_janitr', rows, extra_fields=('raw_labels', 'url'))
