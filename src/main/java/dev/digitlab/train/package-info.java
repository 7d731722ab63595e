/** The training loop, its listener, training history and evaluation; no UI. */
package dev.digitlab.train;
