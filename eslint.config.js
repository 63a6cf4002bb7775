import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "public/survey/**", "node_modules/**", "db/migrations/**", "tests/.tmp/**", "tests/fixtures/lint/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Every model function returns a Promise: a forgotten `await` (`if (!getConsultation(…))`) is an error.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    // Routes stay thin: the database is reached only through app/models.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/db.server", "drizzle-orm", "drizzle-orm/*", "better-sqlite3", "pg"], message: "Call a function in app/models instead." }] },
      ],
    },
  },
  {
    // Model code runs on SQLite and PostgreSQL: the SQLite-only synchronous finishers do not exist on PostgreSQL.
    files: ["app/models/**", "db/seed.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name=/^(run|get|all)$/][arguments.length=0]",
          message: "Await the query builder instead: .run()/.get()/.all() are SQLite-only.",
        },
      ],
    },
  },
);
