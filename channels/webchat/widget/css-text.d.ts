// The bundler's text loader turns an imported .css file into its contents as a string.
declare module '*.css' {
  const text: string;
  export default text;
}
