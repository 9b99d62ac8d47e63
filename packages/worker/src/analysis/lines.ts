import ts from "typescript";
import type { SourceFile } from "./files";

/** Code and comment lines of a JavaScript or TypeScript file, from TypeScript's own scanner. */
export function countJavaScriptLines(file: SourceFile): { codeLines: number; commentLines: number } {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    file.language === "tsx" || file.path.endsWith("x") ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard,
    file.text,
  );
  const lineOf = (pos: number) => ts.getLineAndCharacterOfPosition(source, pos).line;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest);
  const code = new Set<number>();
  const comments = new Set<number>();
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.WhitespaceTrivia || token === ts.SyntaxKind.NewLineTrivia) continue;
    const target =
      token === ts.SyntaxKind.SingleLineCommentTrivia || token === ts.SyntaxKind.MultiLineCommentTrivia
        ? comments
        : code;
    for (let line = lineOf(scanner.getTokenStart()); line <= lineOf(scanner.getTokenEnd()); line++)
      target.add(line);
  }
  return { codeLines: code.size, commentLines: comments.size };
}
