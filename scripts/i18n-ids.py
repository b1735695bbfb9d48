#!/usr/bin/env python3
"""Lists the interface's text ids (the English texts the code translates) for
a new catalog: scripts/i18n-ids.py > data/i18n/xx.toml.new, then translate.

An id is a C++ string literal (adjacent literals joined) in one of the places
CALLS lists (the argument of T(...), an error page's message, ...), or one
marked with a // i18n comment at the end of its line. With --check FILE, lists the ids FILE
lacks (and exits 1 when there are any).
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The public site, the newsroom, feeds and mail.
SOURCES = [p for d in ("src/render", "src/web", "src/readers", "src/comments", "src/site")
           for p in sorted((ROOT / d).glob("*.cc"))
           if not p.name.startswith(("api", "openapi"))] + [ROOT / "src/moderation/editorial.cc"]
LITERAL = r'"(?:[^"\\]|\\.)*"'
# T("…"), F("…"), t("…"), Tx(site, "…"); ErrorPage(ctx, 404, "…"); a FieldError
# {"field", "…"}; Invalid("field", "…"); an AccountPageView's title; Field(…)'s label.
CALLS = [re.compile(p.replace("LIT", r'((?:' + LITERAL + r'\s*)+)')) for p in (
    r'\b[TFt]\(\s*LIT',
    r'(?:\.|->)F\(\s*LIT',
    r'\bTx\(\s*site\s*,\s*LIT',
    r'\bErrorPage\(\s*(?:ctx\s*,\s*(?:req\s*,\s*)?|site\s*,\s*|page\s*,\s*)\d+\s*,\s*LIT',
    r'\bRenderSignInPage\(\s*site\s*,\s*kept\s*,\s*LIT',
    r'\bRouteTable t\(error,\s*LIT',
    r'\bText\(\s*html\s*,\s*[a-z.]+\s*,\s*LIT',
    r'\{"(?:name|email|body|code|password|)",\s*LIT\}',
    r'\bInvalid\(\s*"[a-z]*"\s*,\s*LIT',
    r'AccountPageView v\{\s*LIT',
    r'\bv\.(?:title|notice) = LIT;',
    r'\bField\(out, site, "[^"]*", "[^"]*",\s*LIT',
    r'\bAppend(?:FilterField|Input|List)\(\s*out\s*,\s*site\s*,\s*"[^"]*"\s*,\s*LIT',
    r'\b(?:v|view)\.(?:notice|error) = LIT;',
    r'\berrors\.push_back\(\{"[a-z_]+",\s*LIT',
)]
MARKED = re.compile(r'((?:' + LITERAL + r'\s*)+)[^"\n]*// i18n$', re.M)
# Every literal on a line that ends with // i18n-all (a list of texts).
MARKED_ALL = re.compile(r'^.*// i18n-all$', re.M)


def unquote(block):
    parts = re.findall(LITERAL, block)
    text = "".join(p[1:-1] for p in parts)
    simple = {"n": "\n", "t": "\t", '"': '"', "'": "'", "\\": "\\"}

    def one(m):
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return simple.get(e, "\\" + e)
    return re.sub(r'\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)', one, text)


def ids():
    seen = []
    for path in SOURCES:
        source = path.read_text(encoding="utf-8")
        found = [unquote(m.group(1)) for pattern in CALLS + [MARKED]
                 for m in pattern.finditer(source)]
        for m in MARKED_ALL.finditer(source):
            found += [unquote(lit) for lit in re.findall(LITERAL, m.group(0).split("//")[0])]
        for text in found:
            if text and text not in seen:
                seen.append(text)
    return seen


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    found = ids()
    if len(sys.argv) == 3 and sys.argv[1] == "--check":
        import tomllib
        with open(sys.argv[2], "rb") as f:
            have = tomllib.load(f)
        missing = [i for i in found if i not in have]
        for i in missing:
            print(toml_string(i))
        sys.exit(1 if missing else 0)
    for i in found:
        print(f"{toml_string(i)} = {toml_string(i)}")


if __name__ == "__main__":
    main()
