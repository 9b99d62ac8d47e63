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
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest);
  const lineOf = (pos: number) => ts.getLineAndCharacterOfPosition(source, pos).line;
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
    const start = lineOf(scanner.getTokenStart());
    for (let line = start; line <= lineOf(scanner.getTokenEnd()); line++) target.add(line);
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
