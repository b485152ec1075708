// The audit report: a pack run rendered as one self-contained, printable HTML document.
export { renderReport, REPORT_CSP, type ReportMeta, type ReportOptions } from './render-report';
