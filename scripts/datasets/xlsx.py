"""Minimal .xlsx reader (stdlib only): yields rows of the first sheet as lists of strings."""
import zipfile, re
import xml.etree.ElementTree as ET
NS = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}

def _col(ref):
    n = 0
    for ch in re.match(r'[A-Z]+', ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n - 1

def read_xlsx(path_or_file, sheet=1):
    z = zipfile.ZipFile(path_or_file)
    shared = []
    if 'xl/sharedStrings.xml' in z.namelist():
        root = ET.fromstring(z.read('xl/sharedStrings.xml'))
        for si in root.findall('m:si', NS):
            shared.append(''.join(t.text or '' for t in si.iter('{%s}t' % NS['m'])))
    root = ET.fromstring(z.read('xl/worksheets/sheet%d.xml' % sheet))
    for row in root.iter('{%s}row' % NS['m']):
        out = []
        for c in row.findall('m:c', NS):
            i = _col(c.get('r'))
            while len(out) < i:
                out.append('')
            t = c.get('t')
            v = c.find('m:v', NS)
            if t == 's' and v is not None:
                out.append(shared[int(v.text)])
            elif t == 'inlineStr':
                out.append(''.join(x.text or '' for x in c.iter('{%s}t' % NS['m'])))
            else:
                out.append(v.text if v is not None and v.text is not None else '')
        yield out
