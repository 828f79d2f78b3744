/**
 * Loads every module that registers a workflow effect, so that wherever standards are checked
 * or cases act (server, CLI, seed, tests) the same effects exist. Add a module here when it
 * registers one.
 */
import '../relief/relief.service.ts';
