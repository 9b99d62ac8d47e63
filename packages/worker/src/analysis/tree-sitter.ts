// Python and Java through tree-sitter's WebAssembly grammars: functions with their cyclomatic complexity
// (McCabe: 1 + the decision points inside), and code and comment lines.
import { createRequire } from "node:module";
import type { FunctionMetrics } from "@edu/domain";
import { Language as Grammar, type Node, Parser } from "web-tree-sitter";
import type { Language, SourceFile } from "./files";

const require = createRequire(import.meta.url);

// JavaScript and TypeScript are measured by ESLint (per function) and TypeScript's scanner (lines) instead.
const GRAMMAR_FILES = { python: "tree-sitter-python.wasm", java: "tree-sitter-java.wasm" } as const;
export type TreeSitterLanguage = keyof typeof GRAMMAR_FILES;

const FUNCTIONS: Partial<Record<Language, Set<string>>> = {
  python: new Set(["function_definition"]),
  java: new Set(["method_declaration", "constructor_declaration"]),
};

const DECISIONS: Partial<Record<Language, Set<string>>> = {
  python: new Set([
    "if_statement",
    "elif_clause",
    "for_statement",
    "while_statement",
    "except_clause",
    "conditional_expression",
    "boolean_operator",
    "case_clause",
    "for_in_clause",
    "if_clause",
  ]),
  java: new Set([
    "if_statement",
    "for_statement",
    "enhanced_for_statement",
    "while_statement",
    "do_statement",
    "catch_clause",
    "ternary_expression",
    "switch_label",
    "switch_rule",
  ]),
};

let parsers: Promise<Map<Language, Parser>> | undefined;

async function loadParsers(): Promise<Map<Language, Parser>> {
  await Parser.init();
  const parsers = new Map<Language, Parser>();
  // One grammar at a time: loading two WebAssembly modules at once races inside web-tree-sitter and fails
  // with "bad export type for 'tree_sitter_*_external_scanner_create'".
  for (const language of Object.keys(GRAMMAR_FILES) as TreeSitterLanguage[]) {
    const parser = new Parser();
    parser.setLanguage(
      await Grammar.load(require.resolve(`tree-sitter-wasms/out/${GRAMMAR_FILES[language]}`)),
    );
    parsers.set(language, parser);
  }
  return parsers;
}

function descendants(node: Node, visit: (n: Node) => void) {
  visit(node);
  for (const child of node.namedChildren) if (child) descendants(child, visit);
}

function isDecision(language: Language, node: Node): boolean {
  if (DECISIONS[language]?.has(node.type)) return true;
  // Java's && and || are binary expressions; each adds a path.
  return (
    language === "java" &&
    node.type === "binary_expression" &&
    ["&&", "||"].includes(node.childForFieldName("operator")?.type ?? "")
  );
}

export type TreeSitterResult = { functions: FunctionMetrics[]; commentLines: number; codeLines: number };

export async function analyzeWithTreeSitter(file: SourceFile): Promise<TreeSitterResult> {
  parsers ??= loadParsers();
  const parser = (await parsers).get(file.language);
  const tree = parser?.parse(file.text);
  if (!tree) return { functions: [], commentLines: 0, codeLines: 0 };
  const commentRows = new Set<number>();
  const codeRows = new Set<number>();
  const functions: FunctionMetrics[] = [];
  descendants(tree.rootNode, (node) => {
    if (node.type.includes("comment")) {
      for (let row = node.startPosition.row; row <= node.endPosition.row; row++) commentRows.add(row);
    } else if (node.childCount === 0) {
      codeRows.add(node.startPosition.row);
    }
    if (FUNCTIONS[file.language]?.has(node.type)) {
      let cyclomatic = 1;
      descendants(node, (inner) => {
        if (inner !== node && isDecision(file.language, inner)) cyclomatic++;
      });
      functions.push({
        filePath: file.path,
        name: node.childForFieldName("name")?.text ?? "(anonymous)",
        line: node.startPosition.row + 1,
        cyclomatic,
        cognitive: null,
        lines: node.endPosition.row - node.startPosition.row + 1,
      });
    }
  });
  tree.delete();
  return { functions, commentLines: commentRows.size, codeLines: codeRows.size };
}
