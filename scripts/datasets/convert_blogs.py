"""Reader comments of static blogs that store moderated comments in the repository (Staticman)."""
import os, re, subprocess, sys
import yaml
sys.path.insert(0, os.path.dirname(__file__))
from common import gitdir, git_show, clean_body, write

def staticman(repo, prefix):
    g = gitdir(repo)
    files = subprocess.run(['git', '-C', g, 'ls-tree', '-r', '--name-only', 'HEAD', prefix],
                           capture_output=True, text=True, check=True).stdout.split('\n')
    rows = []
    for p in files:
        if not p.endswith(('.yml', '.yaml')):
            continue
        try:
            d = next((x for x in yaml.safe_load_all(git_show(repo, p).decode('utf-8')) if isinstance(x, dict)), None)
        except Exception as e:
            print('skip', p, e); continue
        if not isinstance(d, dict):
            continue
        msg = d.get('message') or d.get('comment') or d.get('body') or ''
        rel = p[len(prefix):].lstrip('/')
        slug = rel.split('/')[0] if '/' in rel else ''
        date = d.get('date', '')
        if isinstance(date, (int, float)):
            import datetime; date = datetime.datetime.utcfromtimestamp(date).isoformat()
        rows.append({'id': str(d.get('_id') or d.get('id') or rel), 'label': 'ham', 'body': clean_body(str(msg)),
                     'author': str(d.get('name', '') or ''), 'created_at': str(date or ''),
                     'thread': slug or str(d.get('_parent') or d.get('post_id') or ''),
                     'article_title': slug.replace('-', ' ') if slug else '', 'lang': 'en',
                     'website': str(d.get('url') or d.get('link') or d.get('website') or '')})
    return rows

if __name__ == '__main__':
    rows = staticman('mmistakes/made-mistakes-jekyll', 'src/_data/comments')
    write('blog_mademistakes_comments', rows, extra_fields=('website',))
    rows = staticman('binfalse/binfalse.de', '_data/comments')
    write('blog_binfalse_comments', rows, extra_fields=('website',))
