// The classic Remix compiler turns a CSS import into the URL of the hashed file. vite/client (in
// tsconfig types for vitest) declares "*.css" as an empty module, so the real shape is declared
// for our stylesheets by name.
declare module "~/styles/app.css" {
  const href: string;
  export default href;
}
