/** Choosing the native thread count by measurement: the probe, the calibration and its per-machine cache. */
package dev.digitlab.nn.threads;
