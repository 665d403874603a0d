/** See vitest.aliases.mjs: tsconfig.base.json's `paths` as Vite `resolve.alias` entries. */
export declare const workspaceAliases: { find: RegExp; replacement: string }[];
