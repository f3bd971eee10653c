/** Text imports (`./file.sql?raw`), served by Vite in the browser and by src/cli/raw-import-hook.js in Node. */
declare module '*?raw' {
  const text: string;
  export default text;
}
