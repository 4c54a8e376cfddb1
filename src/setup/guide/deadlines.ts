/**
 * Salesforce's retirement dates that make the move to the JWT bearer flow
 * urgent (Salesforce Help article 005461976, release notes of Spring '26
 * and Summer '27).
 */
export const DEADLINE_WARNINGS: readonly string[] = [
  'Salesforce retires the OAuth username-password flow for connected apps on 20 February 2027, with no extension; ' +
    'External Client Apps never supported it.',
  "SOAP API login() is absent from API 65.0 on and is retired for API versions 31.0 to 64.0 in Summer '27.",
  "Since Spring '26 new connected apps cannot be created, in Setup or through the Metadata API, without a " +
    'Salesforce Support request; existing connected apps keep working.',
];
