// Copied to dist/snapshot/import.cjs. A main deserialized from a start-up snapshot has no `import()`
// (ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING on Node 20); a file required from disk at run time has.
module.exports = (specifier) => import(specifier);
