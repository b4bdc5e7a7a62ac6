// ESLint for the browser code (assets/, sync/browser/): names that do not exist. A component
// or function used but never imported only fails when that screen renders, so it is caught
// here instead. Style is left to review.
import react from "eslint-plugin-react";
import globals from "globals";

export default [
  {
    files: ["assets/**/*.js", "assets/**/*.jsx", "sync/browser/**/*.js", "tools/*.mjs"],
    plugins: { react },
    languageOptions: {
      ecmaVersion: 2024,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.serviceworker, ...globals.node },
    },
    rules: {
      "no-undef": "error",
      "react/jsx-no-undef": "error",
      "react/jsx-uses-vars": "error",
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none", ignoreRestSiblings: true,
                                 varsIgnorePattern: "^_" }],
    },
  },
];
