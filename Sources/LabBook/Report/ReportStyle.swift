/// The report's stylesheet: a readable single column on screen, and a print
/// layout for paper handouts (no page break inside a figure, code or check,
/// links shown as text, colours kept where they carry meaning).
enum ReportStyle {
  static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --code-bg: #f6f8fa;
      --ok: #1a7f37; --fail: #b00020; --warn: #9a6700; --accent: #0072b2; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.6 Charter, "Bitstream Charter", "Source Serif Pro", Georgia, serif; }
    main { max-width: 800px; margin: 0 auto; padding: 28px 20px 60px; }
    h1, h2, h3, h4, h5, h6, .cell-head, .meta, nav.toc, figure, .value, .check, .status,
    footer { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 .3em; }
    h2 { font-size: 1.4em; margin: 1.6em 0 .5em; padding-bottom: .2em;
      border-bottom: 1px solid var(--rule); }
    h3 { font-size: 1.15em; margin: 1.3em 0 .4em; }
    a { color: var(--accent); }
    code, pre { font: 13.5px/1.5 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    :not(pre) > code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px;
      font-size: .88em; }
    pre { background: var(--code-bg); padding: 10px 12px; border-radius: 6px; overflow-x: auto;
      margin: .6em 0; }
    table { border-collapse: collapse; } td, th { border: 1px solid var(--rule);
      padding: 3px 8px; }
    img, svg { max-width: 100%; height: auto; }
    .title-block { border-bottom: 2px solid var(--ink); padding-bottom: 12px;
      margin-bottom: 18px; }
    .meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px;
      margin: 8px 0 0; font-size: 14px; color: var(--muted); }
    .meta dt { font-weight: 600; color: var(--ink); } .meta dd { margin: 0; }
    .summary-failed { color: var(--fail); font-weight: 600; }
    nav.toc { background: #fafbfc; border: 1px solid var(--rule); border-radius: 6px;
      padding: 8px 16px; margin: 16px 0 24px; font-size: 14px; }
    nav.toc h2 { font-size: 1em; margin: 0 0 4px; border: 0; padding: 0; }
    nav.toc ol { margin: 0; padding-left: 1.2em; } nav.toc .toc-3 { margin-left: 1.2em; }
    nav.toc .toc-4, nav.toc .toc-5, nav.toc .toc-6 { margin-left: 2.4em; }
    .cell { margin: 18px 0; border-left: 3px solid var(--rule); padding-left: 12px; }
    .cell-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px;
      font-size: 12.5px; color: var(--muted); }
    .cell-head .cell-id { color: var(--muted); text-decoration: none; font-weight: 600; }
    .cell-head .tag { border: 1px solid var(--rule); border-radius: 10px; padding: 0 7px; }
    .status { border-radius: 10px; padding: 0 8px; font-weight: 600; font-size: 12px; }
    .status-ok { color: var(--ok); } .status-failed, .status-timedOut { color: #fff;
      background: var(--fail); }
    .status-notRun, .status-skipped { color: var(--muted); border: 1px dashed var(--muted); }
    .status-checkFailed { color: var(--fail); border: 1px solid var(--fail); }
    .cell-failed, .cell-timedOut, .cell-checkFailed { border-left-color: var(--fail); }
    .cell-notRun, .cell-skipped { border-left-style: dashed; }
    .cell-notRun pre.code, .cell-skipped pre.code { opacity: .65; }
    pre.code .k { color: #a626a4; } pre.code .s { color: #50a14f; }
    pre.code .n { color: #986801; } pre.code .c { color: #6a737d; font-style: italic; }
    pre.code .t { color: #0e6ba8; }
    pre.stream { background: #fff; border: 1px solid var(--rule); white-space: pre-wrap;
      word-break: break-word; max-height: 32em; overflow-y: auto; }
    pre.stderr { border-color: #e8b4b4; background: #fff8f8; color: #7d1a1a; }
    .stream-label { font: 11px system-ui, sans-serif; color: var(--muted); margin-top: 6px; }
    .truncated { color: var(--warn); font-style: italic; }
    figure { margin: 10px 0; } figure svg { display: block; }
    .value { font-size: 14px; margin: 4px 0; } .value .name { font-weight: 600; }
    .value .shown { font-family: ui-monospace, "DejaVu Sans Mono", monospace;
      font-size: .9em; }
    .value-ref { background: #eef6fb; border-bottom: 1px dotted #7aa7c7; padding: 0 .15em; }
    .missing-value { color: var(--fail); background: #fdecee; border: 1px dashed var(--fail);
      border-radius: 3px; padding: 0 .3em; font-size: .9em; }
    .check { font-size: 14px; margin: 4px 0; padding: 4px 8px; border-radius: 4px; }
    .check.pass { background: #eefaf1; } .check.fail { background: #fdecee; }
    .check .mark { font-weight: 700; } .check.pass .mark { color: var(--ok); }
    .check.fail .mark { color: var(--fail); } .check .points { float: right;
      color: var(--muted); }
    .check .message { display: block; white-space: pre-wrap; color: var(--muted); }
    .error { border: 1px solid var(--fail); background: #fdecee; border-radius: 6px;
      padding: 8px 12px; margin: 8px 0; }
    .error .where { font-family: system-ui, sans-serif; font-weight: 600; color: var(--fail); }
    .error pre { background: transparent; padding: 0; margin: 4px 0 0;
      white-space: pre-wrap; }
    .notice { font: italic 14px system-ui, sans-serif; color: var(--muted); margin: 6px 0; }
    .answer { border: 1px solid var(--rule); border-radius: 6px; padding: 6px 12px;
      margin: 12px 0; } .answer-head { font: 600 12.5px system-ui, sans-serif;
      color: var(--muted); }
    code.math { background: #f5f3ff; } code.math.display { display: block;
      text-align: center; padding: 6px; margin: .6em 0; }
    .math-rendered.display { display: block; }
    footer { margin-top: 40px; font-size: 12px; color: var(--muted);
      border-top: 1px solid var(--rule); padding-top: 8px; }
    @media print {
      @page { margin: 16mm 14mm; }
      body { font-size: 10.5pt; }
      main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      nav.toc { break-after: avoid; background: none; }
      h1, h2, h3, .cell-head { break-after: avoid; }
      figure, pre, .check, .error, .value, .answer { break-inside: avoid; }
      pre { white-space: pre-wrap; word-break: break-word; overflow: visible;
        max-height: none; border: 1px solid var(--rule); }
      pre.stream { max-height: none; overflow: visible; }
      .cell { border-left-width: 2px; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """
}
