/** The headless command line (picocli): train, evaluate, predict, bench, data, info. */
package dev.digitlab.cli;
