// The whole database schema. Each concern keeps its tables in a file of its own.
export * from "./areas";
export * from "./people";
export * from "./city";
export * from "./steering";
export * from "./neighbourhood";
export * from "./workspaces";
export * from "./security";
export * from "./register";
export * from "./rights";
export * from "./situations";
export * from "./consultations";
export * from "./observations";
