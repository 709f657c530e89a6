#!/usr/bin/env python3
"""Counts Razor Pages handler methods and the lines of their bodies (issue 17, deliverable 3).

A handler is a method named On<Verb>...(Async) in a *.cshtml.cs file or in a PageModel base class
(a *PageModel*.cs file in Messaging.Web), plus the protected/private helpers there that return an
IActionResult (such as ThreadPageModel.PostAsync), since handlers delegate their work to them.

Lines: the method's whole span, from the first line of its signature to its closing brace (or the
semicolon of an expression body), blank lines included; the measure the issue used (ThreadPageModel.PostAsync
59 on main). --body counts only the non-blank lines inside the braces instead.

Usage: scripts/handler-lines.py [root] [--top N] [--list]
"""
import os
import re
import sys

SIG = re.compile(
    r"^\s*(?:(?:public|protected|private|internal|static|virtual|override|async|sealed|new)\s+)+"
    r"(?P<ret>[\w<>\[\]?,. ]+?)\s+(?P<name>\w+)\s*\(")


BODY = "--body" in sys.argv


def is_handler(name, ret):
    if re.match(r"On[A-Z]\w*$", name):
        return True
    return "IActionResult" in ret


def page_files(root):
    web = os.path.join(root, "Messaging.Web")
    for folder, dirs, files in os.walk(web):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", "wwwroot", "node_modules")]
        for f in files:
            if f.endswith(".cshtml.cs") or (f.endswith(".cs") and "PageModel" in f):
                yield os.path.join(folder, f)


def strip_strings(line):
    """Removes string and char literals and // comments so braces inside them are not counted."""
    line = re.sub(r'@?\$?"(?:[^"\\]|\\.)*"', '""', line)
    line = re.sub(r"'(?:[^'\\]|\\.)'", "''", line)
    return line.split("//", 1)[0]


def handlers_in(path):
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    cls = None
    i = 0
    while i < len(lines):
        line = lines[i]
        cm = re.search(r"\bclass\s+(\w+)", line)
        if cm and not line.strip().startswith("///") and not line.startswith((" ", "\t")):
            cls = cm.group(1)  # top-level types only (file-scoped namespaces), not nested input classes
        m = SIG.match(line)
        if not m or not is_handler(m.group("name"), m.group("ret")):
            i += 1
            continue
        # Find the end of the parameter list, then the body.
        j = i
        depth = 0
        while True:
            s = strip_strings(lines[j])
            depth += s.count("(") - s.count(")")
            if depth <= 0 and ")" in s:
                break
            j += 1
        rest = strip_strings(lines[j]).split(")")[-1]
        k = j
        while "{" not in rest and "=>" not in rest and ";" not in rest:
            k += 1
            rest = strip_strings(lines[k])
        if "=>" in rest:
            # Expression body: up to the line that ends the statement.
            start = k
            end = k
            paren = 0
            while True:
                s = strip_strings(lines[end])
                paren += s.count("(") - s.count(")") + s.count("{") - s.count("}")
                if paren <= 0 and s.rstrip().endswith(";"):
                    break
                end += 1
            count = len([l for l in lines[start:end + 1] if l.strip()]) if BODY else end + 1 - i
            nxt = end + 1
        elif "{" in rest:
            start = k
            brace = 0
            end = k
            while True:
                s = strip_strings(lines[end])
                brace += s.count("{") - s.count("}")
                if brace <= 0 and end > start or (brace <= 0 and "}" in s):
                    break
                end += 1
            count = len([l for l in lines[start + 1:end] if l.strip()]) if BODY else end + 1 - i
            nxt = end + 1
        else:  # abstract or partial declaration
            i = k + 1
            continue
        yield cls, m.group("name"), count, path, i + 1
        i = nxt


def main():
    args = sys.argv[1:]
    top = 10
    listing = "--list" in args
    if "--top" in args:
        top = int(args[args.index("--top") + 1])
    positional = [a for a in args if not a.startswith("--") and not a.isdigit()]
    root = positional[0] if positional else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    found = []
    for path in sorted(page_files(root)):
        for cls, name, count, p, lineno in handlers_in(path):
            found.append((count, f"{cls}.{name}", os.path.relpath(p, root), lineno))
    if not found:
        print("no handlers found")
        return 1
    counts = [c for c, *_ in found]
    n = len(counts)
    print(f"handlers:          {n}")
    print(f"average lines:     {sum(counts) / n:.1f}")
    print(f"at most 8 lines:   {sum(1 for c in counts if c <= 8)} ({100 * sum(1 for c in counts if c <= 8) / n:.0f}%)")
    print(f"over 15 lines:     {sum(1 for c in counts if c > 15)}")
    print(f"over 20 lines:     {sum(1 for c in counts if c > 20)}")
    print(f"longest:")
    for count, name, path, lineno in sorted(found, reverse=True)[:top]:
        print(f"  {count:4d}  {name}  ({path}:{lineno})")
    if listing:
        print("all:")
        for count, name, path, lineno in sorted(found, key=lambda f: (f[2], f[3])):
            print(f"  {count:4d}  {name}  ({path}:{lineno})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
