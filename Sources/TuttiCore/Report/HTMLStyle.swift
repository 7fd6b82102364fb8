/// The style sheet of HTML reports: a light theme, system fonts only (nothing fetched), readable
/// tables, and print rules that keep charts and table rows whole.
enum HTMLStyle {
    /// The colour of filtered bars.
    static let filteredColour = "#4c78a8"
    /// The colour of the selected part of bars (drawn hatched as well).
    static let selectedColour = "#e8833a"
    /// The colour of the hatch lines over the selected part.
    static let hatchColour = "#7a3a0c"
    /// A histogram's metric per bin (markers and their scale).
    static let overlayColour = "#2a9d4b"

    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #fff; color: #1f2328;
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    main, header, nav { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
    header { padding-top: 28px; }
    h1 { font-size: 1.7em; margin: 0 0 4px; }
    h2 { font-size: 1.3em; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 1px solid #d0d7de; break-after: avoid; }
    h3 { font-size: 1.05em; margin: 24px 0 6px; break-after: avoid; }
    p.generated { color: #57606a; margin: 0; }
    nav { margin-top: 16px; color: #57606a; }
    nav ol { margin: 4px 0 0; padding-left: 22px; columns: 2; }
    nav a { color: #0969da; text-decoration: none; }
    code, .code { font-family: ui-monospace, "DejaVu Sans Mono", "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.92em; }
    code { background: #f3f4f6; border-radius: 4px; padding: 1px 5px; }
    p.note { border-left: 4px solid #d4a72c; background: #fff8e5; padding: 8px 12px; }
    ul { padding-left: 22px; }
    .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
    table { border-collapse: collapse; font-size: 0.9em; }
    p.caption { color: #57606a; margin: 16px 0 6px; font-style: italic; }
    th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; }
    th { background: #f6f8fa; text-align: left; white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.code { white-space: pre-wrap; }
    .wide td { white-space: nowrap; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    figure { margin: 8px 0 16px; }
    figure svg { max-width: 100%; height: auto; display: block; }
    svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1f2328; }
    svg .axis { stroke: #57606a; stroke-width: 1; }
    svg .grid { stroke: #e5e7eb; stroke-width: 1; }
    table.instance th[scope=row] { white-space: nowrap; }
    table.instance td.long { white-space: pre-wrap; overflow-wrap: anywhere; min-width: 24ch; max-width: 80ch; }
    table.instance td.missing { color: #57606a; font-style: italic; }
    table.instance td.vector svg { display: block; margin: 2px 0; }
    table.instance .range { color: #57606a; font-size: 0.9em; }
    details { margin: 4px 0 16px; }
    summary { cursor: pointer; color: #57606a; }
    @media print {
      body { font-size: 11pt; }
      main, header, nav { max-width: none; padding: 0; }
      nav { display: none; }
      .table-wrap { overflow: visible; }
      .wide table { font-size: 7pt; }
      .wide td { white-space: normal; }
      figure, tr { break-inside: avoid; }
      a { color: inherit; }
    }
    """
}
