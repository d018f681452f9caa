#!/usr/bin/env python3
"""Self-check for the web-unseen fixtures (does not use the extractor).

For every page: the file exists, parses with html.parser, declares a charset and
really is encoded in it. For every article page: first/last equal the first/last
entries of paragraphs.json, every expected paragraph occurs (in order) in the
visible text (entities decoded, whitespace collapsed), every clutter string
occurs in the visible text but in no body paragraph, and title/byline/outlet/
date/language are supported by the page. section.html must look like a list
of 20+ headline links.
"""
import html, json, os, re, sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
BLOCK = set("""p div br li ul ol h1 h2 h3 h4 h5 h6 td th tr table tbody thead article section
header footer nav aside figure figcaption blockquote main form button address label
dl dt dd hr pre center input textarea select option cite""".split())
SKIP = {"script", "style", "noscript", "template", "head", "title", "svg"}
VOID = {"br", "img", "input", "meta", "link", "hr", "source", "area", "base", "col", "embed", "param", "track", "wbr"}

def norm(s):
    return re.sub(r"\s+", " ", s).strip()

class Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.tags, self.ld = [], 0, [], []
        self.in_ld = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in SKIP:
            self.skip += 1
            if tag == "script" and a.get("type") == "application/ld+json":
                self.in_ld = True; self.ld.append("")
        if tag in BLOCK:
            self.out.append(" ")
    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in BLOCK:
            self.out.append(" ")
    def handle_endtag(self, tag):
        if tag in SKIP and self.skip:
            self.skip -= 1
            if tag == "script":
                self.in_ld = False
        if tag in BLOCK:
            self.out.append(" ")
    def handle_data(self, data):
        if self.in_ld:
            self.ld[-1] += data
        elif not self.skip:
            self.out.append(data)
    def text(self):
        return norm("".join(self.out))

def declared_charset(raw):
    head = raw[:4096].decode("latin-1")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", head, re.I)
    return m.group(1).lower() if m else None

def main():
    exp = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    paras = json.load(open(os.path.join(HERE, "paragraphs.json"), encoding="utf-8"))
    errors = []
    def check(cond, msg):
        if not cond:
            errors.append(msg)
    htmls = sorted(f[:-5] for f in os.listdir(HERE) if f.endswith(".html"))
    check(sorted(exp) == htmls, "expected.json keys %s != html files %s" % (sorted(exp), htmls))
    for name, e in exp.items():
        path = os.path.join(HERE, name + ".html")
        if not os.path.exists(path):
            errors.append("%s: missing file" % name); continue
        raw = open(path, "rb").read()
        cs = declared_charset(raw)
        check(cs is not None, "%s: no declared charset" % name)
        try:
            doc = raw.decode({"iso-8859-1": "latin-1"}.get(cs, cs), errors="strict")
        except (UnicodeDecodeError, LookupError, TypeError) as ex:
            errors.append("%s: does not decode as declared %s: %s" % (name, cs, ex)); continue
        if cs not in ("utf-8", "utf8"):
            try:
                raw.decode("utf-8"); errors.append("%s: declared %s but bytes are valid UTF-8" % (name, cs))
            except UnicodeDecodeError:
                pass
        if cs in ("iso-8859-1", "latin-1"):
            check(not re.search(rb"[\x80-\x9f]", raw), "%s: C1 bytes in a latin-1 file" % name)
            check(re.search(rb"[\xa0-\xff]", raw), "%s: no raw latin-1 bytes" % name)
        if cs == "windows-1252":
            for b, ch in ((b"\x93", "“"), (b"\x94", "”"), (b"\x91", "‘"), (b"\x92", "’"), (b"\x97", "—"), (b"\x80", "€")):
                check(b in raw, "%s: cp1252 byte for %s missing" % (name, ch))
        p = Visible(); p.feed(doc); p.close()
        vis = p.text()
        lang_attr = next((a.get("lang") for t, a in p.tags if t == "html"), None)

        if e.get("refuse"):
            links = re.findall(r'<h[23][^>]*class="story-card__headline[^"]*"[^>]*>\s*<a ', doc)
            check(len(links) >= 20, "%s: only %d headline links" % (name, len(links)))
            check("article" not in re.findall(r'property="og:type" content="([^"]+)"', doc), "%s: og:type article" % name)
            print("ok  %-12s %-12s refuse, %d headline links" % (name, cs, len(links))); continue

        body = paras[name]
        check(6 <= len(body) <= 12, "%s: %d paragraphs" % (name, len(body)))
        check(e["first"] == body[0], "%s: first != paragraphs[0]" % name)
        check(e["last"] == body[-1], "%s: last != paragraphs[-1]" % name)
        check(e["first"] in vis, "%s: first not in visible text" % name)
        if name == "paywall":
            ld = [json.loads(s) for s in p.ld]
            art = next(o for o in ld if o.get("@type") == "NewsArticle")
            ab = [norm(x) for x in art["articleBody"].split("\n\n")]
            check(ab == body, "%s: articleBody paragraphs != expected paragraphs" % name)
            check(e["last"] not in vis, "%s: last unexpectedly visible" % name)
            check(len(re.findall(r"[.!?](?:\s|$)", e["first"])) == 2, "%s: teaser is not two sentences" % name)
        else:
            check(e["last"] in vis, "%s: last not in visible text" % name)
            pos = -1
            for i, para in enumerate(body):
                q = vis.find(para, pos + 1)
                check(q > pos, "%s: paragraph %d not found in order: %.60s" % (name, i, para))
                pos = max(pos, q)
        check(4 <= len(e["clutter"]) <= 8, "%s: %d clutter strings" % (name, len(e["clutter"])))
        for c in e["clutter"]:
            check(c in vis, "%s: clutter not in visible text: %r" % (name, c))
            for i, para in enumerate(body):
                check(c.lower() not in para.lower(), "%s: clutter %r inside paragraph %d" % (name, c, i))
        check(e["title"] in vis, "%s: title not in visible text" % name)
        if e["byline"]:
            for who in e["byline"].split(", "):
                check(who in vis, "%s: byline name %r not visible" % (name, who))
        if e["outlet"]:
            check(e["outlet"] in vis or e["outlet"] in html.unescape(doc), "%s: outlet not in page" % name)
        if e["date"]:
            if name == "table":
                check("March 3, 2004" in vis, "%s: date text missing" % name)
            else:
                check(e["date"] in doc, "%s: date %s not in page" % (name, e["date"]))
        if e["language"]:
            check(lang_attr and lang_attr.split("-")[0].lower() == e["language"], "%s: lang %r vs %r" % (name, lang_attr, e["language"]))
        else:
            check(lang_attr is None, "%s: language null but lang=%r" % (name, lang_attr))
        for s in p.ld:
            try:
                json.loads(s)
            except ValueError as ex:
                errors.append("%s: invalid JSON-LD: %s" % (name, ex))
        m = re.search(r'<script id="__NEXT_DATA__" type="application/json">(.*?)</script>', doc, re.S)
        if m:
            nd = json.loads(m.group(1))
            nb = [b["text"] for b in nd["props"]["pageProps"]["article"]["body"] if b["type"] == "paragraph"]
            check(nb == body, "%s: __NEXT_DATA__ body differs from rendered body" % name)
        print("ok  %-12s %-12s %2d paragraphs, %d clutter" % (name, cs, len(body), len(e["clutter"])))
    if errors:
        print("\n".join("FAIL " + x for x in errors)); sys.exit(1)
    print("all checks passed")

if __name__ == "__main__":
    main()
