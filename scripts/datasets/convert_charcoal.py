"""Stack Exchange posts deleted as spam (Charcoal-SE/tools revision-downloader results)."""
import io, re, sys, os, zipfile
sys.path.insert(0, os.path.dirname(__file__))
from common import git_show, clean_body, write

R = 'Charcoal-SE/tools'
SITES = {'20170319-mse-spam': 'meta.stackexchange.com', '20170713-apple-spam': 'apple.stackexchange.com',
         '20180615-puzzling-spam': 'puzzling.stackexchange.com'}
# 20170319-so-spam.zip is >= 4 MiB and absent from the snapshot.

def decode(b):
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('mac_roman')   # the AppleScript saved some files in Mac Roman

rows = []
for zname, site in SITES.items():
    z = zipfile.ZipFile(io.BytesIO(git_show(R, f'revision-downloader/results/{zname}.zip')))
    revs = {}
    for n in z.namelist():
        if '__MACOSX' in n: continue
        m = re.search(r'(\d+)-(\d+)\.md$', n)
        if m:
            revs.setdefault(m.group(1), []).append((int(m.group(2)), n))
    for pid, lst in revs.items():
        lst.sort()
        body = clean_body(decode(z.read(lst[0][1])))       # first revision = text as the spammer posted it
        if not body: continue
        if body.count('?') > 0.3 * len(body):              # non-Latin text lost in Mac Roman conversion
            continue
        rows.append({'id': f'{site}:{pid}', 'label': 'spam', 'body': body, 'thread': site, 'lang': 'en'})
write('se_spam_posts_nolicence', rows)
