/**
 * How an input is named in reports and messages: files as given, URLs without credentials
 * (`user:***@`, and `password=` query parameters masked), so a report never carries a password.
 */
export function displayName(input: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return input;
  return input
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i, (_all, scheme: string, userinfo: string) => `${scheme}${userinfo.includes(':') ? `${userinfo.split(':')[0]}:***` : userinfo}@`)
    .replace(/([?&](?:password|passwd|pwd)=)[^&#]*/gi, '$1***');
}
