// Cyclomatic and cognitive complexity of one Python or Java function from its tree-sitter syntax tree, its
// own body only: a nested function (or a method of a local class) is measured on its own.
//
// Cognitive complexity follows SonarSource's specification (G. Ann Campbell, "Cognitive Complexity", 2017):
// - +1 for each break in the linear flow: if, else if / elif, else, ternary, switch / match, each loop,
//   catch / except, a jump to a label (`break outer;`), and each sequence of like boolean operators
//   (`a and b and c` +1, `a and b or c` +2);
// - + the nesting level for the structures that nest (if, ternary, switch/match, loops, catch/except); else,
//   elif / else if and boolean sequences take no nesting increment;
// - nesting grows inside those structures and inside lambdas (which are part of the function).
// Recursion is not counted (the specification's optional increment).
import type { Node } from "web-tree-sitter";

export type Dialect = "python" | "java";

const CYCLOMATIC: Record<Dialect, Set<string>> = {
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

/** `and`/`or` (Python), `&&`/`||` (Java); undefined for anything else. */
function booleanOperator(dialect: Dialect, node: Node): string | undefined {
  if (dialect === "python" && node.type === "boolean_operator")
    return node.childForFieldName("operator")?.type;
  if (dialect === "java" && node.type === "binary_expression") {
    const op = node.childForFieldName("operator")?.type;
    return op === "&&" || op === "||" ? op : undefined;
  }
  return undefined;
}

/** McCabe: 1 + the decision points of the function's own body. */
export function cyclomaticComplexity(dialect: Dialect, fn: Node, isFunction: (n: Node) => boolean): number {
  let complexity = 1;
  const visit = (node: Node) => {
    for (const child of node.namedChildren) {
      if (!child || isFunction(child)) continue;
      if (CYCLOMATIC[dialect].has(child.type) || booleanOperator(dialect, child)) {
        // A default label (`default:`) is not a decision.
        if (!(child.type === "switch_label" && child.text.startsWith("default"))) complexity++;
      }
      visit(child);
    }
  };
  visit(fn);
  return complexity;
}

// Structures charged 1 + nesting, whose inner parts are one level deeper.
const NESTING: Record<Dialect, Set<string>> = {
  python: new Set([
    "if_statement",
    "for_statement",
    "while_statement",
    "except_clause",
    "match_statement",
    "conditional_expression",
  ]),
  java: new Set([
    "if_statement",
    "for_statement",
    "enhanced_for_statement",
    "while_statement",
    "do_statement",
    "catch_clause",
    "switch_expression",
    "switch_statement",
    "ternary_expression",
  ]),
};
const LAMBDAS = new Set(["lambda", "lambda_expression"]);
// Parts of a structure evaluated before it branches: they stay at the structure's own nesting level.
const HEADER_FIELDS = new Set(["condition", "subject", "right", "value", "init", "update"]);

/** SonarSource cognitive complexity of the function's own body. */
export function cognitiveComplexity(dialect: Dialect, fn: Node, isFunction: (n: Node) => boolean): number {
  let total = 0;
  const counted = new Set<number>();

  const booleanSequences = (root: Node) => {
    const ops: string[] = [];
    const collect = (node: Node) => {
      const op = booleanOperator(dialect, node);
      if (op) {
        counted.add(node.id);
        const left = node.childForFieldName("left");
        const right = node.childForFieldName("right");
        if (left) collect(left);
        ops.push(op);
        if (right) collect(right);
      } else if (node.type === "parenthesized_expression" && node.namedChildCount === 1) {
        const inner = node.namedChildren[0];
        if (inner) collect(inner);
      }
    };
    collect(root);
    return ops.filter((op, i) => op !== ops[i - 1]).length;
  };

  const visitChildren = (node: Node, nesting: number) => {
    for (const child of node.namedChildren) if (child) visit(child, nesting);
  };

  /** A structure's parts: header fields at its level, the rest one deeper. */
  const visitParts = (node: Node, nesting: number, skip?: (child: Node) => boolean) => {
    for (let i = 0; i < node.namedChildCount; i++) {
      const child = node.namedChild(i);
      if (!child || skip?.(child)) continue;
      const field = node.fieldNameForNamedChild(i);
      const isHeader =
        (field !== null && HEADER_FIELDS.has(field)) ||
        // Python's `x if cond else y` names no fields: its condition is the middle operand.
        (node.type === "conditional_expression" && i === 1) ||
        // Java's `while (c)` and `switch (x)` keep their condition in a parenthesized expression or condition.
        child.type === "condition" ||
        (node.type === "do_statement" && child.type === "parenthesized_expression");
      visit(child, isHeader ? nesting : nesting + 1);
    }
  };

  /** Python: `if` charged with nesting, each `elif` and `else` +1 flat, their bodies one level deeper. */
  const visitIf = (node: Node, nesting: number) => {
    total += 1 + nesting;
    visitParts(node, nesting, (child) => child.type === "elif_clause" || child.type === "else_clause");
    for (const child of node.namedChildren) {
      if (child?.type === "elif_clause") {
        total += 1;
        visitParts(child, nesting);
      } else if (child?.type === "else_clause") {
        total += 1;
        visitChildren(child, nesting + 1);
      }
    }
  };

  /** Java: an `else if` is +1 flat and keeps the chain's nesting; a final `else` +1. */
  const visitJavaIf = (node: Node, nesting: number, elseIf: boolean) => {
    total += elseIf ? 1 : 1 + nesting;
    const alternative = node.childForFieldName("alternative");
    visitParts(node, nesting, (child) => child.id === alternative?.id);
    if (!alternative) return;
    if (alternative.type === "if_statement") visitJavaIf(alternative, nesting, true);
    else {
      total += 1;
      visit(alternative, nesting + 1);
    }
  };

  const visit = (node: Node, nesting: number) => {
    if (isFunction(node)) return; // measured on its own
    if (node.type === "if_statement") {
      if (dialect === "java") visitJavaIf(node, nesting, false);
      else visitIf(node, nesting);
      return;
    }
    if (NESTING[dialect].has(node.type)) {
      total += 1 + nesting;
      visitParts(node, nesting, (child) => child.type === "else_clause");
      // Python's loop `else:` is a branch of its own.
      for (const child of node.namedChildren)
        if (child?.type === "else_clause") {
          total += 1;
          visitChildren(child, nesting + 1);
        }
      return;
    }
    if (LAMBDAS.has(node.type)) {
      visitChildren(node, nesting + 1);
      return;
    }
    if (booleanOperator(dialect, node) && !counted.has(node.id)) total += booleanSequences(node);
    // A comprehension's `for` and `if` are flat branches (Python).
    if (node.type === "for_in_clause" || node.type === "if_clause") total += 1;
    // `break label;` / `continue label;` jump out of the flow (Java).
    if ((node.type === "break_statement" || node.type === "continue_statement") && node.namedChildCount > 0)
      total += 1;
    visitChildren(node, nesting);
  };

  visitChildren(fn, 0);
  return total;
}
