#!/usr/bin/env python3
"""readme.py: the sample outputs in README.md and docs/*.md are what revsim
prints. A sample is an indented code block right after a line starting with
`<!-- sample`; its first line is `$ COMMAND` (continued by lines ending in
`\\`), the rest is the expected output (stdout and stderr together). A line
`...` stands for any number of lines (at most one a block). Each command runs
in a scratch folder holding `scenarios/` (the repository's) and
`build/revsim` (the binary under test), so the paths and output folders it
prints are those a user sees in a checkout.

usage: tests/readme.py REVSIM [FILE...]           TAP: one case a sample
       tests/readme.py --update REVSIM [FILE...]  rewrite the samples in place
                                                  (`make readme`; review the diff)
"""
import difflib
import glob
import os
import shutil
import subprocess
import sys
import tempfile

MARK = "<!-- sample"
INDENT = "    "


def blocks(lines):
    """(first, end) line indices of every sample's code block in lines."""
    i = 0
    while i < len(lines):
        if not lines[i].lstrip().startswith(MARK):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        k = j
        while k < len(lines) and (lines[k].startswith(INDENT) or not lines[k].strip()):
            k += 1
        while k > j and not lines[k - 1].strip():
            k -= 1
        yield j, k
        i = k


def split(block):
    """The command and the expected output lines of a block's lines."""
    text = [ln[len(INDENT):] if ln.startswith(INDENT) else "" for ln in block]
    if not text or not text[0].startswith("$ "):
        return None, None
    cmd = [text[0][2:]]
    n = 1
    while cmd[-1].endswith("\\") and n < len(text):
        cmd.append(text[n])
        n += 1
    return "\n".join(cmd), [t.rstrip() for t in text[n:]]


def run(cmd, revsim, scratch):
    out = subprocess.run(["sh", "-c", cmd], cwd=scratch, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, env=dict(os.environ, LC_ALL="C.UTF-8"))
    return [ln.rstrip() for ln in out.stdout.decode("utf-8", "replace").splitlines()]


def matches(want, got):
    if "..." not in want:
        return want == got
    k = want.index("...")
    head, tail = want[:k], want[k + 1:]
    return (len(got) >= len(head) + len(tail) and got[:len(head)] == head
            and got[len(got) - len(tail):] == tail)


def rewrite(want, got):
    """got shortened like want: the same number of lines before and after `...`."""
    if "..." not in want:
        return got
    k = want.index("...")
    t = len(want) - k - 1
    if len(got) <= k + t:
        return got
    return got[:k] + ["..."] + (got[len(got) - t:] if t else [])


class Tap:
    def __init__(self):
        self.n = self.failed = 0

    def case(self, good, name, why=""):
        self.n += 1
        self.failed += not good
        print("%s %d - %s%s" % ("ok" if good else "not ok", self.n, name, why))


def check_file(path, root, revsim, scratch, update, tap):
    """Check (or rewrite) every sample of the markdown file at path."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    edits = []
    for first, end in list(blocks(lines)):
        cmd, want = split(lines[first:end])
        name = "%s:%d: %s" % (os.path.relpath(path, root), first + 1,
                              " ".join(cmd.replace("\\\n", " ").split()) if cmd else "?")
        if cmd is None:
            tap.case(False, name, ": the block does not start with '$ COMMAND'")
            continue
        if want.count("...") > 1:
            tap.case(False, name, ": more than one '...'")
            continue
        got = run(cmd, revsim, scratch)
        if update:
            new = rewrite(want, got)
            if new != want:
                edits.append((first, end, [INDENT + "$ " + cmd.split("\n")[0]] +
                              [INDENT + c for c in cmd.split("\n")[1:]] +
                              [(INDENT + ln) if ln else "" for ln in new]))
            tap.case(True, name, " (rewritten)" if new != want else "")
        elif matches(want, got):
            tap.case(True, name)
        else:
            tap.case(False, name, ": the sample is stale (make readme to rewrite it)")
            for d in list(difflib.unified_diff(want, got, path, "revsim", lineterm=""))[:30]:
                print("# " + d)
    for first, end, out in reversed(edits):
        lines[first:end] = out
    if edits:
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


def self_test(root, revsim, scratch, tap):
    """The checker itself: a stale sample fails, `...` elides, --update
    rewrites a stale sample into one that passes."""
    version = run("build/revsim --version", revsim, scratch)
    md = os.path.join(scratch, "t.md")
    text = ("x\n\n%s -->\n\n    $ build/revsim --version\n    revsim 0.0.0-stale\n\ny\n"
            "\n%s -->\n\n    $ build/revsim --help\n    usage: revsim COMMAND [OPTIONS] [ARGS]\n"
            "    ...\n    %s\n" % (MARK, MARK, run("build/revsim --help", revsim, scratch)[-1]))
    with open(md, "w", encoding="utf-8") as f:
        f.write(text)
    inner = Tap()
    with open(os.devnull, "w") as null:
        out, sys.stdout = sys.stdout, null
        try:
            check_file(md, scratch, revsim, scratch, False, inner)
            stale_caught = inner.failed == 1 and inner.n == 2
            check_file(md, scratch, revsim, scratch, True, Tap())
            again = Tap()
            check_file(md, scratch, revsim, scratch, False, again)
        finally:
            sys.stdout = out
    with open(md, encoding="utf-8") as f:
        rewritten = f.read()
    tap.case(stale_caught, "self-test: a stale sample fails, an elided one passes")
    tap.case(again.failed == 0 and ("    " + version[0]) in rewritten and "    ...\n" in rewritten,
             "self-test: --update rewrites the stale sample and keeps the elision")


def main(argv):
    update = "--update" in argv
    args = [a for a in argv if a != "--update"]
    if not args:
        sys.exit(__doc__)
    revsim = os.path.abspath(args[0])
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    files = args[1:] or [os.path.join(root, "README.md")] + sorted(
        glob.glob(os.path.join(root, "docs", "*.md")))
    scratch = tempfile.mkdtemp()
    try:
        os.symlink(os.path.join(root, "scenarios"), os.path.join(scratch, "scenarios"))
        os.mkdir(os.path.join(scratch, "build"))
        os.symlink(revsim, os.path.join(scratch, "build", "revsim"))
        tap = Tap()
        if not update:
            self_test(root, revsim, scratch, tap)
        for path in files:
            check_file(path, root, revsim, scratch, update, tap)
        print("1..%d" % tap.n)
        return 1 if tap.failed else 0
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
