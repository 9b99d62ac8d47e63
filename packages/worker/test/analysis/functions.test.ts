// Per-function measurements in each language: names from the syntax tree, nested functions on their own, and
// each cognitive-complexity rule of the SonarSource specification.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { functionFindings, keyFunctions } from "../../src/analysis/analyze";
import type { Language, SourceFile } from "../../src/analysis/files";
import { analyzeJavaScript } from "../../src/analysis/javascript";
import { analyzeWithTreeSitter } from "../../src/analysis/tree-sitter";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const source = (path: string, language: Language, text: string, root = "/virtual"): SourceFile => ({
  path,
  absolutePath: join(root, path),
  language,
  text,
  isTest: false,
});

async function treeSitter(path: string, language: "python" | "java", text: string) {
  const { functions } = await analyzeWithTreeSitter(source(path, language, text));
  return Object.fromEntries(functions.map((f) => [f.name, f]));
}

async function javascript(path: string, text: string) {
  const root = mkdtempSync(join(tmpdir(), "edu-functions-"));
  dirs.push(root);
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  const language: Language = path.endsWith(".ts") ? "typescript" : "javascript";
  const { functions } = await analyzeJavaScript(root, [source(path, language, text, root)]);
  return Object.fromEntries(functions.map((f) => [f.name, f]));
}

/** Python function `f` with `body` indented under it. */
const py = (body: string) =>
  `def f(a, b, c, d, xs):\n${body
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n")}\n`;
const pyCognitive = async (body: string) => (await treeSitter("m.py", "python", py(body))).f?.cognitive;

/** Java method `f` with `body`. */
const java = (body: string) =>
  `class K {\n  int f(int a, int b, int c, int d, int[] xs) {\n${body}\n    return 0;\n  }\n}\n`;
const javaCognitive = async (body: string) =>
  (await treeSitter("K.java", "java", java(body)))["K.f"]?.cognitive;

describe("Python", () => {
  it("names functions by class and enclosing function, and measures a nested function on its own", async () => {
    const fns = await treeSitter(
      "shop/cart.py",
      "python",
      `class Cart:\n    def total(self, items):\n        def price(item):\n            if item.promo:\n                return 0\n            return item.price\n        return sum(price(i) for i in items)\n\n\ndef main():\n    return 1\n`,
    );
    expect(Object.keys(fns).sort()).toEqual(["Cart.total", "Cart.total.price", "main"]);
    expect(fns["Cart.total.price"]).toMatchObject({ line: 3, cyclomatic: 2, cognitive: 1, lines: 4 });
    // The outer function is charged for its own code only: the generator's `for` (+1), not the inner `if`.
    expect(fns["Cart.total"]).toMatchObject({ line: 2, cyclomatic: 2, cognitive: 1, lines: 2 });
  });

  it.each([
    ["if", "if a:\n    pass", 1],
    [
      "if / elif / else: +1 each, no nesting for elif and else",
      "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
      3,
    ],
    ["nesting: if in for in while", "while a:\n    for x in xs:\n        if x:\n            pass", 1 + 2 + 3],
    ["a flat `or` sequence counts once", "if a or b or c:\n    pass", 2],
    ["mixed operators: one per sequence of like operators", "if a and b or c and d:\n    pass", 1 + 3],
    ["parentheses do not start a new sequence", "if a and (b and c):\n    pass", 2],
    ["except, nested", "for x in xs:\n    try:\n        pass\n    except ValueError:\n        pass", 1 + 2],
    [
      "match counts once however many cases",
      "match a:\n    case 1:\n        pass\n    case 2:\n        pass",
      1,
    ],
    ["conditional expression, nested in a loop", "for x in xs:\n    y = 1 if x else 2", 1 + 2],
    ["loop else", "for x in xs:\n    pass\nelse:\n    pass", 2],
    ["lambda nests what is inside it", "g = lambda x: 1 if x else 2", 2],
    ["comprehension for and if", "ys = [x for x in xs if x]", 2],
    ["straight-line code", "a = b + c\nreturn a", 0],
  ])("%s", async (_name, body, expected) => {
    expect(await pyCognitive(body)).toBe(expected);
  });

  it("counts docstrings as comments, not code", async () => {
    const result = await analyzeWithTreeSitter(
      source("d.py", "python", `def f():\n    """Says hello.\n\n    Twice."""\n    return 1\n`),
    );
    expect(result).toMatchObject({ codeLines: 2, commentLines: 3 });
  });
});

describe("Java", () => {
  it("names methods and constructors by class, a local class's method on its own", async () => {
    const fns = await treeSitter(
      "src/main/java/Shop.java",
      "java",
      `public class Shop {\n  Shop() {}\n  int total(int[] xs) {\n    Runnable r = new Runnable() {\n      public void run() { if (xs.length > 0) {} }\n    };\n    return xs.length;\n  }\n  static class Line { int price() { return 1; } }\n}\n`,
    );
    expect(Object.keys(fns).sort()).toEqual(["Shop.Line.price", "Shop.Shop", "Shop.total", "Shop.total.run"]);
    expect(fns["Shop.total"]?.cognitive).toBe(0);
    expect(fns["Shop.total.run"]?.cognitive).toBe(1);
  });

  it.each([
    ["if / else if / else", "if (a > 0) {} else if (b > 0) {} else {}", 3],
    ["nesting: if in for in while", "while (a > 0) { for (int x : xs) { if (x > 0) {} } }", 1 + 2 + 3],
    ["a flat && sequence counts once", "if (a > 0 && b > 0 && c > 0) {}", 2],
    ["mixed operators", "if (a > 0 && b > 0 || c > 0 && d > 0) {}", 1 + 3],
    ["switch counts once", "switch (a) { case 1: break; case 2: break; default: break; }", 1],
    ["catch, nested", "for (;;) { try { a++; } catch (RuntimeException e) { b++; } }", 1 + 2],
    ["break to a label", "outer: for (int x : xs) { for (int y : xs) { break outer; } }", 1 + 2 + 1],
    ["ternary", "a = b > 0 ? 1 : 2;", 1],
    ["lambda nests what is inside it", "Runnable r = () -> { if (a > 0) {} };", 2],
    ["do-while", "do { a++; } while (a < b);", 1],
  ])("%s", async (_name, body, expected) => {
    expect(await javaCognitive(body)).toBe(expected);
  });
});

describe("JavaScript and TypeScript", () => {
  it("takes each function's name from its node, never from a message", async () => {
    const fns = await javascript(
      "src/shop.ts",
      `export function grade(score: number) {\n  return score > 90 ? "A" : "B";\n}\nexport const area = (w: number, h: number) => w * h;\nclass Cart {\n  total(items: number[]) {\n    return items.map((i) => i * 2);\n  }\n  get size() { return 1; }\n}\nconst api = { load() { return 1; } };\nmodule.exports.helper = function () { return 2; };\nexport default function () { return 3; }\n`,
    );
    expect(Object.keys(fns).sort()).toEqual([
      "Cart.get size",
      "Cart.total",
      "Cart.total.(callback of items.map)",
      "area",
      "default",
      "grade",
      "load",
      "module.exports.helper",
    ]);
    expect(fns.grade).toMatchObject({ line: 1, cyclomatic: 2, cognitive: 1, lines: 3 });
  });

  it("measures a nested function on its own", async () => {
    const fns = await javascript(
      "src/outer.js",
      `export function outer(xs) {\n  function inner(x) {\n    if (x > 1) {\n      for (const y of xs) { if (y) return y; }\n    }\n    return 0;\n  }\n  return xs.map(inner);\n}\n`,
    );
    expect(fns["outer.inner"]).toMatchObject({ cyclomatic: 4, cognitive: 1 + 2 + 3, lines: 6 });
    expect(fns.outer).toMatchObject({ cyclomatic: 1, cognitive: 0, lines: 3 });
  });

  it("follows SonarJS for operators: an && sequence counts once, || and ?? (default values) do not", async () => {
    const fns = await javascript(
      "src/flat.js",
      `export function f(a, b, c) {\n  if (a || b || c) return 1;\n  if (a && b || c) return 2;\n  return 0;\n}\n`,
    );
    expect(fns.f).toMatchObject({ cyclomatic: 1 + 1 + 2 + 1 + 2, cognitive: 1 + 0 + 1 + 1 });
  });
});

describe("findings and keys", () => {
  const fn = { filePath: "a.py", line: 3, lines: 70, cyclomatic: 23, cognitive: 21 };

  it("one finding per function and rule, naming the function", () => {
    const findings = keyFunctions([{ ...fn, name: "grade" }]).flatMap(functionFindings);
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ["cognitive-complexity", "MAJOR", "Function `grade` has a cognitive complexity of 21 (limit 15)"],
      [
        "cyclomatic-complexity",
        "INFO",
        "Function `grade` has a cyclomatic complexity of 23 (limit 10; reported, not charged)",
      ],
      ["long-function", "MINOR", "Function `grade` has 70 code lines (limit 60)"],
    ]);
  });

  it("keys functions by file and name, numbering repeated names", () => {
    const keys = keyFunctions([
      { ...fn, name: "f" },
      { ...fn, name: "f" },
      { ...fn, name: "g" },
      { ...fn, filePath: "b.py", name: "f" },
    ]).map((f) => f.key);
    expect(keys).toEqual(["a.py::f", "a.py::f#2", "a.py::g", "b.py::f"]);
  });
});
