export * from "./accounts";
export * from "./esco";
export * from "./organisations";
export * from "./taxonomy";
