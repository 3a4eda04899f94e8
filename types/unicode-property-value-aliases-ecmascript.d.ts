/** The package's one export: for each property (General_Category, Script, Script_Extensions), every alias of every value ECMAScript regular expressions accept, mapped to its canonical name. */
declare module "unicode-property-value-aliases-ecmascript" {
  const aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  export default aliases;
}
