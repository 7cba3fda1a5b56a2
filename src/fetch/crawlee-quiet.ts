/**
 * Crawlee logs to stdout, which the contract (docs/contract.md) keeps for command results (`try
 * --json`, `search --json`, `export` to stdout); our pino logs report instead. Imported, for this
 * effect, by every module that runs a Crawlee crawler.
 */
import { log as crawleeLog, LogLevel } from '@crawlee/core';

crawleeLog.setLevel(LogLevel.OFF);
