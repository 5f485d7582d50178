/** Building blocks of the plain-text renderings: banner titles and underlined sections. */
export const RULE_WIDTH = 80;

export function banner(title: string): string[] {
  return ['='.repeat(RULE_WIDTH), title, '='.repeat(RULE_WIDTH)];
}

export function section(title: string): string[] {
  return [title, '-'.repeat(40)];
}

export function indentBlock(text: string, indent: string): string[] {
  return text.split('\n').map((line) => `${indent}${line}`);
}
