// Python and Java through tree-sitter's WebAssembly grammars: each function's name (qualified by its class and
// enclosing functions), its own cyclomatic and cognitive complexity and code lines (a nested function is
// measured on its own, never inside its parent), and the file's code and comment lines.
import { createRequire } from "node:module";
import { Language as Grammar, type Node, Parser } from "web-tree-sitter";
import { cognitiveComplexity, cyclomaticComplexity, type Dialect } from "./cognitive";
import type { Language, SourceFile } from "./files";

const require = createRequire(import.meta.url);

// JavaScript and TypeScript are measured by ESLint (per function) and TypeScript's scanner (lines) instead.
const GRAMMAR_FILES = { python: "tree-sitter-python.wasm", java: "tree-sitter-java.wasm" } as const;
export type TreeSitterLanguage = keyof typeof GRAMMAR_FILES;

const FUNCTIONS: Record<TreeSitterLanguage, Set<string>> = {
  python: new Set(["function_definition"]),
  java: new Set(["method_declaration", "constructor_declaration", "compact_constructor_declaration"]),
};

const CLASSES: Record<TreeSitterLanguage, Set<string>> = {
  python: new Set(["class_definition"]),
  java: new Set([
    "class_declaration",
    "interface_declaration",
    "enum_declaration",
    "record_declaration",
    "annotation_type_declaration",
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

/** A function as the tree gives it, before the repository-wide key is assigned. */
export type MeasuredFunction = {
  filePath: string;
  name: string;
  line: number;
  cyclomatic: number;
  cognitive: number;
  lines: number;
};

export type TreeSitterResult = {
  functions: MeasuredFunction[];
  commentLines: number;
  codeLines: number;
  /** Code lines made only of literals and punctuation (for telling data tables from code). */
  literalLines: number;
  /** 1-based numbers of the code lines (not comments, docstrings or blank lines). */
  codeRows: Set<number>;
};

const isDocstring = (node: Node) =>
  node.type === "expression_statement" &&
  node.namedChildCount === 1 &&
  node.namedChildren[0]?.type === "string";

const LITERALS = new Set([
  "string",
  "string_start",
  "string_content",
  "string_end",
  "escape_sequence",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "null_literal",
  "decimal_integer_literal",
  "hex_integer_literal",
  "decimal_floating_point_literal",
  "string_literal",
  "string_fragment",
  "character_literal",
]);
const isPunctuation = (node: Node) => !node.isNamed && /^[[\]{}(),:;=.\-"']+$/.test(node.type);

export async function analyzeWithTreeSitter(file: SourceFile): Promise<TreeSitterResult> {
  parsers ??= loadParsers();
  const language = file.language as TreeSitterLanguage;
  const parser = (await parsers).get(language);
  const tree = parser?.parse(file.text);
  if (!tree) return { functions: [], commentLines: 0, codeLines: 0, literalLines: 0, codeRows: new Set() };
  const dialect = language as Dialect;
  const commentRows = new Set<number>();
  const codeRows = new Set<number>();
  const nonLiteralRows = new Set<number>();
  const functions: MeasuredFunction[] = [];
  const isFunction = (n: Node) => FUNCTIONS[language].has(n.type);

  // Lines: every leaf is code, except comments and docstrings (Python's documentation comments).
  const countLines = (node: Node) => {
    if (node.type.includes("comment") || isDocstring(node)) {
      for (let row = node.startPosition.row; row <= node.endPosition.row; row++) commentRows.add(row);
      return;
    }
    if (LITERALS.has(node.type)) {
      for (let row = node.startPosition.row; row <= node.endPosition.row; row++) codeRows.add(row);
      return;
    }
    if (node.childCount === 0) {
      codeRows.add(node.startPosition.row);
      if (!isPunctuation(node) && !isKey(node)) nonLiteralRows.add(node.startPosition.row);
      return;
    }
    for (const child of node.children) if (child) countLines(child);
  };
  countLines(tree.rootNode);

  // Functions, named by the classes and functions around them.
  const walk = (node: Node, scope: string[]) => {
    const named = node.childForFieldName("name")?.text;
    if (isFunction(node)) {
      const name = [...scope, named ?? "(anonymous)"].join(".");
      functions.push({
        filePath: file.path,
        name,
        line: node.startPosition.row + 1,
        cyclomatic: cyclomaticComplexity(dialect, node, isFunction),
        cognitive: cognitiveComplexity(dialect, node, isFunction),
        lines: ownCodeLines(node, isFunction),
      });
      for (const child of node.namedChildren) if (child) walk(child, [...scope, named ?? "(anonymous)"]);
      return;
    }
    const inner = CLASSES[language].has(node.type) && named ? [...scope, named] : scope;
    for (const child of node.namedChildren) if (child) walk(child, inner);
  };
  walk(tree.rootNode, []);
  tree.delete();
  let literalLines = 0;
  for (const row of codeRows) if (!nonLiteralRows.has(row)) literalLines++;
  return {
    functions,
    commentLines: commentRows.size,
    codeLines: codeRows.size,
    literalLines,
    codeRows: new Set([...codeRows].map((row) => row + 1)),
  };
}

/** An identifier used as a key of a literal (`{"a": 1}` has none; Java's `a = 1` in annotations does). */
function isKey(node: Node): boolean {
  return node.parent?.type === "pair" || node.parent?.type === "keyword_argument";
}

/** Rows holding a token of this function and not only of a function nested in it. */
function ownCodeLines(fn: Node, isFunction: (n: Node) => boolean): number {
  const rows = new Set<number>();
  const visit = (node: Node) => {
    if (node !== fn && isFunction(node)) return;
    if (node.childCount === 0) {
      if (!node.type.includes("comment")) rows.add(node.startPosition.row);
      return;
    }
    for (const child of node.children) if (child) visit(child);
  };
  visit(fn);
  return rows.size;
}
