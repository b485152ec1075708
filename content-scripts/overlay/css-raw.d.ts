// The overlay's stylesheets are plain .css files imported as text (`./x.css?raw`: webpack asset/source, Vite raw),
// so they can be adopted into the shadow root; this tells TypeScript what such an import is.
declare module '*.css?raw' {
  const css: string;
  export default css;
}
