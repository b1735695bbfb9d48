"""Russian ham (Telegram chats, VK news comments) and Russian Telegram spam."""
import ast, csv, io, re, sys, os
sys.path.insert(0, os.path.dirname(__file__))
from common import git_show, clean_body, norm_key, write
csv.field_size_limit(10**9)

def flatten_tg(text):
    """monalenka rows sometimes hold a Telegram-export entity list as a Python literal."""
    t = text.strip()
    if t.startswith('[') and ("'type'" in t or t.startswith("['")):
        try:
            parts = ast.literal_eval(t)
            out = []
            for p in parts:
                out.append(p if isinstance(p, str) else (p.get('text', '') if isinstance(p, dict) else ''))
            return ''.join(out)
        except Exception:
            return text
    return text

# monalenka/telegram-spam-classifier-bot data/combined.csv: ham only (the spam half is
# machine-translated English e-mail spam and is rejected).
def ru_tg_chat_ham():
    R = 'monalenka/telegram-spam-classifier-bot'
    rows = []
    for i, r in enumerate(csv.DictReader(io.StringIO(git_show(R, 'data/combined.csv').decode('utf-8')))):
        if r['label'] != 'ham':
            continue
        rows.append({'id': str(i + 2), 'label': 'ham', 'body': clean_body(flatten_tg(r['text'])), 'lang': 'ru'})
    return write('ru_tg_chat_ham', rows)

# alla-g/toxicity-detection-thesis: Russian Distorted Toxicity, VK comments under news outlets (MIT)
def ru_vk_news_comments():
    R = 'alla-g/toxicity-detection-thesis'
    txt = git_show(R, 'toxicity_corpus/russian_distorted_toxicity.tsv').decode('utf-8')
    rows = []
    for r in csv.DictReader(io.StringIO(txt), delimiter='\t', quoting=csv.QUOTE_NONE):
        rows.append({'id': r['source'] + ':' + r['comment_id'], 'label': 'ham',
                     'body': clean_body(r['comments']), 'thread': 'vk:' + r['source'], 'lang': 'ru',
                     'toxic': 'yes' if r['toxicity'] == '1' else ''})
    return write('ru_vk_news_comments', rows, extra_fields=('toxic',))

# talyguryn/antispambot antispam/data/spam.txt: Russian Telegram group spam (no licence)
def ru_tg_spam_talyguryn():
    R = 'talyguryn/antispambot'
    txt = git_show(R, 'antispam/data/spam.txt').decode('utf-8')
    rows = []
    for i, block in enumerate(re.split(r'\n\s*\n', txt.replace('\r\n', '\n'))):
        b = clean_body(block)
        if b:
            rows.append({'id': str(i), 'label': 'spam', 'body': b, 'lang': 'ru'})
    write('ru_tg_spam_nolicence', rows)
    return rows

# FSOCllDRUG/antispam_bot data/spam_messages.csv: spam a Telegram chat's bot was built on,
# one message a row (MIT). A message also in the evaluation-only set above is left out, so
# that set stays unseen.
def ru_tg_spam_antispam_bot(evaluation_rows):
    R = 'FSOCllDRUG/antispam_bot'
    unseen = set(norm_key(r['body']) for r in evaluation_rows)
    rows = []
    for i, r in enumerate(csv.DictReader(io.StringIO(git_show(R, 'data/spam_messages.csv').decode('utf-8')))):
        b = clean_body(r['message'])
        if b and norm_key(b) not in unseen:
            rows.append({'id': str(i + 2), 'label': 'spam', 'body': b, 'lang': 'ru'})
    return write('ru_tg_spam_antispam_bot', rows)

if __name__ == '__main__':
    ru_tg_chat_ham(); ru_vk_news_comments()
    ru_tg_spam_antispam_bot(ru_tg_spam_talyguryn())
