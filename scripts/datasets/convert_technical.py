"""Technical ham: GitHub issue comments, Gerrit code-review comments, Stack Exchange comments."""
import csv, io, sys, re
import xml.etree.ElementTree as ET
sys.path.insert(0, __import__('os').path.dirname(__file__))
from common import git_show, clean_body, write
from xlsx import read_xlsx

csv.field_size_limit(10**9)
STATS = []

# 1. vcu-swim-lab/incivility-dataset: GitHub issue comments from heated threads (MIT)
def gh_incivility():
    R = 'vcu-swim-lab/incivility-dataset'
    threads = {}
    for r in csv.DictReader(io.StringIO(git_show(R, 'dataset/issue_threads.csv').decode('utf-8'))):
        threads[r['issue_id']] = r
    rows = []
    for r in csv.DictReader(io.StringIO(git_show(R, 'dataset/annotated_comment_level.csv').decode('utf-8'))):
        t = threads.get(r['issue_id'], {})
        rows.append({'id': r['comment_id'], 'label': 'ham', 'body': clean_body(r['comment_body']),
                     'thread': (t.get('project_full_name', '') + '#' + r['issue_id']) if t else r['issue_id'],
                     'created_at': '', 'author': '', 'lang': 'en',
                     'article_title': t.get('issue_title', ''),
                     'incivility': r['tbdf'] if r['tbdf'] != 'None' else ''})
    STATS.append(write('gh_issue_incivility', rows, extra_fields=('incivility',)))

# 2. CMUSTRUDEL/toxicity-detector WSU_SEAL code-review-dataset-full.xlsx: Gerrit code review comments (MIT)
def gerrit_code_review():
    R = 'CMUSTRUDEL/toxicity-detector'
    data = io.BytesIO(git_show(R, 'WSU_SEAL/models/code-review-dataset-full.xlsx'))
    rows = []
    for i, r in enumerate(read_xlsx(data)):
        if i == 0:
            assert r[:2] == ['text', 'is_toxic'], r
            continue
        rows.append({'id': str(i), 'label': 'ham', 'body': clean_body(r[0]), 'lang': 'en',
                     'toxic': 'yes' if r[1] == '1' else ''})
    STATS.append(write('gerrit_code_review', rows, extra_fields=('toxic',)))

# 3. Jean-Low/StackERedes: Quantum Computing Stack Exchange data dump, Comments.xml (CC BY-SA)
def se_quantum():
    R = 'Jean-Low/StackERedes'
    posts = {}
    for ev, el in ET.iterparse(io.BytesIO(git_show(R, 'data/Posts.xml'))):
        if el.tag == 'row':
            posts[el.get('Id')] = el.attrib.copy()
            el.clear()
    def title(pid):
        p = posts.get(pid)
        if not p: return '', pid
        if p.get('PostTypeId') == '2' and p.get('ParentId') in posts:
            return posts[p['ParentId']].get('Title', ''), p['ParentId']
        return p.get('Title', ''), pid
    rows = []
    for ev, el in ET.iterparse(io.BytesIO(git_show(R, 'data/Comments.xml'))):
        if el.tag != 'row': continue
        a = el.attrib
        t, q = title(a.get('PostId', ''))
        rows.append({'id': a['Id'], 'label': 'ham', 'body': clean_body(a.get('Text', '')),
                     'author': a.get('UserDisplayName', '') or ('user' + a['UserId'] if a.get('UserId') else ''),
                     'created_at': a.get('CreationDate', ''), 'thread': 'quantumcomputing.se/q/' + q,
                     'lang': 'en', 'article_title': t})
        el.clear()
    STATS.append(write('se_quantum_comments', rows))

# 4. Stanford Politeness Corpus, Stack Exchange part (copy in CMUSTRUDEL/toxicity-detector)
def se_politeness():
    R = 'CMUSTRUDEL/toxicity-detector'
    txt = git_show(R, 'src/politeness3/corpora/stack-exchange.annotated.csv').decode('utf-8')
    rows = []
    for r in csv.DictReader(io.StringIO(txt)):
        site = r['Community'].split(' ', 1)[1] if ' ' in r['Community'] else r['Community']
        rows.append({'id': site.replace(' ', '_') + ':' + r['Id'], 'label': 'ham', 'body': clean_body(r['Request']),
                     'thread': site, 'created_at': '', 'lang': 'en'})
    STATS.append(write('se_politeness_requests', rows))

# 5. collab-uniba/Senti4SD gold standard: Stack Overflow questions/answers/comments, code removed (MIT)
def senti4sd():
    R = 'collab-uniba/Senti4SD'
    rows = []
    for p in ['Senti4SD_GoldStandard_and_DSM/Senti4SD_Train_Test_Partitions/train3098itemPOLARITY.csv',
              'Senti4SD_GoldStandard_and_DSM/Senti4SD_Train_Test_Partitions/test1326itemPOLARITY.csv']:
        for r in csv.reader(io.StringIO(git_show(R, p).decode('utf-8')), delimiter=';'):
            if len(r) < 3: continue
            rows.append({'id': r[0], 'label': 'ham', 'body': clean_body(';'.join(r[2:])), 'lang': 'en'})
    STATS.append(write('so_senti4sd', rows))

if __name__ == '__main__':
    gh_incivility(); gerrit_code_review(); se_quantum(); se_politeness(); senti4sd()
