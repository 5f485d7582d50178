import { exitCodeForReport } from '@migration-architect/core';
import type { GateResult } from '../report/gate-result.js';

function xml(text: string): string {
  // Characters XML 1.0 cannot carry at all are dropped; the five specials escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/**
 * JUnit XML, for CI systems that show test reports: one test case per input, failing when its
 * findings reach the gate's threshold (or it could not be read), the findings in the failure text.
 */
export function renderGateJunit(result: GateResult): string {
  const cases = result.inputs.map((input) => {
    const name = `${input.kind} ${input.path}`;
    const issues = input.report?.issues ?? [];
    const failing = input.error !== null || (input.report !== null && exitCodeForReport(input.report, result.fail_on) !== 0);
    const text = [
      ...(input.error ? [input.error] : []),
      ...issues.map(
        (i) => `${i.severity} ${i.code ?? i.rule} ${i.location ? `${i.location.file}${i.location.line ? `:${i.location.line}` : ''} ` : ''}${i.description}`,
      ),
    ].join('\n');
    const body = failing
      ? `\n      <failure message="${xml(`${issues.length} finding(s)${input.error ? '; not checked' : ''}`)}" type="${xml(input.error ? 'error' : result.fail_on)}">${xml(text)}</failure>\n    `
      : text
        ? `\n      <system-out>${xml(text)}</system-out>\n    `
        : '';
    return `    <testcase classname="${xml(`migration-architect.gate.${input.checker}`)}" name="${xml(name)}">${body}</testcase>`;
  });
  const failures = result.inputs.filter((i) => i.error !== null || (i.report !== null && exitCodeForReport(i.report, result.fail_on) !== 0)).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="migration-architect gate" tests="${result.inputs.length}" failures="${failures}">`,
    `  <testsuite name="migration-architect gate" tests="${result.inputs.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
