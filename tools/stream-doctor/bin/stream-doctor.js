#!/usr/bin/env node
// The sources are TypeScript, run as they are (like every script in the workshop):
// tsx's loader first, then the CLI. Nothing is built or downloaded.
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
