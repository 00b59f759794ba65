export * from "./enums";
export * from "./places";
export * from "./organisations";
export * from "./categories";
export * from "./users";
export * from "./reports";
export * from "./permits";
export * from "./calendar";
