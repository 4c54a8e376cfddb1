/**
 * SOAP API login() through the generated or toolkit clients: the Java WSC
 * (`ConnectorConfig.setPassword`, `PartnerConnection.login`), the .NET
 * `SforceService` proxy and the Force.com Toolkit for PHP.
 */

import { splitArguments } from '../arguments.js';
import type { SourceFile } from '../source-file.js';
import type { RuleMatch } from '../types.js';
import { classifyExpression } from '../values.js';
import { type Rule, allMatches, matchAt } from './rule.js';

/**
 * Reports every call matching `call`, classifying the argument at `index`
 * (negative counts from the end).
 */
function callsWithPassword(file: SourceFile, call: RegExp, index: number): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const found of allMatches(call, file.text)) {
    const list = splitArguments(file.text, found.index + found[0].length - 1, '//').arguments;
    const password = index < 0 ? list[list.length + index] : list[index];
    if (password === undefined || (index < 0 && list.length < 2)) {
      continue;
    }
    matches.push(matchAt(found.index + 1, classifyExpression(password.value, password.valueOffset)));
  }
  return matches;
}

const WSC = /\bcom\.sforce\.(?:ws|soap)\b|\bConnectorConfig\b/;

export const WSC_RULE: Rule = {
  id: 'wsc-login',
  title: 'Java WSC ConnectorConfig with username and password',
  mechanism: 'soap-login',
  ecosystem: 'Java (Force.com WSC)',
  summary: 'WSC connection that logs in with a username and password (SOAP API login()).',
  replacement:
    'Get an access token through the JWT bearer flow, then call `config.setSessionId(accessToken)` and ' +
    '`config.setServiceEndpoint(instanceUrl + "/services/Soap/u/VERSION")` instead of setUsername/setPassword.',
  appliesTo: (file) => file.language === 'java' && WSC.test(file.text),
  check: (file) => [
    ...callsWithPassword(file, /\.setPassword\s*\(/g, 0),
    ...(/\bcom\.sforce\.soap\b/.test(file.text) ? callsWithPassword(file, /\.login\s*\(/g, 1) : []),
  ],
};

const DOTNET = /\bSforceService\b|\bsforce\b|\bSoapClient\b.*\bsoap\.sforce\.com/i;

export const DOTNET_SOAP_RULE: Rule = {
  id: 'dotnet-soap-login',
  title: '.NET SforceService login()',
  mechanism: 'soap-login',
  ecosystem: '.NET (SOAP API proxy)',
  summary: '.NET SOAP API proxy calling login() with a username and password.',
  replacement:
    'Get an access token through the JWT bearer flow, set it as the SessionHeader (`sessionId`) and use ' +
    'the instance URL as the service endpoint, instead of calling login().',
  appliesTo: (file) => file.language === 'csharp' && DOTNET.test(file.text),
  check: (file) => callsWithPassword(file, /\.login(?:Async)?\s*\(/g, -1),
};

const PHP_TOOLKIT = /\bSforce(?:Partner|Enterprise|Base)Client\b|\bSforceConnection\b/;

export const PHP_TOOLKIT_RULE: Rule = {
  id: 'php-toolkit-login',
  title: 'Force.com Toolkit for PHP login()',
  mechanism: 'soap-login',
  ecosystem: 'PHP (Force.com Toolkit)',
  summary: 'PHP toolkit client calling login() with a username and password (SOAP API login()).',
  replacement:
    'Get an access token through the JWT bearer flow, then call `$client->setEndpoint($soapUrl)` and ' +
    '`$client->setSessionHeader($accessToken)` instead of login().',
  appliesTo: (file) => file.language === 'php' && PHP_TOOLKIT.test(file.text),
  check: (file) => callsWithPassword(file, /->login\s*\(/g, 1),
};
