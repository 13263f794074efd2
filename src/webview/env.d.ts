/** Stylesheets imported by page code: esbuild bundles them into the page's .css file. */
declare module '*.css';
