#!/usr/bin/env python3
"""Finds spam-rule patterns whose word boundary can never hold.

RE2's \\b is ASCII's word boundary: between a Cyrillic letter and a space
there is none. A pattern like \\b(?:check out|накрутка) never matches its
Russian alternative, and стоп\\b never matches before a space; the rule
looks fine and is dead. This check reads every RE2 pattern written as raw
strings in src/spam and fails on a \\b that touches a Cyrillic letter:
directly, through a group whose alternative begins or ends with one, or
after a Cyrillic stem with \\pL* or \\pL+.

  scripts/check-rule-patterns.py          # exit 1 and a list if any
"""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def cyrillic(c):
    return "\u0400" <= c <= "\u04ff"


def group_alternatives(s, open_at):
    """Top-level alternatives of the group opening at s[open_at]."""
    i = open_at + 1
    if s.startswith("?:", i):
        i += 2
    depth, start, out, k = 0, i, [], i
    while k < len(s):
        c = s[k]
        if c == "\\":
            k += 2
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                out.append(s[start:k])
                return out, k
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(s[start:k])
            start = k + 1
        k += 1
    out.append(s[start:])
    return out, len(s)


def group_opening(s, close_at):
    """Where the group closing at s[close_at] opens."""
    depth, k = 0, close_at - 1
    while k >= 0:
        c = s[k]
        escaped = k > 0 and s[k - 1] == "\\"
        if c == ")" and not escaped:
            depth += 1
        elif c == "(" and not escaped:
            if depth == 0:
                return k
            depth -= 1
        k -= 1
    return -1


def ends_cyrillic(t):
    t = re.sub(r"(\\pL|\\p\{L\}|\[[^\]]*\])[*+?]?$", "", t)
    return bool(t) and cyrillic(t[-1])


def problems(pattern):
    found = []
    for m in re.finditer(r"\\b", pattern):
        if m.start() > 0 and pattern[m.start() - 1] == "\\":
            continue  # an escaped backslash, then "b"
        after, before = m.end(), m.start()
        if after < len(pattern):
            c = pattern[after]
            if cyrillic(c):
                found.append(pattern[max(0, before - 20):after + 20])
            elif c == "(":
                alts, _ = group_alternatives(pattern, after)
                if any(a and cyrillic(a[0]) for a in alts):
                    found.append(pattern[before:after + 40])
        if before > 0:
            head = pattern[:before]
            if ends_cyrillic(head):
                found.append(pattern[max(0, before - 20):after])
            elif head.endswith(")"):
                opening = group_opening(pattern, before - 1)
                if opening >= 0:
                    alts, _ = group_alternatives(pattern, opening)
                    if any(ends_cyrillic(a) for a in alts):
                        found.append(pattern[max(0, opening - 10):after])
    return found


def patterns(source):
    source = re.sub(r"^\s*//.*$", "", source, flags=re.M)
    for m in re.finditer(r"RE2\s+\w+\((.*?)(?:RuleOptions\(\)|\);)", source, re.S):
        parts = re.findall(r'R"\((.*?)\)"', m.group(1), re.S)
        if parts:
            yield "".join(parts)


def main():
    bad = 0
    for path in sorted((ROOT / "src" / "spam").rglob("*.cc")):
        for pattern in patterns(path.read_text(encoding="utf-8")):
            for where in problems(pattern):
                print(f"{path.relative_to(ROOT)}: \\b beside Cyrillic: {where!r}")
                bad += 1
    if bad:
        print(f"{bad} word boundaries that Cyrillic text can never meet; "
              "use (?:^|[^\\pL]) or (?:[^\\pL]|$) instead")
        return 1
    print("no word boundary beside Cyrillic in the spam rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
