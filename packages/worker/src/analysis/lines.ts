import ts from "typescript";
import type { SourceFile } from "./files";

const LITERAL_TOKENS = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.OpenBracketToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.OpenBraceToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.OpenParenToken,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CommaToken,
  ts.SyntaxKind.ColonToken,
  ts.SyntaxKind.SemicolonToken,
  ts.SyntaxKind.MinusToken,
  ts.SyntaxKind.DotToken,
]);

// After these a `/` divides; anywhere else it starts a regular expression.
const ENDS_EXPRESSION = new Set([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
]);

/** Where each line starts, with TypeScript's line breaks: \n, \r\n, \r, U+2028 and U+2029. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) starts.push(i + 1);
  }
  return starts;
}

/**
 * Code and comment lines of a JavaScript or TypeScript file, from TypeScript's own scanner, and how many code
 * lines hold nothing but literals, punctuation and object keys (the rows of a data table).
 */
export function countJavaScriptLines(file: SourceFile): {
  codeLines: number;
  commentLines: number;
  literalLines: number;
  /** 1-based numbers of the code lines. */
  codeRows: Set<number>;
} {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    file.language === "tsx" || file.path.endsWith("x") ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard,
    file.text,
  );
  // Line numbers from the line starts alone (no syntax tree): tokens come in order, so the line of a token's
  // start only moves forward, and its end is at or after it.
  const lineStarts = computeLineStarts(file.text);
  let cursor = 0;
  const lineFrom = (from: number, pos: number) => {
    let line = from;
    while (line + 1 < lineStarts.length && (lineStarts[line + 1] as number) <= pos) line++;
    return line;
  };
  const code = new Set<number>();
  const comments = new Set<number>();
  const nonLiteral = new Set<number>();
  let pendingIdentifierRow: number | undefined; // an identifier that is a key if a colon follows
  // The scanner alone cannot tell a template's `}` from a block's, nor a regular expression from a division.
  const templateBraces: number[] = [];
  let previous: ts.SyntaxKind = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.WhitespaceTrivia || token === ts.SyntaxKind.NewLineTrivia) continue;
    const depth = templateBraces.at(-1);
    if (token === ts.SyntaxKind.OpenBraceToken && depth !== undefined)
      templateBraces.push((templateBraces.pop() as number) + 1);
    else if (token === ts.SyntaxKind.CloseBraceToken && depth !== undefined) {
      templateBraces.pop();
      if (depth === 0) {
        token = scanner.reScanTemplateToken(false);
        if (token !== ts.SyntaxKind.TemplateTail) templateBraces.push(0);
      } else templateBraces.push(depth - 1);
    } else if (
      (token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) &&
      !ENDS_EXPRESSION.has(previous)
    )
      token = scanner.reScanSlashToken();
    if (token === ts.SyntaxKind.TemplateHead) templateBraces.push(0);
    const isTrivia =
      token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia;
    if (!isTrivia) previous = token;
    const isComment =
      token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia;
    const target = isComment ? comments : code;
    cursor = lineFrom(cursor, scanner.getTokenStart());
    const start = cursor;
    const end = lineFrom(start, scanner.getTokenEnd());
    for (let line = start; line <= end; line++) target.add(line);
    if (isComment) continue;
    if (pendingIdentifierRow !== undefined && token !== ts.SyntaxKind.ColonToken)
      nonLiteral.add(pendingIdentifierRow);
    pendingIdentifierRow = undefined;
    if (token === ts.SyntaxKind.Identifier) pendingIdentifierRow = start;
    else if (!LITERAL_TOKENS.has(token)) nonLiteral.add(start);
  }
  if (pendingIdentifierRow !== undefined) nonLiteral.add(pendingIdentifierRow);
  let literalLines = 0;
  for (const line of code) if (!nonLiteral.has(line)) literalLines++;
  return {
    codeLines: code.size,
    commentLines: comments.size,
    literalLines,
    codeRows: new Set([...code].map((line) => line + 1)),
  };
}
