export * from "./accounts";
export * from "./conversations";
export * from "./esco";
export * from "./jobs";
export * from "./networks";
export * from "./notifications";
export * from "./organisations";
export * from "./taxonomy";
