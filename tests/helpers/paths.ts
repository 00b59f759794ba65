import path from "node:path";

export const testDataRoot = path.resolve(__dirname, "..", "..", ".test-data");
export const embeddedTemplateDir = path.join(testDataRoot, "template", "pglite");
