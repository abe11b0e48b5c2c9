/** The page's only stylesheet, inline: system fonts, light and dark by `prefers-color-scheme`. */
export const STYLE = `
:root {
  color-scheme: light dark;
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --border: #d1d9e0; --grid: #e6eaef;
  --rel: #0969da; --band: rgba(9, 105, 218, 0.16); --pass: #1a7f37; --stab: #8250df;
  --drift: #cf222e; --drift-col: rgba(207, 34, 46, 0.07); --fp: #9a6700; --link: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #151b23; --border: #3d444d; --grid: #262c36;
    --rel: #4493f8; --band: rgba(68, 147, 248, 0.22); --pass: #3fb950; --stab: #ab7df8;
    --drift: #f85149; --drift-col: rgba(248, 81, 73, 0.1); --fp: #d29922; --link: #4493f8;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 1.7em; margin: 0 0 0.4em; }
h2 { font-size: 1.35em; margin: 2em 0 0.4em; padding-bottom: 0.25em; border-bottom: 1px solid var(--border); }
h3 { font-size: 1.05em; margin: 1.5em 0 0.5em; }
p { margin: 0.5em 0; }
a { color: var(--link); }
.muted, .note { color: var(--muted); }
code, pre, .answer, .key-cell, .fp-id { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; font-size: 0.86em; }
.table-wrap { overflow-x: auto; margin: 0.75em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--border); padding: 6px 9px; text-align: left; vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, .nowrap { white-space: nowrap; }
.answer { margin: 0; min-width: 10em; white-space: pre-wrap; overflow-wrap: anywhere; max-height: 16em; overflow-y: auto; }
.none { color: var(--muted); font-style: italic; }
.cut { color: var(--muted); font-style: italic; }
.key-cell { min-width: 10em; overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0 7px; margin: 1px 2px 1px 0; border-radius: 10px; font-size: 0.8em; border: 1px solid var(--border); white-space: nowrap; }
.tag.regression { color: var(--drift); border-color: var(--drift); }
.tag.fix { color: var(--pass); border-color: var(--pass); }
.tag.flapping, .tag.within-noise { color: var(--muted); }
figure { margin: 1em 0; padding: 12px 12px 8px; border: 1px solid var(--border); border-radius: 8px; background: var(--panel); }
svg.chart { display: block; width: 100%; height: auto; max-height: 420px; }
svg.chart text { fill: var(--muted); font-size: 11px; font-family: inherit; }
svg.chart .axis-title { font-size: 12px; }
svg.chart .grid { stroke: var(--grid); stroke-width: 1; }
svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
svg.chart .band { fill: var(--band); stroke: none; }
svg.chart .line { fill: none; stroke-linejoin: round; stroke-linecap: round; }
svg.chart .line.s-rel { stroke: var(--rel); stroke-width: 2.5; }
svg.chart .line.s-pass { stroke: var(--pass); stroke-width: 2; stroke-dasharray: 7 4; }
svg.chart .line.s-stab { stroke: var(--stab); stroke-width: 2; stroke-dasharray: 2 4; }
svg.chart .dot.s-rel { fill: var(--rel); }
svg.chart .dot.s-pass { fill: var(--pass); }
svg.chart .dot.s-stab { fill: var(--stab); }
svg.chart .drift-col { fill: var(--drift-col); }
svg.chart .fp-rule { stroke: var(--fp); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.chart .mark.fp path { fill: var(--fp); }
svg.chart .mark.drift path { fill: var(--drift); }
svg.chart .mark.drift text { fill: var(--drift); font-weight: 600; }
svg.chart .mark.drift.flapping-only path { fill: none; stroke: var(--drift); stroke-width: 1.5; }
svg.chart .hit { fill: transparent; }
svg.chart .hit:hover { fill: var(--drift-col); }
figcaption { margin-top: 6px; font-size: 0.88em; color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; list-style: none; padding: 0; margin: 0 0 4px; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 26px; height: 0; border-top: 3px solid; }
.swatch.s-rel { border-color: var(--rel); }
.swatch.s-pass { border-top: 2px dashed var(--pass); }
.swatch.s-stab { border-top: 3px dotted var(--stab); }
.swatch.band { height: 12px; border: 0; background: var(--band); }
.glyph.fp { color: var(--fp); }
.glyph.drift { color: var(--drift); }
details { margin: 0.6em 0; }
details > summary { cursor: pointer; }
details.run { border: 1px solid var(--border); border-radius: 6px; padding: 6px 10px; }
details.run[open] > summary { margin-bottom: 6px; }
.callout { border-left: 4px solid var(--fp); padding: 4px 12px; background: var(--panel); margin: 0.8em 0; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.85em; }
`;
