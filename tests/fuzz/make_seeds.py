#!/usr/bin/env python3
"""Writes the seed corpora in corpus/<target>/ from the project's data-file
cases (tests/data/bbcode, tests/data/spam, tests/data/form_guard, the
documented configuration) and from requests as browsers, API clients and
hostile probes send them. Seeds are named seed-*; files libFuzzer adds
(named by their SHA-1) and crash-* reproducers are left alone.

Run it after adding data cases: python3 tests/fuzz/make_seeds.py
"""
import json
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"


def write(target, name, data):
    d = CORPUS / target
    d.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    (d / f"seed-{name}").write_bytes(data)


def clear(target):
    for p in (CORPUS / target).glob("seed-*"):
        p.unlink()


def spam_bodies():
    for path in sorted((ROOT / "tests/data/spam").glob("*.jsonl")):
        for i, line in enumerate(path.read_text().splitlines()):
            if not line.strip():
                continue
            case = json.loads(line)
            yield f"{path.stem}-{i}", case["comment"].get("body", "")
            if case["comment"].get("author"):
                yield f"{path.stem}-{i}-author", case["comment"]["author"]


def bbcode():
    clear("bbcode_fuzz")
    for p in sorted((ROOT / "tests/data/bbcode").glob("*.bbcode")):
        write("bbcode_fuzz", p.stem, p.read_bytes())


def spam():
    for t in ("spam_normalize_fuzz", "spam_urls_fuzz"):
        clear(t)
        for name, body in spam_bodies():
            write(t, name, body)


def http(method, target, headers=(), body=""):
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1:8080"] + list(headers)
    if body:
        lines.append(f"Content-Length: {len(body.encode())}")
    return "\r\n".join(lines) + "\r\n\r\n" + body


FORM = "application/x-www-form-urlencoded"
COMMENT_FORM = ("name=Margaret&email=m%40example.org&body=I+don%27t+think+so.%0D%0A%5Bb%5Dreally%5B%2Fb%5D"
                "&t=t2.1.1700000000.0011223344556677.ab12cd34.12.h.-.0123456789abcdef0123456789abcdef"
                "&pow=12%2C99%2C4087%2C5000&code=&f_0123456789=")
REQUESTS = {
    "front": http("GET", "/", ["User-Agent: Mozilla/5.0", "Accept-Encoding: gzip, br",
                               "Cookie: fs=1; tc=0123456789abcdef-1800000000-00112233445566778899aabbccddeeff"]),
    "article-page": http("GET", "/news/1-a-slug.html?posted=3#c3",
                         ["If-None-Match: \"abc\"", "Accept-Encoding: gzip;q=0"]),
    "comment-page": http("GET", "/news/12-x/comments/page/2"),
    "head": http("HEAD", "/rss.xml"),
    "post-comment": http("POST", "/news/1-a-slug/comments", [f"Content-Type: {FORM}"], COMMENT_FORM),
    "api-post": http("POST", "/api/v1/articles/1/comments", ["Content-Type: application/json"],
                     '{"author":"A","email":"a@b.co","body":"hi","token":"t","pow":"1,2"}'),
    "api-patch": http("PATCH", "/api/v1/comments/5", ["Content-Type: application/json"],
                      '{"body":"edited","edit_key":"00ff"}'),
    "challenge": http("GET", "/api/v1/challenge?article=1",
                      ["X-Commenter-Pass: 0123456789abcdef-1800000000-00112233445566778899aabbccddeeff"]),
    "sign-in": http("POST", "/newsroom/sign-in", [f"Content-Type: {FORM}",
                                                  "Cookie: td=d1.1.1800000000.00112233445566778899aabb.00112233445566778899aabbccddeeff"],
                    "name=editor&password=correct+horse+battery"),
    "decision": http("POST", "/newsroom/comments/7", [f"Content-Type: {FORM}",
                                                     "Cookie: tn=1.1700043200.00112233445566778899aabbccddeeff"],
                     "action=approve&form_token=00112233445566778899aabbccddeeff&seen=1700000000"),
    "font": http("GET", "/prefs/font?step=up&back=%2Fnews%2F1-a.html"),
    "go": http("GET", "/go?u=https%3A%2F%2Fexample.org%2F&s=00112233445566778899aabbccddeeff"),
    "chunked": ("POST /news/1-a/comments HTTP/1.1\r\nHost: x\r\nContent-Type: " + FORM +
                "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nname=\r\n3;ext=1\r\nBob\r\n0\r\nTrailer: x\r\n\r\n"),
    "pipelined": http("GET", "/healthz") + http("GET", "/static/site.css") + http("GET", "/healthz"),
    "http10-keepalive": "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "smuggle-te-cl": ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n"
                      "Content-Length: 4\r\n\r\n0\r\n\r\n"),
    "smuggle-double-chunked": "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
    "split-response": http("GET", "/prefs/font?step=up&back=%2F%0d%0aSet-Cookie:%20x=1"),
    "obs-fold": "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n",
    "bare-lf": "GET / HTTP/1.1\nHost: x\n\n",
    "absolute-form": "GET http://example.org/news/1-a.html?x=1 HTTP/1.1\r\nHost: example.org\r\n\r\n",
    "options-star": "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
}


def requests():
    clear("http_request_fuzz")
    for name, raw in REQUESTS.items():
        write("http_request_fuzz", name, raw)


def forms():
    clear("form_fuzz")
    bodies = {
        "comment": COMMENT_FORM,
        "edit": "body=edited+text%E2%80%A6&key=00ff",
        "decision": "action=spam&form_token=ab&campaign=1&days=7",
        "sign-in": "name=editor&password=p%C3%A4ss+word",
        "utf8-names": "name=%D0%9C%D0%B0%D1%80%D0%B8%D1%8F&email=&body=%F0%9F%98%80+%E2%80%8Bhi",
        "invalid-utf8": "name=%FF%FE&body=%C0%AF",
        "malformed-escapes": "a=%&b=%4&c=%zz&=&&d",
        "spaces-and-plus": "name=++Jo+++&body=%20%09%0A+text+%0A",
        "long-email": "email=" + "a" * 70 + "%40" + "b" * 190 + ".com&name=x&body=y",
    }
    for name, body in bodies.items():
        write("form_fuzz", name, body)


def config():
    clear("config_fuzz")
    doc = (ROOT / "docs/configuration.md").read_text()
    example = re.search(r"```toml\n(.*?)```", doc, re.S).group(1)
    write("config_fuzz", "documented", example)
    seeds = {
        "posting-tests": ("[comments]\nmin_seconds = 0\n[limits]\nper_prefix_per_minute = 100000.0\n"
                          "per_email_per_minute = 100000.0\n[spam]\nenabled = false\n"),
        "empty": "",
        "threads-huge": "[server]\nthreads = 100000\n",
        "int64-max": "[comments]\nmax_length = 9223372036854775807\n",
        "short-secret": "[site]\nsecret = \"x\"\n",
        "dotted-keys": "site.name = \"A\"\nserver.listen = \"[::1]:0\"\ndemo.seed = false\n",
        "inline-tables": "site = { name = \"B\", language = \"de\" }\nlimits = { per_email_per_minute = 1e3 }\n",
        "unknown-key": "[spam]\nthreshold = 3\n",
        "wrong-type": "[comments]\nchallenge = \"yes\"\n",
        "nan-inf": "[spam]\nhold_at = nan\nspam_at = inf\n",
        "strings": "[site]\npolicy_note = '''\nmulti\nline'''\nname = \"\\u00e9\\t\"\n",
        "array-of-tables": "[[site]]\nname = \"x\"\n",
    }
    for name, text in seeds.items():
        write("config_fuzz", name, text)


MAX_NOW = 1 << 40
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1


def take_int(value, lo, hi):
    """Bytes that FuzzInput::TakeInt(lo, hi) reads as `value`."""
    span, offset, out = hi - lo, value - lo, b""
    shift = 0
    while shift < 64 and (span >> shift) != 0:
        out += bytes([(offset >> shift) & 0xFF])
        shift += 8
    return out


def take_string(text):
    """Bytes that FuzzInput::TakeString reads as `text`."""
    return text.encode().replace(b"\\", b"\\\\") + b"\\"


def cookie_input(mode, now, fields):
    """An input for cookies_fuzz: the clock, the mode, then the mode's fields
    as (value, lo, hi) for integers or str, in the order the target takes them."""
    out = take_int(now, 0, MAX_NOW) + take_int(mode, 0, 3)
    for f in fields:
        out += take_int(*f) if isinstance(f, tuple) else take_string(f)
    return out


def issued(now, email, expires, others, staff_id, epoch, password_hash):
    header = [(len(others), 0, 4), (0, 0, len(others))] + list(others)
    return cookie_input(0, now, [email, (expires, 0, MAX_NOW)] + header +
                        [(staff_id, 1, INT64_MAX), (epoch, INT64_MIN, INT64_MAX), password_hash])


def signed(now, payload, article, ip, changes, code, pow_, after):
    fields = [payload, (article, 1, INT64_MAX), ip, (len(changes), 0, 3)]
    for index, value in changes:
        fields += [(index, 0, 7), value]
    fields += [code, pow_, (1, 0, 255), (1, 0, 255), (after, -10, 36000)]
    return cookie_input(2, now, fields)


def form(now, article, ip, after):
    return cookie_input(3, now, [(article, 1, INT64_MAX), ip, (after, 0, 36000)])


def cookies():
    clear("cookies_fuzz")
    now = 1_700_000_000
    guard = json.loads((ROOT / "tests/data/form_guard/cases.jsonl").read_text().splitlines()[0])
    mac = "00112233445566778899aabbccddeeff"
    seeds = {
        "issued": issued(now, "reader@example.org", now + 3600, ["a=1", "fs=2"], 42, 7,
                         "$argon2id$v=19$m=65536"),
        "issued-expired": issued(now, "R@Example.org", now - 1, [], 1, 0, "hash"),
        "issued-far": issued(now, "", MAX_NOW, [" tc", "x=tc=1"], INT64_MAX, INT64_MIN, ""),
        "forged-pass": cookie_input(1, now, [f"0123456789abcdef-1800000000-{mac}", "x"]),
        "forged-device": cookie_input(1, now, [f"d1.1.1700100000.00112233445566778899aabb.{mac}", ""]),
        "forged-session": cookie_input(1, now, [f"1.1700043200.{mac}", "00"]),
        "forged-font": cookie_input(1, now, ["a=1; fs=-9; tc=; td=x=y;  tn= 1.2.3 ;", ""]),
        "signed-bits": signed(now, "", 42, "203.0.113.7", [(5, "1000")], "", "1,2,3,4", 20),
        "signed-issued": signed(now, "", 42, "203.0.113.7", [(2, "-9223372036854775808")], "0000", "", 20),
        "signed-old-token": signed(now, "", 42, "::1", [(0, "t1"), (6, "x")], "", "", 5),
        "signed-known": signed(now, "x-1-2-3", 7, "10.0.0.1", [(7, "0123456789abcdef")], "1", "", 3),
        "signed-device": signed(now, "d1.9223372036854775807.9223372036854775807.00112233445566778899aabb",
                                1, "", [], "", "", 0),
        "form": form(now, 42, guard.get("ip", "203.0.113.7"), guard["post_after_s"]),
        "form-v6": form(now, 7, "2001:db8::1", 5),
        "form-mapped": form(now, 7, "::ffff:203.0.113.9", 20000),
    }
    for name, data in seeds.items():
        write("cookies_fuzz", name, data)


if __name__ == "__main__":
    bbcode()
    spam()
    requests()
    forms()
    config()
    cookies()
