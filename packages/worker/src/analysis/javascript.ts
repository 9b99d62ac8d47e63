// JavaScript and TypeScript: ESLint's Node API measures each function and reports lint findings with
// @eslint/js's recommended rules, on the texts already read.
//
// Per-function metrics come from one rule of our own, `edu/functions`, that runs ESLint's `complexity` and
// SonarJS's `cognitive-complexity` inside it and takes each value from the function node the inner rule was
// visiting when it reported, never from a message string. The function's name comes from the same node (its
// id, the variable, property, method or class it is assigned to, or the call it is passed to), and its own
// code lines are the lines holding its tokens and not only a nested function's.

import type { Finding } from "@edu/domain";
import js from "@eslint/js";
import type { Rule } from "eslint";
import { ESLint, type Linter } from "eslint";
import { builtinRules } from "eslint/use-at-your-own-risk";
import sonarjs from "eslint-plugin-sonarjs";
import tseslint from "typescript-eslint";
import type { SourceFile } from "./files";
import type { MeasuredFunction } from "./tree-sitter";

const CODE = "**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}";

type EsNode = Rule.Node & {
  id?: { name?: string } | null;
  key?: EsNode;
  computed?: boolean;
  name?: string;
  value?: unknown;
  callee?: EsNode;
  left?: EsNode;
  range: [number, number];
};
type FunctionRecord = { node: EsNode; name: string; cyclomatic: number; cognitive: number; lines: number };

// Filled by `edu/functions` while ESLint lints a file (in this thread), read and removed right after; keyed by
// absolute path.
const collected = new Map<string, FunctionRecord[]>();

const isFunctionNode = (node: { type: string } | undefined): node is EsNode =>
  !!node &&
  (node.type === "FunctionDeclaration" ||
    node.type === "FunctionExpression" ||
    node.type === "ArrowFunctionExpression");

function keyName(key: EsNode | undefined, computed: boolean | undefined, text: (n: EsNode) => string) {
  if (!key) return undefined;
  if (key.type === "Identifier" && !computed) return key.name;
  if (key.type === "PrivateIdentifier") return `#${key.name}`;
  if (key.type === "Literal") return String(key.value);
  return `[${short(text(key))}]`;
}

/** Source text on one line, at most 40 characters (the end of a long call chain, which names the call). */
const short = (source: string) => {
  const flat = source.replace(/\s+/g, "");
  return flat.length > 40 ? `…${flat.slice(-39)}` : flat;
};

/** The name a reader would use for a function, from its node and its parent. */
export function functionName(node: EsNode, text: (n: EsNode) => string): string {
  if (node.id?.name) return node.id.name;
  const parent = node.parent as EsNode;
  switch (parent?.type as string) {
    case "VariableDeclarator": {
      const id = (parent as unknown as { id: EsNode }).id;
      return id.type === "Identifier" ? (id.name ?? "(anonymous)") : short(text(id));
    }
    case "MethodDefinition":
    case "PropertyDefinition":
    case "Property":
    case "TSAbstractMethodDefinition": {
      const name = keyName(parent.key, parent.computed, text) ?? "(anonymous)";
      const kind = (parent as unknown as { kind?: string }).kind;
      return kind === "get" || kind === "set" ? `${kind} ${name}` : name;
    }
    case "AssignmentExpression":
      return parent.left ? short(text(parent.left)) : "(anonymous)";
    case "ExportDefaultDeclaration":
      return "default";
    case "CallExpression":
    case "NewExpression":
      return parent.callee && parent.callee !== node
        ? `(callback of ${short(text(parent.callee))})`
        : "(anonymous)";
    default:
      return "(anonymous)";
  }
}

const className = (node: EsNode): string | undefined => {
  if (node.id?.name) return node.id.name;
  const parent = node.parent as EsNode;
  if (parent?.type === "VariableDeclarator") return (parent as unknown as { id: EsNode }).id.name;
  return undefined;
};

type Listener = (...args: unknown[]) => void;

/** Runs `rule` with `options`, handing each report's function node and data to `onReport`. */
function innerRule(
  context: Rule.RuleContext,
  rule: Rule.RuleModule,
  options: unknown[],
  onReport: (node: EsNode, data: Record<string, unknown>) => void,
  sourceCode = context.sourceCode,
): Record<string, Listener> {
  let visiting: EsNode | undefined;
  const proxy = Object.create(context, {
    options: { value: options },
    sourceCode: { value: sourceCode },
    report: {
      value: (descriptor: { node?: EsNode; data?: Record<string, unknown> }) => {
        const node = isFunctionNode(descriptor.node) ? descriptor.node : visiting;
        if (node && isFunctionNode(node)) onReport(node, descriptor.data ?? {});
      },
    },
  }) as Rule.RuleContext;
  const listeners = rule.create(proxy) as Record<string, Listener>;
  return Object.fromEntries(
    Object.entries(listeners).map(([selector, listener]) => [
      selector,
      (...args: unknown[]) => {
        // Only a function node changes what is being visited (most calls are for other nodes).
        if (!isFunctionNode(args[0] as EsNode)) return listener(...args);
        const previous = visiting;
        visiting = args[0] as EsNode;
        try {
          listener(...args);
        } finally {
          visiting = previous;
        }
      },
    ]),
  );
}

function mergeListeners(...all: Record<string, Listener>[]): Record<string, Listener> {
  const merged: Record<string, Listener[]> = {};
  for (const listeners of all)
    for (const [selector, listener] of Object.entries(listeners)) {
      const list = merged[selector] ?? [];
      list.push(listener);
      merged[selector] = list;
    }
  return Object.fromEntries(
    Object.entries(merged).map(([selector, list]) => [
      selector,
      list.length === 1
        ? (list[0] as Listener)
        : (...args: unknown[]) => {
            for (const listener of list) listener(...args);
          },
    ]),
  );
}

const complexityRule = builtinRules.get("complexity") as Rule.RuleModule;
const cognitiveRule = (sonarjs as unknown as { rules: Record<string, Rule.RuleModule> }).rules[
  "cognitive-complexity"
] as Rule.RuleModule;

/**
 * SonarJS asks for all tokens of a node, or all tokens before an arrow function's body, only to place its report
 * and its secondary locations (quadratic in a file's size), which we drop: we take the number. It gets a
 * SourceCode whose `getTokens` answers with the first token (all it reads besides places) and `getTokensBefore`
 * with none.
 */
const placeless = (source: Rule.RuleContext["sourceCode"]) =>
  Object.create(source, {
    getTokens: { value: (node: EsNode) => [source.getFirstToken(node)] },
    getTokensBefore: { value: () => [] },
  }) as Rule.RuleContext["sourceCode"];

const functionsRule: Rule.RuleModule = {
  meta: { type: "suggestion", schema: [] },
  create(context) {
    const source = context.sourceCode;
    const text = (n: EsNode) => source.getText(n);
    const records = new Map<EsNode, FunctionRecord>();
    const scope: string[] = [];
    const record = (node: EsNode) => {
      let entry = records.get(node);
      if (!entry) {
        entry = { node, name: "", cyclomatic: 1, cognitive: 0, lines: 0 };
        records.set(node, entry);
      }
      return entry;
    };
    const own = {
      ":function"(node: unknown) {
        const fn = node as EsNode;
        const name = functionName(fn, text);
        record(fn).name = [...scope, name].join(".");
        scope.push(name);
      },
      ":function:exit"() {
        scope.pop();
      },
      "ClassDeclaration, ClassExpression"(node: unknown) {
        scope.push(className(node as EsNode) ?? "(class)");
      },
      "ClassDeclaration, ClassExpression:exit"() {
        scope.pop();
      },
      "Program:exit"() {
        // Each code line belongs to the innermost function holding one of its tokens.
        const fns = [...records.values()].sort((a, b) => a.node.range[0] - b.node.range[0]);
        const rows = new Map<FunctionRecord, Set<number>>(fns.map((f) => [f, new Set()]));
        const open: FunctionRecord[] = [];
        let next = 0;
        for (const token of source.ast.tokens) {
          while (open.length && (open.at(-1)?.node.range[1] ?? 0) <= token.range[0]) open.pop();
          while (next < fns.length && (fns[next]?.node.range[0] ?? 0) <= token.range[0]) {
            const fn = fns[next++] as FunctionRecord;
            while (open.length && (open.at(-1)?.node.range[1] ?? 0) <= fn.node.range[0]) open.pop();
            open.push(fn);
          }
          const inner = open.at(-1);
          if (inner && token.range[1] <= inner.node.range[1]) rows.get(inner)?.add(token.loc.start.line);
        }
        for (const fn of fns) fn.lines = rows.get(fn)?.size ?? 0;
        collected.set(context.filename, fns);
      },
    };
    return mergeListeners(
      innerRule(context, complexityRule, [0], (node, data) => {
        record(node).cyclomatic = Number(data.complexity);
      }),
      innerRule(
        context,
        cognitiveRule,
        [0],
        (node, data) => {
          record(node).cognitive = Number(data.complexityAmount);
        },
        placeless(source),
      ),
      own as Record<string, Listener>,
    ) as Rule.RuleListener;
  },
};

const config: Linter.Config[] = [
  {
    files: [CODE],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    languageOptions: {
      parser: tseslint.parser as Linter.Parser,
      // No type information is asked for, so no map between ESTree and TypeScript nodes is kept.
      parserOptions: { preserveNodeMaps: false },
    },
  },
  { files: [CODE], rules: js.configs.recommended.rules },
  // Type-only code and globals the linter cannot see are not the student's mistakes.
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: { "no-undef": "off", "no-unused-vars": "off", "no-redeclare": "off" },
  },
  { files: [CODE], rules: { "no-undef": "off" } },
  {
    files: [CODE],
    plugins: { edu: { rules: { functions: functionsRule } } },
    rules: { "edu/functions": "warn" },
  },
];

export async function analyzeJavaScript(
  root: string,
  files: SourceFile[],
): Promise<{ functions: MeasuredFunction[]; findings: Finding[] }> {
  const targets = files.filter((f) => f.language !== "python" && f.language !== "java");
  if (targets.length === 0) return { functions: [], findings: [] };
  // `lintText`, not `Linter.verify`: the ESLint object merges and validates the config once per kind of file, a
  // Linter given the config array on every call does that per file.
  const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: config });
  const functions: MeasuredFunction[] = [];
  const findings: Finding[] = [];
  for (const { path: filePath, absolutePath, text } of targets) {
    const [result] = await eslint.lintText(text, { filePath: absolutePath });
    const messages = result?.messages ?? [];
    for (const fn of collected.get(absolutePath) ?? []) {
      functions.push({
        filePath,
        name: fn.name,
        line: fn.node.loc?.start.line ?? 1,
        cyclomatic: fn.cyclomatic,
        cognitive: fn.cognitive,
        lines: fn.lines,
      });
    }
    collected.delete(absolutePath);
    for (const m of messages) {
      if (m.ruleId === "edu/functions") continue;
      if (m.ruleId || m.fatal) {
        findings.push({
          filePath,
          line: m.line,
          endLine: m.endLine,
          rule: m.ruleId ?? "parse-error",
          severity: m.severity === 2 ? "MAJOR" : "MINOR",
          message: m.message,
        });
      }
    }
  }
  return { functions, findings };
}
