/**
 * Tells the language or file format of a scanned file from its name, and
 * whether it is a test fixture or documentation (which lowers severity).
 */

export type Language =
  | 'shell'
  | 'python'
  | 'javascript'
  | 'java'
  | 'csharp'
  | 'go'
  | 'php'
  | 'ruby'
  | 'apex'
  | 'postman'
  | 'xml'
  | 'properties'
  | 'yaml'
  | 'json'
  | 'env'
  | 'terraform'
  | 'toml'
  | 'ini'
  | 'docs'
  | 'other';

const BY_EXTENSION: Record<string, Language> = {
  sh: 'shell', bash: 'shell', zsh: 'shell', ksh: 'shell', fish: 'shell', ps1: 'shell', psm1: 'shell',
  bat: 'shell', cmd: 'shell',
  py: 'python', pyw: 'python', ipynb: 'python',
  js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascript', ts: 'javascript',
  mts: 'javascript', cts: 'javascript', tsx: 'javascript', vue: 'javascript', svelte: 'javascript',
  java: 'java', kt: 'java', kts: 'java', scala: 'java', groovy: 'java', gradle: 'java',
  cs: 'csharp', vb: 'csharp', fs: 'csharp',
  go: 'go',
  php: 'php', phtml: 'php',
  rb: 'ruby', rake: 'ruby', gemspec: 'ruby',
  cls: 'apex', trigger: 'apex', apex: 'apex',
  xml: 'xml', wsdl: 'xml', config: 'xml',
  properties: 'properties',
  yml: 'yaml', yaml: 'yaml',
  json: 'json', jsonc: 'json',
  env: 'env',
  tf: 'terraform', tfvars: 'terraform', hcl: 'terraform',
  toml: 'toml',
  ini: 'ini', cfg: 'ini', conf: 'ini',
  md: 'docs', markdown: 'docs', mdx: 'docs', rst: 'docs', adoc: 'docs', asciidoc: 'docs', txt: 'docs',
};

const BY_NAME: Record<string, Language> = {
  makefile: 'shell', dockerfile: 'shell', jenkinsfile: 'java', gemfile: 'ruby', rakefile: 'ruby',
};

// Template suffixes that hide the real extension: `.env.example`, `config.yml.sample`.
const TEMPLATE_SUFFIX = /\.(?:example|sample|template|tmpl|dist|orig|bak|local)$/i;

/** Detects the language of `path` (POSIX separators); `head` is the start of the file, for shebangs. */
export function detectLanguage(path: string, head: string): Language {
  const name = (path.slice(path.lastIndexOf('/') + 1) || path).toLowerCase();
  if (name.endsWith('.postman_collection.json') || (name.endsWith('.json') && head.includes('getpostman.com'))) {
    return 'postman';
  }
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) {
    return 'env';
  }
  const base = name.replace(TEMPLATE_SUFFIX, '');
  const byName = BY_NAME[base];
  if (byName !== undefined) {
    return byName;
  }
  const dot = base.lastIndexOf('.');
  const byExtension = dot > 0 ? BY_EXTENSION[base.slice(dot + 1)] : undefined;
  if (byExtension !== undefined) {
    return byExtension;
  }
  return /^#!.*\b(?:sh|bash|zsh|ksh)\b/.test(head) ? 'shell' : 'other';
}

const TEST_SEGMENT = /^(?:tests?|__tests__|specs?|fixtures?|__fixtures__|testdata|test-data|mocks?|__mocks__|e2e)$/i;
const TEST_NAME = /(?:\.(?:test|spec)\.[^.]+$|_test\.[^.]+$|^test_[^/]+\.py$|Tests?\.(?:java|kt|cs|cls|scala|groovy)$)/;
const DOCS_SEGMENT = /^(?:docs?|documentation)$/i;

/** Role of a file, from its path relative to the scanned folder: test fixtures and docs lower severity. */
export type FileRole = 'code' | 'test' | 'docs';

export function detectRole(rootRelativePath: string, language: Language): FileRole {
  const segments = rootRelativePath.split('/');
  const name = segments.pop() ?? '';
  if (segments.some((segment) => TEST_SEGMENT.test(segment)) || TEST_NAME.test(name)) {
    return 'test';
  }
  if (language === 'docs' || segments.some((segment) => DOCS_SEGMENT.test(segment))) {
    return 'docs';
  }
  return 'code';
}

const HASH = ['#'];
const SLASH = ['//', '/*', '*'];
const COMMENT_MARKERS: Partial<Record<Language, readonly string[]>> = {
  shell: ['#', 'REM ', 'rem ', '::'],
  python: HASH,
  ruby: HASH,
  yaml: HASH,
  env: HASH,
  toml: HASH,
  properties: ['#', '!'],
  ini: ['#', ';'],
  terraform: ['#', ...SLASH],
  javascript: SLASH,
  java: SLASH,
  csharp: [...SLASH, "'"],
  go: SLASH,
  apex: SLASH,
  php: ['#', ...SLASH],
  xml: ['<!--'],
  other: ['#', ...SLASH],
};

/** Tells whether a line is a comment in `language`, judged by how it starts; findings there are prose. */
export function isCommentLine(language: Language, line: string): boolean {
  const markers = COMMENT_MARKERS[language];
  if (markers === undefined) {
    return false;
  }
  const trimmed = line.trimStart();
  return markers.some((marker) => trimmed.startsWith(marker));
}
