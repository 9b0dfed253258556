"""Looks at report pages in headless Chromium as a phone and a screen do.

usage: sitephone.py DIR WIDTH SHOTS PAGE...
Loads each page from DIR (file://) in a viewport WIDTH CSS pixels wide
(390: a phone, emulated with touch and the page's meta viewport; else a
desktop window) through chromedriver, and checks:
  - the page does not scroll sideways: its scroll width is at most the
    viewport's;
  - no text of a chart renders below 9 CSS pixels: the smallest
    font-size in the SVG the <img> shows (its currentSrc), scaled by the
    width it is shown at over the width it was drawn for;
  - every element the Tab key reaches has a visible focus ring
    (:focus-visible) of at least 3:1 against the page behind it, and a
    box of its own (no invisible tab stop);
  - every text in Han script on an English page, and every Latin
    sentence on a Chinese one, sits in an element whose lang says so;
  - with AXE_JS (environment) naming axe-core's axe.min.js, axe-core finds
    no violation of WCAG 2.1 A or AA.
Writes a screenshot of each page to SHOTS/PAGE.WIDTH.png (when SHOTS is
not "-"). Prints each problem; exits 1 if any, 77 when chromium or
chromedriver is missing."""
import base64
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

MIN_TEXT = 9.0
MIN_FOCUS_CONTRAST = 3.0

# Run in the page: its widths, each chart shown, each tab stop's focus
# ring, the text in another script than its element's language.
PROBE = r"""
const de = document.documentElement;
const out = {scroll: de.scrollWidth, view: de.clientWidth, charts: [], lang: []};
for (const img of document.querySelectorAll('img')) {
  out.charts.push({src: img.currentSrc, shown: img.getBoundingClientRect().width});
}
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  if (!el || el.closest('style,script,code,pre')) continue;
  const lang = (el.closest('[lang]') || de).getAttribute('lang') || '';
  const t = n.nodeValue;
  if (lang.startsWith('en') && /[\u3400-\u9fff]/.test(t))
    out.lang.push([lang, t.trim().slice(0, 60)]);
  if (lang.startsWith('zh') && !/[\u3400-\u9fff]/.test(t) &&
      /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/.test(t))
    out.lang.push([lang, t.trim().slice(0, 60)]);
}
return out;
"""

# Run after each Tab: the focused element's ring and what is behind it.
FOCUS = r"""
const el = document.activeElement;
if (!el || el === document.body) return null;
const cs = getComputedStyle(el);
const r = el.getBoundingClientRect();
let bg = 'rgba(0, 0, 0, 0)';
for (let p = el.parentElement; p; p = p.parentElement) {
  const c = getComputedStyle(p).backgroundColor;
  if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') { bg = c; break; }
}
return {tag: el.tagName, text: (el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 40),
        visible: el.matches(':focus-visible'), style: cs.outlineStyle,
        width: parseFloat(cs.outlineWidth), color: cs.outlineColor, bg: bg,
        w: r.width, h: r.height};
"""


AXE = open(os.environ["AXE_JS"], encoding="utf-8").read() if os.environ.get("AXE_JS") else None
AXE_RUN = r"""
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
  .then(r => done(r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].target.join(' ')])))
  .catch(e => done([['axe-error', 0, String(e)]]));
"""


def rgb(css):
    m = re.match(r"rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)", css)
    if not m:
        return None
    a = float(m.group(4)) if m.group(4) is not None else 1.0
    # over white, as the page is
    return tuple(float(m.group(i)) * a + 255 * (1 - a) for i in (1, 2, 3))


def luminance(c):
    def ch(v):
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def svg_min_text(path):
    """The smallest font-size of any text in an SVG, and its drawn width."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r'<svg[^>]*\bwidth="([\d.]+)', text)
    width = float(m.group(1)) if m else None
    sizes = [float(x) for x in re.findall(r'font-size="([\d.]+)"', text)]
    # a group's font-size applies only where text is drawn in it
    return (min(sizes) if sizes else None), width


class Driver:
    def __init__(self, width, profile):
        self.port = free_port()
        self.proc = subprocess.Popen(["chromedriver", "--port=%d" % self.port],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile]
        opts = {"args": args, "binary": shutil.which("chromium")}
        if width <= 600:
            opts["mobileEmulation"] = {"deviceMetrics": {"width": width, "height": 844,
                                                         "pixelRatio": 2, "touch": True}}
        else:
            args.append("--window-size=%d,1000" % width)
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": opts}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=120) as r:
            return json.loads(r.read())["value"] if path != "/status" else None

    def s(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body)

    def run(self, script):
        return self.s("POST", "/execute/sync", {"script": script, "args": []})

    def run_async(self, script):
        return self.s("POST", "/execute/async", {"script": script, "args": []})

    def tab(self):
        self.s("POST", "/actions", {"actions": [{"type": "key", "id": "kb", "actions": [
            {"type": "keyDown", "value": "\ue004"}, {"type": "keyUp", "value": "\ue004"}]}]})

    def close(self):
        try:
            self.call("DELETE", "/session/" + self.session)
        finally:
            self.proc.terminate()
            self.proc.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shot(d, path, width):
    """The page from SHOT_Y (environment, 0 by default) down, up to 1,500
    CSS pixels of it."""
    y = int(os.environ.get("SHOT_Y", "0"))
    h = min(1500, d.run("return document.documentElement.scrollHeight") - y)
    r = d.s("POST", "/goog/cdp/execute", {"cmd": "Page.captureScreenshot", "params": {
        "captureBeyondViewport": True,
        "clip": {"x": 0, "y": y, "width": width, "height": h, "scale": 1}}})
    with open(path, "wb") as f:
        f.write(base64.b64decode(r["data"]))


def check_page(d, root, page, width, shots, problems):
    def bad(msg):
        problems.append("%s at %d px: %s" % (page, width, msg))
    d.s("POST", "/url", {"url": "file://" + os.path.abspath(os.path.join(root, page))})
    p = d.run(PROBE)
    if p["scroll"] > p["view"]:
        bad("the page is %d px wide in a %d px viewport" % (p["scroll"], p["view"]))
    for c in p["charts"]:
        src = urllib.request.url2pathname(re.sub(r"^file://", "", c["src"]))
        if not src.endswith(".svg"):
            continue
        size, drawn = svg_min_text(src)
        if size and drawn and c["shown"] > 0:
            px = size * c["shown"] / drawn
            if px < MIN_TEXT:
                bad("%s: its smallest text shows at %.1f px (%.0f of %.0f px)"
                    % (os.path.basename(src), px, c["shown"], drawn))
    if shots != "-":
        shot(d, os.path.join(shots, "%s.%d.png" % (page, width)), width)
    if AXE:
        d.run(AXE)
        for rule, n, where in d.run_async(AXE_RUN):
            bad("axe-core: %s (%d element%s, first %s)" % (rule, n, "s"[:n > 1], where))
    for lang, text in p["lang"]:
        bad("text in another language inside lang=%s: %r" % (lang, text))
    seen = 0
    for _ in range(400):
        d.tab()
        f = d.run(FOCUS)
        if f is None:
            break
        seen += 1
        what = "%s %r" % (f["tag"].lower(), f["text"])
        if f["w"] < 1 or f["h"] < 1:
            bad("an invisible tab stop: " + what)
        if not f["visible"] or f["style"] == "none" or f["width"] < 2:
            bad("no visible focus on " + what)
            continue
        ring, back = rgb(f["color"]), rgb(f["bg"]) or (255, 255, 255)
        if ring and contrast(ring, back) < MIN_FOCUS_CONTRAST:
            bad("focus ring %s on %s is %.2f:1 (%s)" % (f["color"], f["bg"],
                                                         contrast(ring, back), what))
    if seen == 0:
        bad("no tab stop at all")


def main(root, width, shots, pages):
    if not shutil.which("chromium") or not shutil.which("chromedriver"):
        print("SKIP: chromium or chromedriver not installed")
        return 77
    problems = []
    with tempfile.TemporaryDirectory() as profile:
        d = Driver(width, profile)
        try:
            for page in pages:
                check_page(d, root, page, width, shots, problems)
        finally:
            d.close()
    for x in problems:
        print(x)
    print("%d pages at %d px" % (len(pages), width), file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]))
