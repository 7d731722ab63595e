/** Wires the application together: the JavaFX App and the plain Launcher main. */
package dev.digitlab.app;
